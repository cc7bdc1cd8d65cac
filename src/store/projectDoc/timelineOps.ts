import type * as Y from 'yjs';
import { z } from 'zod';
import {
  audioClipSchema,
  fitToAudio,
  newAudioClipId,
  normaliseAudioClip,
  normaliseMusicTrack,
  type AudioClip,
  type MusicTrack,
} from '../../model/audio';
import { normaliseFraming, type ShotFraming } from '../../model/framing';
import type { ShotId } from '../../model/ids';
import { normaliseTransition, type Transition } from '../../model/transition';
import type { Milliseconds } from '../../model/units';
import { rootsOf, USER_ORIGIN, type YRecord } from './layout';

/**
 * Timeline edits: camera moves, transitions and sound. Layout (see layout.ts for the rest):
 *
 *   shots/<id>.framing        plain ShotFraming, or null for "the camera move's preset"
 *   shots/<id>.transitionOut  plain Transition (the hand-over to the next shot)
 *   shots/<id>.audio          plain AudioClip[] (whole list replaced per edit, like `dialogue`)
 *   meta.music                plain MusicTrack, or null
 *
 * Plain values rather than nested Y types: each is small and edited as a unit, and whole-value
 * "last writer wins" is the right merge for "two people set this shot's transition". Every value
 * is normalised (clamped into the schema's bounds) before it is stored, so a reader never has to
 * drop a shot because of a slider that overshot. One call is one transaction: one undo step.
 */

const FIELD = {
  framing: 'framing',
  transitionOut: 'transitionOut',
  audio: 'audio',
  durationMs: 'durationMs',
  music: 'music',
} as const;

function shotRecord(doc: Y.Doc, shotId: ShotId): YRecord | undefined {
  return rootsOf(doc).shots.get(shotId);
}

function setPlain(record: YRecord, key: string, value: unknown): void {
  if (JSON.stringify(record.get(key)) === JSON.stringify(value)) return;
  record.set(key, value === null ? null : structuredClone(value));
}

/** Sets a shot's explicit camera move; null hands it back to the preset of its move label. */
export function setShotFraming(doc: Y.Doc, shotId: ShotId, framing: ShotFraming | null): void {
  doc.transact(() => {
    const record = shotRecord(doc, shotId);
    if (record) setPlain(record, FIELD.framing, framing && normaliseFraming(framing));
  }, USER_ORIGIN);
}

/** Sets how `shotId` hands over to the shot after it. */
export function setTransition(doc: Y.Doc, shotId: ShotId, transition: Transition): void {
  doc.transact(() => {
    const record = shotRecord(doc, shotId);
    if (record) setPlain(record, FIELD.transitionOut, normaliseTransition(transition));
  }, USER_ORIGIN);
}

const clipListSchema = z.array(audioClipSchema);

/** The clips stored on a shot record; a damaged list reads as none rather than throwing. */
function clipsOf(record: YRecord): AudioClip[] {
  const parsed = clipListSchema.safeParse(record.get(FIELD.audio) ?? []);
  return parsed.success ? (parsed.data as AudioClip[]) : [];
}

/** Replaces every clip of a shot. */
export function setShotAudio(doc: Y.Doc, shotId: ShotId, clips: readonly AudioClip[]): void {
  doc.transact(() => {
    const record = shotRecord(doc, shotId);
    if (record) setPlain(record, FIELD.audio, clips.map(normaliseAudioClip));
  }, USER_ORIGIN);
}

/**
 * Adds a clip to a shot, or replaces the clip with the same id. Recording, TTS and import all
 * come through here once their bytes are in the asset store. Returns the clip's id (a new one
 * when `clip.id` is absent), or null when the shot does not exist.
 */
export function setAudioClip(
  doc: Y.Doc,
  shotId: ShotId,
  clip: Omit<AudioClip, 'id'> & { readonly id?: string },
): string | null {
  const id = clip.id ?? newAudioClipId();
  let stored = false;
  doc.transact(() => {
    const record = shotRecord(doc, shotId);
    if (!record) return;
    const next = normaliseAudioClip({ ...clip, id });
    const clips = clipsOf(record);
    const at = clips.findIndex((c) => c.id === id);
    if (at >= 0) clips[at] = next;
    else clips.push(next);
    setPlain(record, FIELD.audio, clips);
    stored = true;
  }, USER_ORIGIN);
  return stored ? id : null;
}

export function removeAudioClip(doc: Y.Doc, shotId: ShotId, clipId: string): void {
  doc.transact(() => {
    const record = shotRecord(doc, shotId);
    if (!record) return;
    const clips = clipsOf(record);
    const kept = clips.filter((c) => c.id !== clipId);
    if (kept.length !== clips.length) setPlain(record, FIELD.audio, kept);
  }, USER_ORIGIN);
}

/**
 * "Fit to audio": sets the shot's duration so its clips finish (plus `tailMs`). Returns the new
 * duration, or null (and changes nothing) when the shot has no clips to fit to.
 */
export function fitShotToAudio(doc: Y.Doc, shotId: ShotId, tailMs = 0): Milliseconds | null {
  let fitted: Milliseconds | null = null;
  doc.transact(() => {
    const record = shotRecord(doc, shotId);
    if (!record) return;
    fitted = fitToAudio({ audio: clipsOf(record) }, tailMs);
    if (fitted !== null && record.get(FIELD.durationMs) !== fitted) {
      record.set(FIELD.durationMs, fitted);
    }
  }, USER_ORIGIN);
  return fitted;
}

/** Sets or clears the project's music bed. */
export function setMusic(doc: Y.Doc, music: MusicTrack | null): void {
  doc.transact(() => {
    setPlain(rootsOf(doc).meta, FIELD.music, music && normaliseMusicTrack(music));
  }, USER_ORIGIN);
}
