import type { AudioClip, AudioClipKind } from '../model/audio';
import { newAudioClipId, normaliseAudioClip } from '../model/audio';
import { punchIn } from '../model/takes';
import type { AssetHash, ShotId } from '../model/ids';
import { ms } from '../model/units';
import { speakDialogue, type SpeakDeps } from '../ai/speech/speakDialogue';
import type { ProjectSession } from '../store';

export interface SoundDeps {
  /** Stores the bytes and returns their hash (the asset store). */
  readonly store: (bytes: Uint8Array, mimeType: string) => Promise<AssetHash>;
  /** Length of a recording in ms (the browser's decoder on the page; a fake in tests). */
  readonly measure: (bytes: Uint8Array) => Promise<number>;
}

/**
 * Puts a recorded voice-over or an imported sound file on a shot, from its start. It is measured
 * first: what the browser cannot decode is refused in words and never stored.
 */
export async function attachSound(
  session: ProjectSession,
  shotId: ShotId,
  sound: { readonly bytes: Uint8Array; readonly mimeType: string; readonly kind: AudioClipKind },
  deps: SoundDeps,
): Promise<void> {
  const durationMs = await deps.measure(sound.bytes).catch(() => {
    throw new Error('This file is not audio the browser can play.');
  });
  const assetHash = await deps.store(sound.bytes, sound.mimeType || 'audio/wav');
  const added = session.run('shot/setAudioClip', {
    shotId,
    clip: {
      assetHash,
      kind: sound.kind,
      volume: 1,
      offsetMs: ms(0),
      durationMs: ms(Math.round(durationMs)),
    },
  });
  if (!added.ok) throw added.error;
}

/**
 * Text to speech for a shot's dialogue (each character keeps one voice): every line becomes a
 * clip, added to the clips the shot has when the speech arrives, as one undo step. Returns how
 * many lines were spoken.
 */
export async function speakShot(
  session: ProjectSession,
  shotId: ShotId,
  deps: Omit<SpeakDeps, 'store' | 'measure'> & SoundDeps,
): Promise<number> {
  const shotNow = () => session.getState().snapshot.shots.find((s) => s.id === shotId);
  const shot = shotNow();
  if (!shot) throw new Error('The shot is gone.');
  const spoken = await speakDialogue(shot, deps);
  if (spoken.length === 0) return 0;
  const clips = spoken.map((line): AudioClip => ({
    ...line,
    id: newAudioClipId(),
    kind: 'tts',
    volume: 1,
  }));
  const added = session.run('shot/setAudio', {
    shotId,
    clips: [...(shotNow()?.audio ?? []), ...clips],
  });
  if (!added.ok) throw added.error;
  return spoken.length;
}

/** Where a recording made while the animatic played began: the shot then under the playhead. */
export interface RecordingPlace {
  readonly shotId: ShotId;
  /** From the shot's start to where recording began. */
  readonly offsetMs: number;
}

/**
 * A voice-over recorded while the animatic played lands where it was recorded: on the shot under
 * the playhead when recording began, at that moment. It punches in (model/takes.ts): a
 * voice-over it covers is kept as a muted take, not deleted. One undo step.
 */
export async function placeRecording(
  session: ProjectSession,
  place: RecordingPlace,
  sound: { readonly bytes: Uint8Array; readonly mimeType: string },
  deps: SoundDeps,
): Promise<void> {
  const durationMs = await deps.measure(sound.bytes).catch(() => {
    throw new Error('The recording is not audio the browser can play.');
  });
  const assetHash = await deps.store(sound.bytes, sound.mimeType || 'audio/webm');
  const shot = session.getState().snapshot.shots.find((s) => s.id === place.shotId);
  if (!shot) throw new Error('The shot the recording was made over is gone; it was not placed.');
  const take = normaliseAudioClip({
    id: newAudioClipId(),
    assetHash,
    kind: 'voiceover',
    volume: 1,
    offsetMs: ms(place.offsetMs),
    durationMs: ms(durationMs),
  });
  const placed = session.run('shot/setAudio', {
    shotId: place.shotId,
    clips: punchIn(shot.audio, take),
  });
  if (!placed.ok) throw placed.error;
}
