import type { CaptionCue } from '../model/captions';
import { fileSlug } from './fileNames';

/**
 * Captions as subtitle files. Pure: cues in, text out (the caller wraps it in a UTF-8 Blob).
 *
 * SRT (SubRip): numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, CRLF line ends (what the oldest
 * players and editing tools expect; everything newer accepts them too), a blank line after each
 * cue. SRT has no escaping; its readers treat `<i>`-style tags as markup, so text is left as
 * written except for `-->`, which would read as a timing line.
 *
 * WebVTT: `WEBVTT` header, `HH:MM:SS.mmm`, LF line ends, text with `&`, `<` and `>` escaped (the
 * spec's only special characters in cue text) and the speaker as a voice span (`<v ANNA>`).
 */
export const SUBTITLE_FORMATS = ['srt', 'vtt'] as const;
export type SubtitleFormat = (typeof SUBTITLE_FORMATS)[number];

export const SUBTITLE_MIME_TYPES: Record<SubtitleFormat, string> = {
  srt: 'application/x-subrip;charset=utf-8',
  vtt: 'text/vtt;charset=utf-8',
};

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

function timestamp(ms: number, separator: ',' | '.'): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(total / MS_PER_HOUR);
  const minutes = Math.floor((total % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((total % MS_PER_MINUTE) / MS_PER_SECOND);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${separator}${pad(total % MS_PER_SECOND, 3)}`;
}

/** `3_723_004` → `01:02:03,004`. */
export function srtTimestamp(ms: number): string {
  return timestamp(ms, ',');
}

/** `3_723_004` → `01:02:03.004`. */
export function vttTimestamp(ms: number): string {
  return timestamp(ms, '.');
}

/** Cue text as lines with no empty line inside (an empty line ends a cue in both formats). */
function cueLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function toSrt(cues: readonly CaptionCue[]): string {
  const CRLF = '\r\n';
  return cues
    .map((cue, i) =>
      [
        String(i + 1),
        `${srtTimestamp(cue.startMs)} --> ${srtTimestamp(cue.endMs)}`,
        ...cueLines(cue.text).map((line) => line.replace(/-->/g, '->')),
        '',
      ].join(CRLF),
    )
    .map((block) => block + CRLF)
    .join('');
}

export function escapeVttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toVtt(cues: readonly CaptionCue[]): string {
  const blocks = cues.map((cue) => {
    const lines = cueLines(cue.text).map(escapeVttText);
    const speaker = escapeVttText(cue.speaker.replace(/\s+/g, ' ').trim());
    if (speaker !== '' && lines.length > 0) lines[0] = `<v ${speaker}>${lines[0]}`;
    return [`${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}`, ...lines].join('\n');
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

export function subtitlesFor(cues: readonly CaptionCue[], format: SubtitleFormat): string {
  return format === 'srt' ? toSrt(cues) : toVtt(cues);
}

/** `The Last Birthday Card` → `the-last-birthday-card.srt`. */
export function subtitleFileName(title: string, format: SubtitleFormat): string {
  return `${fileSlug(title)}.${format}`;
}
