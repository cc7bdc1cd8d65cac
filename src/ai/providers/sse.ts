import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ProviderError, scrub } from './errors';
import { send, abortedOr, type HttpCall } from './http';
import type { CallContext, Usage } from './types';

/**
 * Streamed text answers (server-sent events). Each vendor's events are read by a small reader
 * that keeps the text so far and says when the provider declared the answer finished; this file
 * owns the rest, the same for all: reading the body, parsing the events (eventsource-parser),
 * telling the caller the text so far, stopping on the signal, and the rule that an answer is
 * whole only when the provider said so: a stream that ends without its final event is an error
 * in words, never a silently short answer.
 */

/** What a vendor's reader does with one event. */
export type StreamStep =
  /** Text arrived: the new piece (appended to the text so far). */
  | { readonly kind: 'text'; readonly delta: string }
  /** Token counts, whole or in part (later values win field by field). */
  | { readonly kind: 'usage'; readonly usage: Partial<Usage> }
  /** The provider said the answer is finished (its last event). */
  | { readonly kind: 'done' }
  /** The provider said it failed part way. */
  | { readonly kind: 'error'; readonly error: ProviderError };

export type StreamReader = (event: EventSourceMessage) => readonly StreamStep[];

export interface StreamedText {
  readonly text: string;
  readonly usage: Usage;
}

/** A reader gave up on an event that is not what the API sends (not JSON, say). */
export function badEvent(what: string, data: string): ProviderError {
  return new ProviderError(
    'badResponse',
    `The provider's ${what} is not in the expected shape: “${data.slice(0, 80)}”`,
  );
}

/** A failure the provider reported inside a stream, sorted like an HTTP failure would be. */
export function streamFailure(message: string, code: string, apiKey: string | null): ProviderError {
  const said = scrub(message || code || 'no reason given', [apiKey]);
  const lower = `${code} ${message}`.toLowerCase();
  const kind = /insufficient_quota|quota|billing|credit/.test(lower)
    ? 'quota'
    : /rate.?limit/.test(lower)
      ? 'rateLimit'
      : /invalid|not.?found|permission|policy/.test(lower)
        ? 'badRequest'
        : 'server';
  return new ProviderError(kind, `The provider stopped the answer half way: ${said}`);
}

/** The event's data as JSON; an event that is not JSON is a bad response. */
export function eventJson(event: EventSourceMessage, what: string): unknown {
  try {
    return JSON.parse(event.data) as unknown;
  } catch {
    throw badEvent(what, event.data);
  }
}

/**
 * Sends the call and reads its event stream to the end, calling `ctx.onText` with the whole text
 * so far after each piece. Resolves only when the reader saw the provider's final event; events
 * after it are still read (OpenAI-style servers send the token counts after the last piece).
 */
export async function sendStreaming(
  call: HttpCall,
  ctx: CallContext,
  read: StreamReader,
): Promise<StreamedText> {
  const response = await send(call, ctx);
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream')) {
    // A server that ignored `stream: true` (or an error page with status 200).
    const body = await response.text().catch(() => '');
    throw new ProviderError(
      'badResponse',
      `The provider did not stream its answer (${type || 'no content type'}): “${scrub(body.slice(0, 80), [ctx.apiKey])}”`,
      response.status,
    );
  }
  const body = response.body;
  if (!body) throw new ProviderError('badResponse', 'The provider sent an empty stream.');

  let text = '';
  let usage: Usage = { inputTokens: 0, outputTokens: 0, images: 0, characters: 0 };
  let done = false;
  let failure: ProviderError | null = null;
  const parser = createParser({
    onEvent(event) {
      if (failure) return;
      let steps: readonly StreamStep[];
      try {
        steps = read(event);
      } catch (error) {
        failure =
          error instanceof ProviderError ? error : badEvent('stream event', String(event.data));
        return;
      }
      let grew = false;
      for (const step of steps) {
        if (step.kind === 'text' && step.delta) {
          text += step.delta;
          grew = true;
        } else if (step.kind === 'usage') usage = { ...usage, ...definedOnly(step.usage) };
        else if (step.kind === 'done') done = true;
        else if (step.kind === 'error') failure = step.error;
      }
      if (grew && !failure) ctx.onText?.(text);
    },
  });

  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    // An event is dispatched at its blank line; one the stream ends inside is dropped, as the
    // SSE spec says, so a last event cut short reads as a stream that stopped half way.
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      parser.feed(chunk.value);
      if (failure) break;
    }
  } catch (error) {
    throw abortedOr(error, ctx, cutMessage(text));
  } finally {
    // Stops the download when we stopped early (an error event, a cancel).
    void reader.cancel().catch(() => undefined);
  }
  if (failure) throw failure;
  if (ctx.signal.aborted) throw abortedOr(new Error('aborted'), ctx, '');
  if (!done) throw new ProviderError('network', cutMessage(text));
  return { text, usage };
}

function cutMessage(text: string): string {
  return text
    ? `The answer stopped half way: the stream ended after ${text.length} characters, before the provider said it was finished.`
    : 'The answer stopped before any text arrived.';
}

function definedOnly(usage: Partial<Usage>): Partial<Usage> {
  return Object.fromEntries(Object.entries(usage).filter(([, v]) => v !== undefined));
}
