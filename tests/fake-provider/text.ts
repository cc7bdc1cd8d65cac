import { suggestionAnswer } from './suggestions';
import type { FakeRequest, FakeState, Reply, StreamEnding, TextKind } from './types';

/**
 * The fake's text answers: what it says (the answer a test set; a scene review or frame check,
 * suggestions.ts; structured answers for the idea pipeline's outline and character bible; a
 * Fountain screenplay for its script step; an echo otherwise), and how it says
 * it, whole or streamed in each vendor's own event format, in small pieces with a short delay.
 *
 * Scenarios (the path prefix): `cut` — the stream ends half way without its final event (the
 * server just closes it, as a dropped connection or a proxy's timeout would); `streamerror` —
 * half the text, then the vendor's error event (an overload); `stall` — half the text, then
 * nothing until the client gives up (for cancelling mid-stream).
 */

export type StreamFormat = 'responses' | 'chat' | 'anthropic' | 'gemini';

export interface TextUsage {
  readonly input: number;
  readonly output: number;
}

/** Characters per streamed piece. */
const PIECE_CHARS = 12;

/** The instructions and the prompt of a text request, in any vendor's body shape. */
export function textOf(body: unknown): { system: string; prompt: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const partsText = (x: unknown) =>
    ((x as { parts?: { text?: string }[] } | undefined)?.parts ?? [])
      .map((p) => p.text ?? '')
      .join('');
  if (typeof b.input === 'string')
    return { system: typeof b.instructions === 'string' ? b.instructions : '', prompt: b.input };
  if (Array.isArray(b.messages)) {
    const messages = b.messages as { role?: string; content?: unknown }[];
    const said = (m: { content?: unknown } | undefined) =>
      typeof m?.content === 'string' ? m.content : '';
    const system =
      typeof b.system === 'string' ? b.system : said(messages.find((m) => m.role === 'system'));
    return { system, prompt: said(messages.findLast((m) => m.role === 'user')) };
  }
  if (Array.isArray(b.contents))
    return {
      system: partsText(b.systemInstruction),
      prompt: partsText((b.contents as unknown[])[0]),
    };
  return { system: '', prompt: '' };
}

export function textKindOf(system: string): TextKind {
  if (system.includes('"beats"')) return 'outline';
  if (system.includes('"wardrobe"')) return 'bible';
  if (/Fountain/.test(system)) return 'script';
  return 'plain';
}

/** The two lines of a brief, for a title; the first line that says something. */
function titleFrom(prompt: string): string {
  const line = prompt.split('\n').find((l) => l.trim().length > 0) ?? 'Untitled';
  const words = line
    .replace(/^[^:]*:\s*/, '')
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');
  return words.replace(/[^\p{L}\p{N} ]/gu, '').trim() || 'Untitled';
}

const SCRIPT = (title: string) => `Title: ${title}
Credit: Written by
Author: The fake provider

INT. LIGHTHOUSE - NIGHT

Rain on the glass. MARA (60s), the keeper, winds the great lamp by hand.

MARA
One more night. Just one.

TOMAS (20s), soaked, climbs the last steps.

TOMAS
The ship is coming in blind.

EXT. CLIFF - DAWN

The lamp turns. Far below, a hull slides past the rocks.

MARA
Told you. One more night.
`;

/** A malformed answer: JSON cut off half way, as a model that ran out of tokens writes it. */
const MALFORMED = '{"title": "Cut short", "beats": [{"title": "Open", "summary": "It beg';

export function answerFor(state: FakeState, body: unknown): { kind: TextKind; text: string } {
  const { system, prompt } = textOf(body);
  const kind = textKindOf(system);
  if (state.textAnswer !== null) return { kind, text: state.textAnswer };
  const suggestion = suggestionAnswer(body);
  if (suggestion !== null) return { kind, text: suggestion };
  const malformed = state.malformed.get(kind) ?? 0;
  if (malformed > 0 && kind !== 'plain' && kind !== 'script') {
    state.malformed.set(kind, malformed - 1);
    return { kind, text: MALFORMED };
  }
  const title = titleFrom(prompt);
  switch (kind) {
    case 'outline':
      return {
        kind,
        text: JSON.stringify({
          title,
          beats: [
            { title: 'The storm', summary: 'A keeper keeps the lamp lit one last night.' },
            { title: 'The stranger', summary: 'A young man brings news of a ship in trouble.' },
            { title: 'The dawn', summary: 'The ship passes the rocks; the light did its work.' },
          ],
        }),
      };
    case 'bible': {
      const names = (/^Characters: (.*)$/m.exec(prompt)?.[1] ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      // Wrapped in a code fence, as models often do: the app must find the JSON inside.
      return {
        kind,
        text: `\`\`\`json\n${JSON.stringify(
          names.map((name, i) => ({
            name,
            description: `${name}, the ${i === 0 ? 'lead' : 'second lead'}.`,
            look: i === 0 ? 'Sixties, weathered face, white braid' : 'Twenties, lanky, wet hair',
            wardrobe: i === 0 ? 'Oilskin coat, wool sweater' : 'Torn rain jacket',
          })),
          null,
          2,
        )}\n\`\`\``,
      };
    }
    case 'script':
      return { kind, text: SCRIPT(title) };
    default:
      return { kind, text: `Fake answer to: ${prompt.slice(0, 80)}` };
  }
}

/** Whether the request asks for a streamed answer, and in which format. */
export function streamFormatOf(request: FakeRequest): StreamFormat | null {
  const body = request.json() as { stream?: unknown } | null;
  if (request.vendor === 'gemini')
    return request.path.endsWith(':streamGenerateContent') ? 'gemini' : null;
  if (body?.stream !== true) return null;
  if (request.vendor === 'anthropic') return 'anthropic';
  return request.path.endsWith('/responses') ? 'responses' : 'chat';
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += PIECE_CHARS) out.push(text.slice(i, i + PIECE_CHARS));
  return out;
}

type Event = { readonly event?: string; readonly data: unknown };

function framesFor(format: StreamFormat, text: string, usage: TextUsage) {
  const parts = pieces(text);
  const open: Event[] = [];
  const close: Event[] = [];
  let piece: (delta: string, last: boolean) => Event;
  let failure: Event;
  switch (format) {
    case 'responses':
      open.push({ event: 'response.created', data: { type: 'response.created', response: {} } });
      piece = (delta) => ({
        event: 'response.output_text.delta',
        data: { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta },
      });
      close.push(
        { event: 'response.output_text.done', data: { type: 'response.output_text.done', text } },
        {
          event: 'response.completed',
          data: {
            type: 'response.completed',
            response: {
              status: 'completed',
              usage: { input_tokens: usage.input, output_tokens: usage.output },
            },
          },
        },
      );
      failure = {
        event: 'response.failed',
        data: {
          type: 'response.failed',
          response: {
            status: 'failed',
            error: { code: 'server_error', message: 'The model is overloaded.' },
          },
        },
      };
      break;
    case 'chat':
      piece = (delta, last) => ({
        data: {
          choices: [{ index: 0, delta: { content: delta }, finish_reason: last ? 'stop' : null }],
        },
      });
      close.push(
        {
          data: {
            choices: [],
            usage: { prompt_tokens: usage.input, completion_tokens: usage.output },
          },
        },
        { data: '[DONE]' },
      );
      failure = { data: { error: { message: 'The model is overloaded.', code: 'server_error' } } };
      break;
    case 'anthropic':
      open.push(
        {
          event: 'message_start',
          data: {
            type: 'message_start',
            message: { usage: { input_tokens: usage.input, output_tokens: 1 } },
          },
        },
        {
          event: 'content_block_start',
          data: {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'text', text: '' },
          },
        },
        { event: 'ping', data: { type: 'ping' } },
      );
      piece = (delta) => ({
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: delta } },
      });
      close.push(
        { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
        {
          event: 'message_delta',
          data: {
            type: 'message_delta',
            delta: { stop_reason: 'end_turn' },
            usage: { output_tokens: usage.output },
          },
        },
        { event: 'message_stop', data: { type: 'message_stop' } },
      );
      failure = {
        event: 'error',
        data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      };
      break;
    case 'gemini':
      piece = (delta, last) => ({
        data: {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: delta }] },
              ...(last ? { finishReason: 'STOP' } : {}),
            },
          ],
          usageMetadata: {
            promptTokenCount: usage.input,
            ...(last ? { candidatesTokenCount: usage.output } : {}),
          },
        },
      });
      failure = {
        data: { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
      };
      break;
  }
  return { open, parts: parts.map((p, i) => piece(p, i === parts.length - 1)), close, failure };
}

function frame(event: Event): string {
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  return `${event.event ? `event: ${event.event}\n` : ''}data: ${data}\n\n`;
}

/**
 * Streams `text` in the vendor's format, a piece every `state.streamDelayMs`. A client that goes
 * away stops the stream (and the fake notes it as not finished in its call log).
 */
export async function streamAnswer(
  reply: Reply,
  state: FakeState,
  format: StreamFormat,
  text: string,
  usage: TextUsage,
  ending: StreamEnding,
): Promise<void> {
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const { open, parts, close, failure } = framesFor(format, text, usage);
  const half = Math.max(1, Math.floor(parts.length / 2));
  const body = ending === 'whole' ? parts : parts.slice(0, half);
  let gone = false;
  res.on('close', () => (gone = true));
  const wait = () => new Promise((r) => setTimeout(r, state.streamDelayMs));
  for (const event of open) res.write(frame(event));
  for (const event of body) {
    if (gone) return;
    await wait();
    res.write(frame(event));
  }
  if (gone) return;
  if (ending === 'stall') return; // open until the client gives up or the server closes
  if (ending === 'cut') {
    res.end();
    return;
  }
  if (ending === 'error') {
    res.end(frame(failure));
    return;
  }
  await wait();
  res.end(close.map(frame).join(''));
}
