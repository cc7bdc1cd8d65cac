import type { AudioClip, AudioClipKind } from '../../model/audio';
import type { ClipLayout } from '../../model/timelineEdit';

/** A shot's sound clip placed on the timeline at its real time and length. */
export interface PlacedSound {
  readonly shotId: string;
  readonly shotNumber: string;
  readonly clipId: string;
  readonly assetHash: string;
  readonly kind: AudioClipKind;
  readonly muted: boolean;
  readonly startMs: number;
  readonly endMs: number;
  /** Row of the sound lane: clips that overlap in time go on separate rows. */
  readonly row: number;
}

/**
 * Every sound clip of the shots, at shot start + offset for its recorded length (a pre-lap
 * starts before its shot; a long line runs past the cut), in rows so overlaps stay visible:
 * each clip takes the first row free at its start.
 */
export function placeSounds(
  shots: readonly {
    readonly id: string;
    readonly number: string;
    readonly audio: readonly AudioClip[];
  }[],
  layout: readonly ClipLayout[],
): PlacedSound[] {
  const placed = shots.flatMap((shot, i) =>
    shot.audio.map((clip) => {
      const startMs = (layout[i]?.start ?? 0) + clip.offsetMs;
      return {
        shotId: shot.id,
        shotNumber: shot.number,
        clipId: clip.id,
        assetHash: clip.assetHash,
        kind: clip.kind,
        muted: clip.muted === true,
        startMs,
        endMs: startMs + clip.durationMs,
      };
    }),
  );
  placed.sort((a, b) => a.startMs - b.startMs);
  const rowEnds: number[] = [];
  return placed.map((sound) => {
    let row = rowEnds.findIndex((end) => end <= sound.startMs);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = sound.endMs;
    return { ...sound, row };
  });
}
