import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeComfy } from './comfy';
import { callKindOf, FailureScript, sha256, type CallEntry, type FailRule } from './script';
import { streamFormatOf } from './text';
import type {
  FakeRequest,
  FakeState,
  RecordedRequest,
  Reply,
  StreamEnding,
  TextKind,
} from './types';
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
 *   cut               a streamed text answer ends half way without its final event (text.ts)
 *   streamerror       a streamed text answer sends half, then the vendor's error event
 *   stall             a streamed text answer sends half, then nothing (for cancel mid-stream)
 *
 * Text endpoints answer what the request asks for (text.ts): the outline and character bible as
 * JSON, a Fountain screenplay, else an echo; whole, or streamed when the request asks to stream
 * (OpenAI Responses and chat completions, Anthropic Messages, Gemini streamGenerateContent).
 *
 * Control (also as methods of the returned object):
 *   GET  /__control/requests     what was received (headers and bodies)
 *   GET  /__control/calls        the call log: method, path, kind, SHA-256 of the body, status
 *   POST /__control/reset        forget requests, calls, failure rules and answer settings
 *   POST /__control/text-answer  {"text": …}: what every text endpoint answers (null: by request)
 *   POST /__control/malformed    {"kind": "outline" | "bible", "times": 1}: malformed JSON, n times
 *   POST /__control/fail         a FailRule (script.ts): fail the nth request of a kind
 *   POST /__control/stream-delay {"ms": 5}: the pause before each streamed piece
 */

export interface FakeProviderServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** The base URL a provider should use: `url` + scenario prefix + vendor (+ API root). */
  baseUrl(vendor: string, scenario?: string, apiRoot?: string): string;
  requests(): RecordedRequest[];
  reset(): void;
  setTextAnswer(text: string | null): void;
  /** Every request in the order received, with the hash of its body and what was answered. */
  calls(): CallEntry[];
  /** Fail the nth request of a kind (script.ts). */
  fail(rule: FailRule): void;
  /** The next `times` structured answers of this kind are malformed JSON. */
  malformed(kind: TextKind, times?: number): void;
  setStreamDelay(ms: number): void;
  close(): Promise<void>;
}

const MAX_RECORDED_BODY_BYTES = 4 * 1024 * 1024;
const DEFAULT_SLOW_MS = 1500;
const DEFAULT_STREAM_DELAY_MS = 5;
const SCENARIO_ENDINGS: Readonly<Record<string, StreamEnding>> = {
  cut: 'cut',
  streamerror: 'error',
  stall: 'stall',
};
const PREFIX = /^\/s\/([\w-]+)(\/.*)$/;

export async function startFakeProvider(): Promise<FakeProviderServer> {
  const recorded: RecordedRequest[] = [];
  const calls: CallEntry[] = [];
  const failures = new FailureScript();
  const flakyCounts = new Map<string, number>();
  const comfy = new FakeComfy();
  let url = '';
  const state: FakeState = {
    textAnswer: null,
    malformed: new Map(),
    streamDelayMs: DEFAULT_STREAM_DELAY_MS,
    files: new Map(),
    baseUrl: () => url,
  };
  const resetAll = () => {
    recorded.length = 0;
    calls.length = 0;
    flakyCounts.clear();
    failures.clear();
    state.textAnswer = null;
    state.malformed.clear();
    state.streamDelayMs = DEFAULT_STREAM_DELAY_MS;
  };

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
    let request = makeRequest(
      req,
      raw,
      scenario,
      vendor,
      `/${pathParts.join('/')}`,
      parsed.search.slice(1),
    );
    recorded.push(recordOf(request));
    const call = logCall(request, raw, res);
    const reply = replyTo(res);
    const scripted = failures.decide(call.kind);
    if (scripted?.kind === 'cut' && streamFormatOf(request)) {
      call.scripted = 'cut';
      request = { ...request, streamEnding: 'cut' };
    } else if (scripted) {
      call.scripted = 'status';
      const status = scripted.kind === 'status' ? scripted.status : 500;
      if (status === 429) reply.raw.setHeader('retry-after', '1');
      reply.json(status, {
        error: { message: `Scripted failure (${status}) of this ${call.kind} request.` },
      });
      return;
    }
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

  /** Notes the request in the call log; its status is filled in when the answer is done. */
  function logCall(request: FakeRequest, raw: Buffer, res: ServerResponse): CallEntry {
    const { method, vendor, scenario, path, query } = request;
    const call: CallEntry = {
      seq: calls.length + 1,
      method,
      vendor,
      scenario,
      path,
      query,
      kind: callKindOf(request),
      bodySha256: sha256(raw),
      status: null,
      finished: false,
      scripted: null,
    };
    calls.push(call);
    res.on('close', () => {
      call.status = res.headersSent ? res.statusCode : null;
      // A cut stream ends its HTTP response cleanly; it is still not a whole answer.
      const cut = call.scripted === 'cut' || request.streamEnding === 'cut';
      call.finished = res.writableFinished && !cut;
    });
    return call;
  }

  function control(path: string, raw: Buffer, res: ServerResponse) {
    const json = () => JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    const done = () => res.writeHead(204).end();
    if (path === '/__control/requests') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
    } else if (path === '/__control/calls') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(calls));
    } else if (path === '/__control/reset') {
      resetAll();
      done();
    } else if (path === '/__control/text-answer') {
      state.textAnswer = (json() as { text?: string | null }).text ?? null;
      done();
    } else if (path === '/__control/malformed') {
      const { kind, times } = json() as { kind: TextKind; times?: number };
      state.malformed.set(kind, times ?? 1);
      done();
    } else if (path === '/__control/fail') {
      failures.add(json() as unknown as FailRule);
      done();
    } else if (path === '/__control/stream-delay') {
      state.streamDelayMs = Number((json() as { ms?: number }).ms ?? DEFAULT_STREAM_DELAY_MS);
      done();
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
    reset: resetAll,
    setTextAnswer: (text) => {
      state.textAnswer = text;
    },
    calls: () => calls.map((call) => ({ ...call })),
    fail: (rule) => failures.add(rule),
    malformed: (kind, times = 1) => {
      state.malformed.set(kind, times);
    },
    setStreamDelay: (ms) => {
      state.streamDelayMs = ms;
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
    streamEnding: SCENARIO_ENDINGS[scenario] ?? 'whole',
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
