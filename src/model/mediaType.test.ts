import { describe, expect, test } from 'vitest';
import { readMedia } from '../../tests/helpers/fixtures';
import {
  ACCEPTED_MEDIA_TYPES,
  checkAssetBytes,
  inertType,
  sniffMedia,
  SNIFF_WINDOW_BYTES,
} from './mediaType';
import { VERSION_STATE_MIME } from './version';

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const SCRIPTED_SVG = text(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>localStorage.x=1</script></svg>',
);

describe('every allowed format is recognised by its bytes', () => {
  test.each([
    ['tiny.png', 'image/png', 'image'],
    ['tiny.jpg', 'image/jpeg', 'image'],
    ['tiny.webp', 'image/webp', 'image'],
    ['tiny.gif', 'image/gif', 'image'],
    ['tiny.avif', 'image/avif', 'image'],
    ['tiny.wav', 'audio/wav', 'audio'],
    ['tiny.mp3', 'audio/mpeg', 'audio'],
    ['tiny-notag.mp3', 'audio/mpeg', 'audio'],
    ['tiny.aac', 'audio/aac', 'audio'],
    ['tiny.ogg', 'audio/ogg', 'audio'],
    ['tiny.opus', 'audio/ogg', 'audio'],
    ['tiny.m4a', 'audio/mp4', 'audio'],
    ['tiny-audio.webm', 'video/webm', 'video'],
    ['tiny.flac', 'audio/flac', 'audio'],
    ['tiny.mp4', 'video/mp4', 'video'],
    ['tiny.webm', 'video/webm', 'video'],
  ])('%s is %s', (file, mimeType, kind) => {
    const bytes = readMedia(file);
    expect(sniffMedia(bytes)).toMatchObject({ mimeType, kind });
    expect(checkAssetBytes(bytes, 'application/octet-stream')).toEqual({ ok: true, mimeType });
    expect(ACCEPTED_MEDIA_TYPES.has(mimeType)).toBe(true);
  });
});

describe('the stored type is the sniffed one, not the claimed one', () => {
  test('a PNG declared as SVG is stored as a PNG', () => {
    expect(checkAssetBytes(readMedia('tiny.png'), 'image/svg+xml')).toEqual({
      ok: true,
      mimeType: 'image/png',
    });
  });

  test('WebM and MP4 keep a declared audio type (a recorded voice stays audio)', () => {
    expect(checkAssetBytes(readMedia('tiny-audio.webm'), 'audio/webm;codecs=opus')).toEqual({
      ok: true,
      mimeType: 'audio/webm',
    });
    expect(checkAssetBytes(readMedia('tiny.m4a'), 'video/mp4')).toEqual({
      ok: true,
      mimeType: 'video/mp4',
    });
    // …but a declared type outside the sniffed family is ignored.
    expect(checkAssetBytes(readMedia('tiny.webm'), 'text/html')).toEqual({
      ok: true,
      mimeType: 'video/webm',
    });
  });

  test('a version state is the one non-media asset and keeps its own inert type', () => {
    expect(checkAssetBytes(new Uint8Array([1, 2, 3]), VERSION_STATE_MIME)).toEqual({
      ok: true,
      mimeType: VERSION_STATE_MIME,
    });
  });
});

describe('anything else is refused, whatever it claims to be', () => {
  test.each([
    ['an SVG with a script', SCRIPTED_SVG, /SVG image, which can carry scripts/],
    ['an SVG after a BOM and blank lines', concat(text('\ufeff\n  '), SCRIPTED_SVG), /SVG/],
    [
      'an SVG behind an XML declaration',
      text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      /SVG/,
    ],
    ['an HTML page', text('<!DOCTYPE html><html><script>alert(1)</script>'), /web page/],
    ['an XHTML document', text('<?xml version="1.0"?><x:script xmlns:x="x"/>'), /web page/],
    ['plain XML', text('<?xml version="1.0"?><note>hi</note>'), /markup/],
    ['plain text', text('hello, this is not a frame'), /not a PNG/],
    ['nothing at all', new Uint8Array(), /empty/],
    ['a HEIC photo (an ISO file of another brand)', heicHeader(), /not a PNG/],
    ['a Matroska file (EBML, not WebM)', matroskaHeader(), /not a PNG/],
  ])('%s', (_name, bytes, reason) => {
    expect(sniffMedia(bytes)).toBeNull();
    const result = checkAssetBytes(bytes, 'image/png');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  test.each([
    ['PNG', 'tiny.png'],
    ['GIF', 'tiny.gif'],
    ['JPEG', 'tiny.jpg'],
    ['MP3', 'tiny.mp3'],
  ])('a %s with active markup in its head (a polyglot) is refused', (_name, file) => {
    const media = readMedia(file);
    const polyglot = concat(media, text('<svg onload="alert(1)"><script>alert(2)</script>'));
    expect(polyglot.length).toBeLessThan(SNIFF_WINDOW_BYTES);
    const result = checkAssetBytes(polyglot, 'image/png');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.reason).toMatch(/data with web markup \(<(svg|script)…\)/);
  });

  test('a GIF header glued to an HTML page is refused', () => {
    const result = checkAssetBytes(
      text('GIF89a\x01\x00\x01\x00<html><script>x()</script>'),
      'image/gif',
    );
    expect(result).toMatchObject({ ok: false });
  });

  test.each([
    ['PNG signature alone', readMedia('tiny.png').subarray(0, 8)],
    ['PNG cut inside IHDR', readMedia('tiny.png').subarray(0, 20)],
    ['JPEG start-of-image alone', readMedia('tiny.jpg').subarray(0, 3)],
    ['GIF header without its screen descriptor', readMedia('tiny.gif').subarray(0, 8)],
    ['RIFF/WEBP without a chunk', readMedia('tiny.webp').subarray(0, 12)],
    ['RIFF/WAVE without a chunk', readMedia('tiny.wav').subarray(0, 12)],
    ['ftyp box cut short', readMedia('tiny.mp4').subarray(0, 20)],
    ['FLAC without STREAMINFO', readMedia('tiny.flac').subarray(0, 10)],
    ['Ogg capture pattern alone', readMedia('tiny.ogg').subarray(0, 4)],
    ['ID3 tag head alone', readMedia('tiny.mp3').subarray(0, 5)],
    ['MPEG sync bits alone', readMedia('tiny-notag.mp3').subarray(0, 2)],
    ['EBML magic alone', readMedia('tiny.webm').subarray(0, 4)],
  ])('truncated: %s', (_name, bytes) => {
    expect(sniffMedia(bytes)).toBeNull();
    expect(checkAssetBytes(bytes, 'image/png').ok).toBe(false);
  });

  test('an MPEG frame header with reserved fields is not MP3', () => {
    // Version bits 01 are reserved; bitrate index 1111 is "bad".
    expect(sniffMedia(new Uint8Array([0xff, 0xeb, 0x90, 0x00]))).toBeNull();
    expect(sniffMedia(new Uint8Array([0xff, 0xfb, 0xf0, 0x00]))).toBeNull();
  });
});

describe('blob URLs never carry an active type', () => {
  test.each([
    'text/html',
    'image/svg+xml',
    'application/xhtml+xml',
    'application/xml',
    'text/xml',
    'application/javascript',
    'text/javascript',
    'application/pdf',
    '',
    'made/up',
    'IMAGE/SVG+XML; charset=utf-8',
  ])('%s becomes application/octet-stream', (type) => {
    expect(inertType(type)).toBe('application/octet-stream');
  });

  test('media, plain text and the app’s download formats keep their type', () => {
    expect(inertType('image/png')).toBe('image/png');
    expect(inertType('Audio/WebM; codecs=opus')).toBe('audio/webm');
    expect(inertType('text/plain;charset=utf-8')).toBe('text/plain;charset=utf-8');
    expect(inertType('application/json')).toBe('application/json');
    expect(inertType(VERSION_STATE_MIME)).toBe(VERSION_STATE_MIME);
  });
});

function heicHeader(): Uint8Array {
  return concat(
    new Uint8Array([0, 0, 0, 24]),
    text('ftypheic'),
    new Uint8Array(4),
    text('mif1heic'),
  );
}

function matroskaHeader(): Uint8Array {
  return concat(
    new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x88]),
    text('matroska'),
    new Uint8Array(16),
  );
}
