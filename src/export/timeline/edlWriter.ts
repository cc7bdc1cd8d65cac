import type { EditClip, EditTimeline } from './editTimeline';
import { frameToTimecode, programmeStartFrame } from './timecode';

/**
 * CMX 3600 EDL. One video track (V) of events, then up to two audio channels (A, A2), which is
 * what CMX 3600 has room for. A dissolve follows the CMX convention: the outgoing event ends
 * where the dissolve starts, and the next event repeats the outgoing source for zero frames
 * (the `C` line) before the `D nnn` line that dissolves into the incoming source.
 *
 * Every event carries `* FROM CLIP NAME:` (the media file, which Resolve and Premiere link by)
 * and `* FRAMELINE SHOT:` (the shot id, which a conform matches first). The rate is written as a
 * comment too, since an EDL has nowhere else to say 23.976 from 24.
 */

export const EDL_SHOT_COMMENT = '* FRAMELINE SHOT:';
export const EDL_RATE_COMMENT = '* FRAMELINE RATE:';
const REEL = 'AX';
/** CMX 3600 lines carry at most this many audio channels per event. */
const EDL_AUDIO_CHANNELS = ['A', 'A2'] as const;

export function writeEdl(timeline: EditTimeline): string {
  const { rate } = timeline;
  const start = programmeStartFrame(rate);
  const tc = (frame: number) => frameToTimecode(frame, rate);
  const title = timeline.title.replace(/[\r\n]+/g, ' ').slice(0, 70) || 'Frameline';
  const lines = [
    `TITLE: ${title}`,
    `FCM: ${rate.dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`,
    `${EDL_RATE_COMMENT} ${rate.id}`,
    '',
  ];
  let number = 0;
  const eventNumber = () => String(++number).padStart(3, '0');
  const line = (
    n: string,
    track: string,
    kind: string,
    srcIn: number,
    srcOut: number,
    recIn: number,
    recOut: number,
  ) =>
    `${n}  ${REEL.padEnd(8)} ${track.padEnd(5)} ${kind.padEnd(8)} ${tc(srcIn)} ${tc(srcOut)} ${tc(start + recIn)} ${tc(start + recOut)}`;
  const into = new Map(timeline.transitions.map((t) => [t.outgoing + 1, t]));
  const outOf = new Map(timeline.transitions.map((t) => [t.outgoing, t]));
  const markers = new Map(timeline.markers.map((m) => [m.frame, m]));

  /** Where clip i's event sits on the record side: its cut, less the dissolves' lead-ins. */
  const eventRange = (i: number, clip: EditClip) => ({
    recIn: clip.recordIn - (into.get(i)?.inOffset ?? 0),
    recOut: clip.recordIn + clip.duration - (outOf.get(i)?.inOffset ?? 0),
  });
  const fileName = (clip: { readonly media: EditClip['media'] }) =>
    clip.media.path.split('/').pop() ?? '';

  timeline.clips.forEach((clip, i) => {
    const incoming = into.get(i);
    const { recIn, recOut } = eventRange(i, clip);
    const n = eventNumber();
    const previous = timeline.clips[i - 1];
    if (incoming && previous) {
      const before = eventRange(i - 1, previous);
      const held = before.recOut - before.recIn;
      const frames = String(incoming.inOffset + incoming.outOffset).padStart(3, '0');
      lines.push(
        line(n, 'V', 'C', held, held, recIn, recIn),
        line(n, 'V', `D    ${frames}`, 0, recOut - recIn, recIn, recOut),
        `* FROM CLIP NAME: ${fileName(previous)}`,
        `* TO CLIP NAME: ${fileName(clip)}`,
        `${EDL_SHOT_COMMENT} ${clip.shotId}`,
      );
    } else {
      lines.push(
        line(n, 'V', 'C', 0, recOut - recIn, recIn, recOut),
        `* FROM CLIP NAME: ${fileName(clip)}`,
        `${EDL_SHOT_COMMENT} ${clip.shotId}`,
      );
    }
    const marker = markers.get(clip.recordIn);
    if (marker) {
      const text = `${marker.sceneNumber} ${marker.heading}`.trim();
      lines.push(`* LOC: ${tc(start + clip.recordIn)} GREEN   ${text}`);
    }
    lines.push('');
  });

  for (const clip of timeline.audio) {
    const channel = EDL_AUDIO_CHANNELS[clip.lane];
    if (!channel) continue;
    const name = fileName(clip);
    lines.push(
      line(
        eventNumber(),
        channel,
        'C',
        clip.sourceIn,
        clip.sourceIn + clip.duration,
        clip.recordIn,
        clip.recordIn + clip.duration,
      ),
      `* FROM CLIP NAME: ${name}`,
      `${EDL_SHOT_COMMENT} ${clip.shotId}`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
