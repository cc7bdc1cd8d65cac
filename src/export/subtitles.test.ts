import { describe, expect, test } from 'vitest';
import type { CaptionCue } from '../model/captions';
import {
  escapeVttText,
  srtTimestamp,
  subtitleFileName,
  toSrt,
  toVtt,
  vttTimestamp,
} from './subtitles';

const cue = (startMs: number, endMs: number, speaker: string, text: string): CaptionCue => ({
  startMs,
  endMs,
  speaker,
  text,
  shotId: 's',
});

const CUES = [
  cue(0, 1500, 'ANNA', 'ANNA: Hello.'),
  cue(1500, 3723004, 'BEN', 'BEN: Tom & Jerry <3\nsecond line'),
];

describe('subtitle timestamps', () => {
  test('SRT uses a comma, WebVTT a full stop, both with hours and milliseconds', () => {
    expect(srtTimestamp(0)).toBe('00:00:00,000');
    expect(srtTimestamp(3_723_004)).toBe('01:02:03,004');
    expect(vttTimestamp(59_999)).toBe('00:00:59.999');
    expect(vttTimestamp(60_000)).toBe('00:01:00.000');
    expect(vttTimestamp(100 * 3_600_000)).toBe('100:00:00.000');
    expect(srtTimestamp(1234.6)).toBe('00:00:01,235');
  });
});

describe('SRT', () => {
  test('numbered cues, CRLF line ends, a blank line after each cue, text as written', () => {
    expect(toSrt(CUES)).toBe(
      '1\r\n00:00:00,000 --> 00:00:01,500\r\nANNA: Hello.\r\n\r\n' +
        '2\r\n00:00:01,500 --> 01:02:03,004\r\nBEN: Tom & Jerry <3\r\nsecond line\r\n\r\n',
    );
  });

  test('an arrow in the text cannot be read as a timing line; empty lines cannot end a cue', () => {
    expect(toSrt([cue(0, 10, 'A', 'go --> there\n\n  \nnext')])).toBe(
      '1\r\n00:00:00,000 --> 00:00:00,010\r\ngo -> there\r\nnext\r\n\r\n',
    );
  });

  test('no cues is an empty file', () => {
    expect(toSrt([])).toBe('');
  });
});

describe('WebVTT', () => {
  test('header, LF line ends, escaped text, speaker as a voice span', () => {
    expect(toVtt(CUES)).toBe(
      'WEBVTT\n\n' +
        '00:00:00.000 --> 00:00:01.500\n<v ANNA>ANNA: Hello.\n\n' +
        '00:00:01.500 --> 01:02:03.004\n<v BEN>BEN: Tom &amp; Jerry &lt;3\nsecond line\n',
    );
  });

  test('escaping covers the three special characters and keeps UTF-8 text', () => {
    expect(escapeVttText('a<b>&c --> Ünïcödé 字幕')).toBe('a&lt;b&gt;&amp;c --&gt; Ünïcödé 字幕');
    expect(toVtt([cue(0, 1, 'ÉLODIE', 'ÉLODIE: Ça va ?')])).toContain('<v ÉLODIE>ÉLODIE: Ça va ?');
  });

  test('a cue without a speaker has no voice span; no cues is just the header', () => {
    expect(toVtt([cue(0, 1, '', '...')])).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:00.001\n...\n');
    expect(toVtt([])).toBe('WEBVTT\n');
  });
});

test('subtitle files are named after the project', () => {
  expect(subtitleFileName('The Last Birthday Card!', 'srt')).toBe('the-last-birthday-card.srt');
  expect(subtitleFileName('', 'vtt')).toBe('frameline-project.vtt');
});
