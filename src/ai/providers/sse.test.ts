import { afterEach, describe, expect, test, vi } from 'vitest';
import { ProviderError } from './errors';
import { sendStreaming, type StreamReader } from './sse';
import type { CallContext } from './types';

/**
 * The stream reader on its own, with the bytes cut where networks cut them: an event split over
 * chunks, a character split between its bytes, CRLF line ends, a stream ending inside an event.
 */

const encoder = new TextEncoder();

/** A response whose body arrives `size` bytes at a time. */
function streamed(text: string, size: number, type = 'text/event-stream'): Response {
  const bytes = encoder.encode(text);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': type } });
}

/** Reads `{"t": "..."}` events as text and `{"end": true}` as the final event. */
const reader: StreamReader = (event) => {
  const data = JSON.parse(event.data) as { t?: string; end?: boolean };
  return data.end ? [{ kind: 'done' }] : [{ kind: 'text', delta: data.t ?? '' }];
};

function call(response: Response, partials: string[]) {
  vi.stubGlobal('fetch', () => Promise.resolve(response));
  const ctx: CallContext = {
    signal: new AbortController().signal,
    apiKey: null,
    onText: (p) => partials.push(p),
  };
  return sendStreaming({ url: 'http://127.0.0.1:9/x', method: 'POST' }, ctx, reader);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendStreaming', () => {
  const pieces = ['Hé', 'llo «wö', 'rld» — ', '日本語', '!'];
  const events = pieces.map((t) => `data: ${JSON.stringify({ t })}\r\n\r\n`).join('');

  for (const size of [1, 2, 3, 7, 64]) {
    test(`pieces split every ${size} byte(s) arrive whole and in order`, async () => {
      const partials: string[] = [];
      const result = await call(streamed(`${events}data: {"end": true}\n\n`, size), partials);
      expect(result.text).toBe(pieces.join(''));
      expect(partials).toEqual(pieces.map((_, i) => pieces.slice(0, i + 1).join('')));
    });
  }

  test('a stream that ends without its final event is an error, not a short answer', async () => {
    const partials: string[] = [];
    const error = await call(streamed(events, 5), partials).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toMatch(/after 20 characters/);
    expect(partials.at(-1)).toBe(pieces.join(''));
  });

  test('a final event the stream ends inside (no blank line after it) is not taken', async () => {
    const error = await call(streamed(`${events}data: {"end": true}`, 64), []).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'network' });
  });

  test('an answer that is not an event stream is a bad response', async () => {
    const error = await call(streamed('{"text": "whole"}', 64, 'application/json'), []).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'badResponse' });
    expect((error as Error).message).toMatch(/did not stream/);
  });

  test('an event the reader cannot read stops the stream as a bad response', async () => {
    const error = await call(streamed('data: {not json\n\n', 64), []).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'badResponse' });
  });
});
