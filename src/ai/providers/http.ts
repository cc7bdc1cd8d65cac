import type { z } from 'zod';
import { ProviderError, scrub, type ErrorKind } from './errors';
import type { CallContext } from './types';

/**
 * The one way adapters talk HTTP: plain `fetch` with only the headers each API needs (vendor
 * SDKs add `x-stainless-*` headers that break CORS preflights), and every failure turned into a
 * ProviderError whose message names the cause in plain words and never contains the key.
 */

export interface HttpCall {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON string or multipart form; `fetch` sets the multipart content type itself. */
  readonly body?: string | FormData;
}

/** How long the "is it CORS or is it down?" probe may take. */
const PROBE_TIMEOUT_MS = 3000;
/** Waits longer than this, asked by a provider, are capped (the router has its own limit too). */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export function jsonHeaders(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { 'content-type': 'application/json', ...extra };
}

export function bearer(apiKey: string | null): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export async function send(call: HttpCall, ctx: CallContext): Promise<Response> {
  let response: Response;
  try {
    const init: RequestInit = { method: call.method ?? 'GET', signal: ctx.signal };
    if (call.headers) init.headers = { ...call.headers };
    if (call.body !== undefined) init.body = call.body;
    response = await fetch(call.url, init);
  } catch (error) {
    throw await failedToConnect(error, call.url, ctx);
  }
  if (!response.ok) throw await httpError(response, ctx);
  return response;
}

export async function sendJson(call: HttpCall, ctx: CallContext): Promise<unknown> {
  const response = await send(call, ctx);
  const text = await readText(response, ctx);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError(
      'badResponse',
      `The provider's answer is not JSON: “${scrub(text.slice(0, 80), [ctx.apiKey])}”`,
      response.status,
    );
  }
}

export async function sendForBytes(
  call: HttpCall,
  ctx: CallContext,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; mimeType: string }> {
  const response = await send(call, ctx);
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, mimeType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '' };
  } catch (error) {
    throw abortedOr(error, ctx, 'The answer stopped half way.');
  }
}

/** Checks an answer's shape; a wrong shape is a bad response, with the first problem named. */
export function parseShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'answer';
  throw new ProviderError(
    'badResponse',
    `The provider's ${what} is not in the expected shape (${where}: ${issue?.message ?? 'invalid'}).`,
  );
}

async function readText(response: Response, ctx: CallContext): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw abortedOr(error, ctx, 'The answer stopped half way.');
  }
}

/** The call's signal fired: the router's timeout (its reason is a ProviderError) or a cancel. */
export function abortedOr(error: unknown, ctx: CallContext, message: string): ProviderError {
  if (ctx.signal.aborted) {
    const reason: unknown = ctx.signal.reason;
    return reason instanceof ProviderError
      ? reason
      : new ProviderError('cancelled', 'The call was stopped.');
  }
  return new ProviderError(
    'network',
    `${message} (${error instanceof Error ? error.name : 'error'})`,
  );
}

/**
 * `fetch` rejected. A browser says only "Failed to fetch" both when the server is down and when
 * it answered without CORS headers; an opaque no-cors request tells the two apart (it succeeds
 * only if something answered). It carries no key and no body.
 */
async function failedToConnect(
  error: unknown,
  url: string,
  ctx: CallContext,
): Promise<ProviderError> {
  if (ctx.signal.aborted) return abortedOr(error, ctx, '');
  const host = safeHost(url);
  try {
    await fetch(url, { mode: 'no-cors', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return new ProviderError(
      'cors',
      `${host} answered, but the browser blocked the answer: the server does not allow calls from web pages (CORS).`,
    );
  } catch {
    return new ProviderError('network', `Could not reach ${host}.`);
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

async function httpError(response: Response, ctx: CallContext): Promise<ProviderError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The body is only for the message; the status already says what happened.
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const said = scrub(messageOf(json) ?? text.slice(0, 200), [ctx.apiKey]);
  const kind = classifyHttp(response.status, `${text}`.toLowerCase());
  const message = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}${said ? `: ${said}` : ''}`;
  return new ProviderError(kind, message, response.status, retryAfterMs(response, text));
}

/** The human part of the error bodies these APIs send. */
function messageOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message;
    if (typeof message === 'string') return message;
  }
  if (typeof record.message === 'string') return record.message;
  const detail = record.detail;
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object' && detail !== null) {
    const message = (detail as Record<string, unknown>).message;
    if (typeof message === 'string') return message;
  }
  if (Array.isArray(record.errors) && typeof record.errors[0] === 'string') return record.errors[0];
  return null;
}

const NO_CREDIT =
  /insufficient_quota|exceeded your current quota|credit balance|out of credits|insufficient.?credits|quota_exceeded|payment required|billing/;
const DAILY_LIMIT = /per ?day|perday|daily/;

/** Sorts an HTTP failure by what will help; bodies matter, since a 429 can mean "no money". */
export function classifyHttp(status: number, body: string): ErrorKind {
  if (NO_CREDIT.test(body) || status === 402) return 'quota';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429)
    return body.includes('resource_exhausted') && DAILY_LIMIT.test(body) ? 'quota' : 'rateLimit';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'badRequest';
}

/**
 * The wait a provider asked for: the Retry-After header when the browser lets us read it (it is
 * often hidden cross-origin), else a hint in the body (Gemini's RetryInfo `"retryDelay": "33s"`,
 * OpenAI's "try again in 1.5s").
 */
function retryAfterMs(response: Response, body: string): number | null {
  const header = response.headers.get('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return clampWait(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return clampWait(date - Date.now());
  }
  const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body);
  if (delay?.[1]) return clampWait(Number(delay[1]) * 1000);
  const again = /try again in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(body);
  if (again?.[1]) return clampWait(Number(again[1]) * (again[2] === 'ms' ? 1 : 1000));
  return null;
}

function clampWait(ms: number): number {
  return Math.max(0, Math.min(MAX_RETRY_AFTER_MS, Math.round(ms)));
}

/** Joins a user-typed base URL and a path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
