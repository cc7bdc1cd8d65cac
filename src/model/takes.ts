import type { AudioClip } from './audio';

/** Whether two clips of one shot are heard at the same time. */
function overlaps(a: AudioClip, b: AudioClip): boolean {
  return a.offsetMs < b.offsetMs + b.durationMs && b.offsetMs < a.offsetMs + a.durationMs;
}

/**
 * A punch-in: `take` (a new recording) goes on the shot, and every voice-over it is recorded
 * over is kept as a take but muted, so the new one is what is heard and the old one is a click
 * away (chooseTake). Other kinds (dialogue, text to speech, imported files) play on under it.
 */
export function punchIn(clips: readonly AudioClip[], take: AudioClip): AudioClip[] {
  return [...muteOverlapped(clips, take), take];
}

/**
 * Makes `clipId` the voice-over heard over its span again: it is unmuted and the voice-overs it
 * overlaps are muted (kept). Unknown ids change nothing.
 */
export function chooseTake(clips: readonly AudioClip[], clipId: string): AudioClip[] {
  const chosen = clips.find((c) => c.id === clipId);
  if (!chosen) return [...clips];
  return muteOverlapped(clips, chosen).map((c) => (c.id === clipId ? unmuted(c) : c));
}

/** The clip without its `muted` mark (absent rather than false, as clips are stored). */
function unmuted(clip: AudioClip): AudioClip {
  return Object.fromEntries(Object.entries(clip).filter(([key]) => key !== 'muted')) as AudioClip;
}

function muteOverlapped(clips: readonly AudioClip[], over: AudioClip): AudioClip[] {
  return clips.map((c) =>
    c.id !== over.id && c.kind === 'voiceover' && c.muted !== true && overlaps(c, over)
      ? { ...c, muted: true }
      : c,
  );
}
