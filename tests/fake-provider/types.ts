import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** What a text request asks for, read from the instructions it carries (text.ts). */
export type TextKind = 'outline' | 'bible' | 'script' | 'plain';

/** How a streamed answer ends: whole, cut off, with an error event, or stalled (never ends). */
export type StreamEnding = 'whole' | 'cut' | 'error' | 'stall';

/** One request as the fake saw it; tests read these to check headers, bodies and URLs. */
export interface RecordedRequest {
  readonly method: string;
  readonly scenario: string;
  readonly vendor: string;
  /** The path after the vendor prefix, e.g. `/v1/images/generations`. */
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  /** The body as latin1 text (multipart bodies included), cut at 4 MiB. */
  readonly body: string;
}

export interface FakeRequest extends RecordedRequest {
  readonly raw: Buffer;
  /** The key the client sent, from whichever header its API uses. */
  readonly key: string | null;
  /** How a streamed answer to it ends (its scenario, or a scripted failure of the server). */
  readonly streamEnding: StreamEnding;
  json(): unknown;
}

export interface Reply {
  json(status: number, body: unknown): void;
  bytes(status: number, body: Buffer, contentType: string): void;
  text(status: number, body: string, contentType?: string): void;
  readonly raw: ServerResponse;
}

export interface FakeState {
  /** What text endpoints answer; null echoes the prompt. */
  textAnswer: string | null;
  /** How many more answers of each structured kind come back malformed (then valid again). */
  readonly malformed: Map<TextKind, number>;
  /** The pause before each piece of a streamed answer. */
  streamDelayMs: number;
  readonly files: Map<string, Buffer>;
  readonly baseUrl: () => string;
}

export type VendorHandler = (
  request: FakeRequest,
  reply: Reply,
  state: FakeState,
) => void | Promise<void>;
