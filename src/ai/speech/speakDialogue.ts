import type { AssetHash } from '../../model/ids';
import type { Shot } from '../../model/shot';
import { ms, type Milliseconds } from '../../model/units';
import type { AiRouter } from '../router/router';
import { OPENAI_VOICES, voiceFor } from './voices';

/** Silence between two speeches of a shot, so lines do not run into each other. */
export const GAP_BETWEEN_LINES_MS = 250;

export interface SpokenLine {
  readonly assetHash: AssetHash;
  readonly offsetMs: Milliseconds;
  readonly durationMs: Milliseconds;
}

export interface SpeakDeps {
  readonly router: Pick<AiRouter, 'speech'>;
  /** Stores the bytes and returns their hash (the asset store). */
  readonly store: (bytes: Uint8Array, mimeType: string) => Promise<AssetHash>;
  /** Length of a recording in ms (the browser's decoder on the page; a fake in tests). */
  readonly measure: (bytes: Uint8Array) => Promise<number>;
  readonly signal?: AbortSignal;
}

/**
 * Text to speech for every line of a shot, through the provider router (fallback, retries and
 * the call log come with it). Lines are laid one after another from the shot's start. Each
 * character always gets the same voice (voices.ts).
 */
export async function speakDialogue(
  shot: Pick<Shot, 'dialogue'>,
  deps: SpeakDeps,
): Promise<SpokenLine[]> {
  const spoken: SpokenLine[] = [];
  let offset = 0;
  for (const line of shot.dialogue) {
    if (!line.line.trim()) continue;
    const routed = await deps.router.speech(
      { text: line.line, voice: voiceFor(line.speaker, OPENAI_VOICES) },
      deps.signal ? { signal: deps.signal } : {},
    );
    const { bytes, mimeType } = routed.result;
    const durationMs = Math.round(await deps.measure(bytes));
    const assetHash = await deps.store(bytes, mimeType);
    spoken.push({ assetHash, offsetMs: ms(offset), durationMs: ms(durationMs) });
    offset += durationMs + GAP_BETWEEN_LINES_MS;
  }
  return spoken;
}
