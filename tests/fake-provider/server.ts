import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeComfy } from './comfy';
import type { FakeRequest, FakeState, RecordedRequest, Reply } from './types';
import { VENDORS } from './vendors';
import { acceptWebSocket } from './websocket';

/**
 * A fake of every AI provider Frameline speaks to, on 127.0.0.1, for unit contract tests and
 * end-to-end tests. Adapters send minimal headers, so the scenario is chosen by a path prefix
 * that becomes part of the provider's Base URL:
 *
 *   http://127.0.0.1:PORT/[s/<scenario>/]<vendor>/<the API's own path>
 *
 * vendors: openai (also OpenAI-compatible), anthropic, gemini (with Veo's long-running video
 * operations), stability, comfyui, a1111, elevenlabs, fal (its queue API; video.ts). Scenarios (default `ok`):
 *   slow | slow-<ms>  answer after a delay (default 1500 ms)
 *   429               rate limited, with Retry-After: 1 (hidden from browsers: not exposed)
 *   daily             Gemini-style RESOURCE_EXHAUSTED per-day quota (429)
 *   nocredit          OpenAI-style insufficient_quota (429)
 *   500               server error
 *   401               key refused; the body echoes the key, as some real APIs do
 *   garbage           200 with a body that is not JSON
 *   hang              never answers (until the client gives up or the server closes)
 *   flaky-<n>         500 for the first n requests with this prefix, then ok
 *   nocors            normal answers without CORS headers (browsers block them)
 *   url               OpenAI images answered with a URL to fetch instead of base64
 *   videofail         a video job (Veo, fal) is accepted and then fails (video.ts)
 *   running           a video job is accepted and never finishes (for cancel)
 *
 * Control: GET /__control/requests (what was received), POST /__control/reset,
 * POST /__control/text-answer {"text": …} (what text endpoints answer; null echoes).
 */

export interface FakeProviderServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** The base URL a provider should use: `url` + scenario prefix + vendor (+ API root). */
  baseUrl(vendor: string, scenario?: string, apiRoot?: string): string;
  requests(): RecordedRequest[];
  reset(): void;
  setTextAnswer(text: string | null): void;
  close(): Promise<void>;
}

const MAX_RECORDED_BODY_BYTES = 4 * 1024 * 1024;
const DEFAULT_SLOW_MS = 1500;
const PREFIX = /^\/s\/([\w-]+)(\/.*)$/;

export async function startFakeProvider(): Promise<FakeProviderServer> {
  const recorded: RecordedRequest[] = [];
  const flakyCounts = new Map<string, number>();
  const comfy = new FakeComfy();
  let url = '';
  const state: FakeState = { textAnswer: null, files: new Map(), baseUrl: () => url };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefixed = PREFIX.exec(parsed.pathname);
    const scenario = prefixed?.[1] ?? 'ok';
    const rest = prefixed?.[2] ?? parsed.pathname;
    const cors = scenario !== 'nocors';
    if (cors) corsHeaders(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const raw = await readBody(req);
    if (rest.startsWith('/__control/')) return control(rest, raw, res);
    if (rest.startsWith('/files/')) {
      const file = state.files.get(rest.slice('/files/'.length));
      const type = rest.endsWith('.mp4') ? 'video/mp4' : 'image/png';
      if (file) res.writeHead(200, { 'content-type': type }).end(file);
      else res.writeHead(404).end();
      return;
    }
    const [, vendor = '', ...pathParts] = rest.split('/');
    const request = makeRequest(
      req,
      raw,
      scenario,
      vendor,
      `/${pathParts.join('/')}`,
      parsed.search.slice(1),
    );
    recorded.push(recordOf(request));
    const reply = replyTo(res);
    if (await playScenario(scenario, request, reply)) return;
    if (vendor === 'comfyui') return comfy.handle(request, reply);
    const handler = VENDORS[vendor];
    if (!handler) return reply.json(404, { error: { message: `Unknown fake vendor ${vendor}` } });
    await handler(request, reply, state);
  }

  /** Answers for the failure scenarios; false means "answer normally". */
  async function playScenario(
    scenario: string,
    request: FakeRequest,
    reply: Reply,
  ): Promise<boolean> {
    if (scenario.startsWith('slow')) {
      await new Promise((r) => setTimeout(r, Number(scenario.split('-')[1] ?? DEFAULT_SLOW_MS)));
      return false;
    }
    if (scenario.startsWith('flaky-')) {
      const seen = (flakyCounts.get(scenario) ?? 0) + 1;
      flakyCounts.set(scenario, seen);
      if (seen > Number(scenario.slice('flaky-'.length))) return false;
      reply.json(500, {
        error: { message: 'The server had an error while processing your request.' },
      });
      return true;
    }
    switch (scenario) {
      case '429':
        reply.raw.setHeader('retry-after', '1');
        reply.json(429, {
          error: {
            message: 'Rate limit reached. Please try again in 1s.',
            code: 'rate_limit_exceeded',
          },
        });
        return true;
      case 'daily':
        reply.json(429, {
          error: {
            code: 429,
            status: 'RESOURCE_EXHAUSTED',
            message:
              'You exceeded your current quota: generate_content_free_tier_requests, limit: 50 per day.',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
                violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
              },
            ],
          },
        });
        return true;
      case 'nocredit':
        reply.json(429, {
          error: {
            message: 'You exceeded your current quota, please check your plan and billing details.',
            type: 'insufficient_quota',
            code: 'insufficient_quota',
          },
        });
        return true;
      case '500':
        reply.json(500, {
          error: { message: 'The server had an error while processing your request.' },
        });
        return true;
      case '401':
        reply.json(401, {
          error: {
            message: `Incorrect API key provided: ${request.key ?? '(none)'}.`,
            code: 'invalid_api_key',
          },
        });
        return true;
      case 'garbage':
        reply.text(200, '<html><body>502 Bad Gateway</body>{{{', 'application/json');
        return true;
      case 'hang':
        return true; // no answer: the socket stays open until the client aborts or we close
      default:
        return false;
    }
  }

  function control(path: string, raw: Buffer, res: ServerResponse) {
    if (path === '/__control/requests') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
    } else if (path === '/__control/reset') {
      recorded.length = 0;
      flakyCounts.clear();
      state.textAnswer = null;
      res.writeHead(204).end();
    } else if (path === '/__control/text-answer') {
      state.textAnswer =
        (JSON.parse(raw.toString('utf8') || '{}') as { text?: string | null }).text ?? null;
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  }

  server.on('upgrade', (req, socket) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = PREFIX.exec(parsed.pathname)?.[2] ?? parsed.pathname;
    if (path !== '/comfyui/ws') return socket.destroy();
    const accepted = acceptWebSocket(req, socket);
    if (accepted) comfy.connect(parsed.searchParams.get('clientId') ?? '', accepted);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    baseUrl: (vendor, scenario = 'ok', apiRoot = '') =>
      `${url}${scenario === 'ok' ? '' : `s/${scenario}/`}${vendor}${apiRoot ? `/${apiRoot}` : ''}`,
    requests: () => [...recorded],
    reset: () => {
      recorded.length = 0;
      flakyCounts.clear();
    },
    setTextAnswer: (text) => {
      state.textAnswer = text;
    },
    close: async () => {
      comfy.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function corsHeaders(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
  // A wildcard does not cover Authorization; echo what the preflight asks for.
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ?? '*',
  );
  res.setHeader('access-control-max-age', '600');
  res.setHeader('vary', 'origin');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const KEY_HEADERS = ['x-api-key', 'x-goog-api-key', 'xi-api-key'] as const;

function makeRequest(
  req: IncomingMessage,
  raw: Buffer,
  scenario: string,
  vendor: string,
  path: string,
  query: string,
): FakeRequest {
  const auth = req.headers.authorization;
  const key = /^(Bearer|Key) /.test(auth ?? '')
    ? (auth ?? '').replace(/^(Bearer|Key) /, '')
    : (KEY_HEADERS.map((h) => req.headers[h]).find((v): v is string => typeof v === 'string') ??
      null);
  return {
    method: req.method ?? 'GET',
    scenario,
    vendor,
    path,
    query,
    headers: req.headers,
    body: raw.subarray(0, MAX_RECORDED_BODY_BYTES).toString('latin1'),
    raw,
    key,
    json() {
      try {
        return JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        return null;
      }
    },
  };
}

function recordOf(request: FakeRequest): RecordedRequest {
  const { method, scenario, vendor, path, query, headers, body } = request;
  return { method, scenario, vendor, path, query, headers, body };
}

function replyTo(res: ServerResponse): Reply {
  return {
    raw: res,
    json: (status, body) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
    bytes: (status, body, contentType) =>
      res.writeHead(status, { 'content-type': contentType }).end(body),
    text: (status, body, contentType = 'text/plain') =>
      res.writeHead(status, { 'content-type': contentType }).end(body),
  };
}
