import { EDL_RATE_COMMENT, EDL_SHOT_COMMENT } from './edlWriter';
import { EditReadError, type ImportedClip, type ImportedEdit } from './importedEdit';
import { fileStemOf } from './mediaNames';
import { isTimelineRateId, timelineRate, type TimelineRate } from './rates';
import { timecodeToFrame } from './timecode';

/**
 * Reads the video events of a CMX 3600 EDL. A dissolve (`D nnn`) starts at its event's record in
 * and is taken as centred on the cut, the convention Frameline writes and most editors use, so
 * the cut is `record in + ⌊nnn / 2⌋`; the zero-length line before it is the outgoing source held
 * and is skipped. The rate comes from our `* FRAMELINE RATE:` comment when there is one, else
 * `fallback` (an EDL cannot tell 23.976 from 24); `FCM: DROP FRAME` always means 29.97.
 */

const EVENT =
  /^(\d{1,6})\s+(\S+)\s+(\S+)\s+(C|D|W\d{3}|K[BO]?)\s+(?:(\d{1,3})\s+)?(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;

interface Event {
  recIn: number;
  recOut: number;
  transition: number;
  shotId: string | null;
  clipName: string | null;
  toClipName: string | null;
}

export function readEdl(text: string, fallback: TimelineRate): ImportedEdit {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rateLine = lines.find((l) => l.startsWith(EDL_RATE_COMMENT));
  const declared = rateLine?.slice(EDL_RATE_COMMENT.length).trim();
  let rate = isTimelineRateId(declared) ? timelineRate(declared) : fallback;
  if (lines.some((l) => /^FCM:\s*DROP FRAME/i.test(l))) rate = timelineRate('29.97');

  const events: Event[] = [];
  let last: Event | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    const match = EVENT.exec(line);
    if (match) {
      const [, , , track = '', kind = '', length, , , recInText = '', recOutText = ''] = match;
      last = null;
      if (!/^(V|B)/i.test(track)) continue;
      const recIn = timecodeToFrame(recInText, rate);
      const recOut = timecodeToFrame(recOutText, rate);
      if (recIn === null || recOut === null)
        throw new EditReadError(`Unreadable timecode in “${line}”.`);
      if (recOut <= recIn) continue; // the outgoing source of a dissolve, held for no frames
      last = {
        recIn,
        recOut,
        transition: kind === 'C' ? 0 : Number(length ?? 0),
        shotId: null,
        clipName: null,
        toClipName: null,
      };
      events.push(last);
      continue;
    }
    if (!last) continue;
    if (line.startsWith(EDL_SHOT_COMMENT))
      last.shotId = line.slice(EDL_SHOT_COMMENT.length).trim() || null;
    const from = /^\*\s*FROM CLIP NAME:\s*(.+)$/i.exec(line);
    if (from?.[1]) last.clipName = from[1].trim();
    const to = /^\*\s*TO CLIP NAME:\s*(.+)$/i.exec(line);
    if (to?.[1]) last.toClipName = to[1].trim();
  }
  if (events.length === 0) throw new EditReadError('The EDL has no video events.');
  events.sort((a, b) => a.recIn - b.recIn);

  const cutIn = (e: Event) => e.recIn + Math.floor(e.transition / 2);
  const clips: ImportedClip[] = events.map((event, i) => {
    const next = events[i + 1];
    const end = next && next.transition > 0 ? cutIn(next) : event.recOut;
    const name = event.transition > 0 ? (event.toClipName ?? event.clipName) : event.clipName;
    return {
      shotId: event.shotId,
      name: name ? fileStemOf(name) : '',
      mediaStem: name ? fileStemOf(name) : null,
      duration: end - cutIn(event),
      transitionOut: next?.transition ?? 0,
    };
  });
  return { format: 'edl', rate, clips };
}
