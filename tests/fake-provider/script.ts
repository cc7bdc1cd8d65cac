import { createHash } from 'node:crypto';
import type { FakeRequest } from './types';

/**
 * The fake's call log and its scripted failures, for end-to-end tests that must prove nothing
 * was asked (and paid for) twice, and that a run survives a provider failing in the middle.
 *
 * Each request is sorted by what it costs: `text`, `image`, `speech`, `video` (a job submitted),
 * `poll` (a video job's status or result: free, and asked many times by design), `other` (model
 * lists, uploads, files).
 */
export const CALL_KINDS = ['text', 'image', 'speech', 'video', 'poll', 'other'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export interface CallEntry {
  /** 1, 2, … in the order the fake received them. */
  readonly seq: number;
  readonly method: string;
  readonly vendor: string;
  readonly scenario: string;
  readonly path: string;
  readonly query: string;
  readonly kind: CallKind;
  /** SHA-256 (hex) of the body as sent; the same request sent twice has the same hash. */
  readonly bodySha256: string;
  /** What the fake answered; null while it has not answered (a stream under way, a hang). */
  status: number | null;
  /** Whether the answer went out whole (false: cut, stalled, or the client went away first). */
  finished: boolean;
  /** Set when a scripted failure answered it. */
  scripted: 'status' | 'cut' | null;
}

/**
 * Fail the `nth` request of a kind (counted from when the rule is set, 1 = the next one), and
 * the `times − 1` after it: with `status` (500 by default; 429 comes with Retry-After: 1), or,
 * with `cut`, a streamed text answer that stops half way (a whole answer gets the status).
 */
export interface FailRule {
  readonly kind: CallKind | 'any';
  readonly nth: number;
  readonly status?: number;
  readonly times?: number;
  readonly cut?: boolean;
}

interface LiveRule extends FailRule {
  seen: number;
  fired: number;
}

export type Scripted =
  { readonly kind: 'status'; readonly status: number } | { readonly kind: 'cut' };

const GEMINI_GENERATE = /:(generateContent|streamGenerateContent)$/;

export function callKindOf(request: FakeRequest): CallKind {
  const { vendor, method, path } = request;
  if (method !== 'POST' && method !== 'PUT') {
    if (/operations|requests\/|\/history|\/queue|:download/.test(path)) return 'poll';
    return 'other';
  }
  switch (vendor) {
    case 'openai':
      if (path.endsWith('/responses') || path.endsWith('/chat/completions')) return 'text';
      if (path.includes('/images/')) return 'image';
      if (path.endsWith('/audio/speech')) return 'speech';
      return 'other';
    case 'anthropic':
      return path.endsWith('/messages') ? 'text' : 'other';
    case 'gemini': {
      if (path.endsWith(':predictLongRunning')) return 'video';
      if (!GEMINI_GENERATE.test(path)) return 'other';
      const body = request.json() as {
        generationConfig?: { responseModalities?: string[] };
      } | null;
      const modalities = body?.generationConfig?.responseModalities ?? [];
      if (modalities.includes('IMAGE')) return 'image';
      if (modalities.includes('AUDIO')) return 'speech';
      return 'text';
    }
    case 'stability':
    case 'a1111':
      return 'image';
    case 'comfyui':
      return path === '/prompt' ? 'image' : 'other';
    case 'elevenlabs':
      return path.startsWith('/v1/text-to-speech/') ? 'speech' : 'other';
    case 'fal':
      return method === 'POST' && !path.includes('/requests/') ? 'video' : 'other';
    default:
      return 'other';
  }
}

export function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

export class FailureScript {
  private rules: LiveRule[] = [];

  add(rule: FailRule): void {
    if (!Number.isInteger(rule.nth) || rule.nth < 1) throw new Error('nth counts from 1');
    this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** Counts the request against every rule of its kind; the failure to play, if one is due. */
  decide(kind: CallKind): Scripted | null {
    let due: Scripted | null = null;
    for (const rule of this.rules) {
      if (rule.kind !== 'any' && rule.kind !== kind) continue;
      if (rule.kind === 'any' && (kind === 'poll' || kind === 'other')) continue;
      rule.seen += 1;
      if (due || rule.seen < rule.nth || rule.fired >= (rule.times ?? 1)) continue;
      rule.fired += 1;
      due =
        rule.cut && kind === 'text'
          ? { kind: 'cut' }
          : { kind: 'status', status: rule.status ?? 500 };
    }
    return due;
  }
}
