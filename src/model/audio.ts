import { z } from 'zod';
import { assetHashSchema } from './ids';
import type { Stored } from './stored';
import { clampShotDuration, millisecondsSchema, ms, type Milliseconds } from './units';

/**
 * Sound for the animatic. The bytes of every recording live in the asset store (Dexie blob keyed
 * by the SHA-256 of the bytes, like frame images); the project document holds only hashes.
 *
 * Where it lives in the document (store/projectDoc):
 * - per shot, `audio`: a plain array of `AudioClip`s on the shot's record, edited as a whole
 *   (like `dialogue`): a shot has a handful of clips, and "last edit of this shot's sound wins"
 *   is what two people re-recording one line expect;
 * - per project, `meta.music`: one `MusicTrack` or null.
 */
export const AUDIO_CLIP_KINDS = ['voiceover', 'dialogue', 'tts', 'import'] as const;
export type AudioClipKind = (typeof AUDIO_CLIP_KINDS)[number];

export const AUDIO_CLIP_KIND_LABELS: Record<AudioClipKind, string> = {
  voiceover: 'Voice-over',
  dialogue: 'Dialogue',
  tts: 'Text to speech',
  import: 'Imported sound',
};

export const MAX_VOLUME = 2;
export const DEFAULT_MUSIC_VOLUME = 0.5;
/** Recordings and offsets beyond an hour are mistakes, not animatics. */
export const MAX_AUDIO_MS = ms(3_600_000);

/** Linear gain: 1 plays the recording as recorded, 0 silences it, 2 doubles its amplitude. */
const volumeSchema = z.number().min(0).max(MAX_VOLUME);

export const audioClipSchema = z.object({
  /** Random id, unique within the shot, so an edit can name the clip it changes. */
  id: z.string().min(1),
  assetHash: assetHashSchema,
  kind: z.enum(AUDIO_CLIP_KINDS),
  volume: volumeSchema,
  /**
   * Where the clip starts, from the shot's start. Negative starts it before the cut (a pre-lap:
   * the next line heard over the end of the previous shot). Clips are not cut at the shot's end.
   */
  offsetMs: millisecondsSchema(-MAX_AUDIO_MS, MAX_AUDIO_MS),
  /**
   * Length of the recording, measured when it was attached. Kept here so the model can fit a
   * shot to its sound without decoding audio (decoding needs a browser).
   */
  durationMs: millisecondsSchema(1, MAX_AUDIO_MS),
  /**
   * Kept but not heard: an earlier take a punch-in recorded over (punchIn below). Optional
   * rather than defaulted so clips written by older builds read back unchanged.
   */
  muted: z.boolean().optional(),
});
export type AudioClip = Stored<typeof audioClipSchema>;

/**
 * The project's music bed: starts with the animatic, fades in and out, stops at its end. It plays
 * once (a short bed ends before the animatic does) unless `loop` asks for it to repeat.
 */
export const musicTrackSchema = z.object({
  assetHash: assetHashSchema,
  volume: volumeSchema,
  fadeInMs: millisecondsSchema(0, MAX_AUDIO_MS),
  /** Fade at the end of the animatic (or of the music, if it ends first). */
  fadeOutMs: millisecondsSchema(0, MAX_AUDIO_MS),
  /** Repeat the recording until the animatic ends. Optional: absent plays it once. */
  loop: z.boolean().optional(),
});
export type MusicTrack = Stored<typeof musicTrackSchema>;

export function newAudioClipId(): string {
  return crypto.randomUUID();
}

function clampInt(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, Number.isFinite(value) ? value : 0)));
}

function clampVolume(value: number): number {
  return Math.min(MAX_VOLUME, Math.max(0, Number.isFinite(value) ? value : 1));
}

/** A clip made safe to store: volume and times within the schema's bounds, whole milliseconds. */
export function normaliseAudioClip(clip: AudioClip): AudioClip {
  return {
    id: clip.id,
    assetHash: clip.assetHash,
    kind: clip.kind,
    volume: clampVolume(clip.volume),
    offsetMs: ms(clampInt(clip.offsetMs, -MAX_AUDIO_MS, MAX_AUDIO_MS)),
    durationMs: ms(clampInt(clip.durationMs, 1, MAX_AUDIO_MS)),
    ...(clip.muted === true ? { muted: true } : {}),
  };
}

export function normaliseMusicTrack(track: MusicTrack): MusicTrack {
  return {
    assetHash: track.assetHash,
    volume: clampVolume(track.volume),
    fadeInMs: ms(clampInt(track.fadeInMs, 0, MAX_AUDIO_MS)),
    fadeOutMs: ms(clampInt(track.fadeOutMs, 0, MAX_AUDIO_MS)),
    ...(track.loop === true ? { loop: true } : {}),
  };
}

/**
 * "Fit to audio": the duration that lets every clip of the shot finish, plus `tailMs` of air
 * after the last one (a cut right on the last syllable feels clipped; the UI decides how much).
 * Null when the shot has no clips that end after its start. Clamped like any shot duration.
 */
export function fitToAudio(
  shot: { readonly audio: readonly AudioClip[] },
  tailMs: number = 0,
): Milliseconds | null {
  let end = 0;
  for (const clip of shot.audio) {
    if (clip.muted !== true) end = Math.max(end, clip.offsetMs + clip.durationMs);
  }
  if (end <= 0) return null;
  return clampShotDuration(end + Math.max(0, tailMs));
}
