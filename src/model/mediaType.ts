import { VERSION_STATE_MIME } from './version';

/**
 * What an asset is, decided by its bytes and never by the type it claims. Frames, takes, sheets,
 * sounds and music arrive from files, bundles, peers and providers, and a claimed type is only a
 * string: a declared `image/svg+xml` with a script inside, opened as a blob in a new tab, would
 * run in the app's origin. So every asset is checked against one allow-list of raster image,
 * audio and video formats by their magic bytes and the header that must follow them, stored with
 * the type sniffed here, and served only with a type a browser never runs (see `inertType`).
 *
 * Pure: no DOM, runs in Node tests, workers and the page.
 */

export type MediaKind = 'image' | 'audio' | 'video';

export interface SniffedMedia {
  /** The type stored and served: always one of ACCEPTED_MEDIA_TYPES. */
  readonly mimeType: string;
  readonly kind: MediaKind;
  /** For messages: "PNG image", "MP3 audio"… */
  readonly label: string;
}

export type AssetCheck =
  | { readonly ok: true; readonly mimeType: string }
  | { readonly ok: false; readonly reason: string };

/** Every type an accepted media asset can be stored with. */
export const ACCEPTED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/avif',
  'audio/wav',
  'audio/mpeg',
  'audio/aac',
  'audio/ogg',
  'audio/mp4',
  'audio/webm',
  'audio/flac',
  'video/mp4',
  'video/webm',
]);

/**
 * Content sniffers (the WHATWG algorithm, old browsers, mail clients) decide from the first
 * 1,445 bytes at most; markup anywhere in this much of a file means it could be read as a page.
 */
export const SNIFF_WINDOW_BYTES = 4096;

/**
 * Markup that makes a document active (scripts, frames, plugins, an XSLT sheet). Allowed media
 * never carries these in its head; a file that has both a media header and these is a polyglot.
 */
const ACTIVE_MARKUP = [
  '<script',
  '<svg',
  '<html',
  '<!doctype',
  '<iframe',
  '<object',
  '<embed',
  '<body',
  '<head',
  '<?xml-stylesheet',
  '<xsl:',
  '<x:script',
];

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: readonly number[] | string, at = 0): boolean {
  const expected = typeof prefix === 'string' ? ascii(prefix) : prefix;
  if (bytes.length < at + expected.length) return false;
  return expected.every((byte, i) => bytes[at + i] === byte);
}

/** The byte at `at`, 0 past the end (callers check lengths first; this keeps types honest). */
const byteAt = (bytes: Uint8Array, at: number): number => bytes[at] ?? 0;

const u32be = (bytes: Uint8Array, at: number) =>
  ((byteAt(bytes, at) << 24) |
    (byteAt(bytes, at + 1) << 16) |
    (byteAt(bytes, at + 2) << 8) |
    byteAt(bytes, at + 3)) >>>
  0;
const u32le = (bytes: Uint8Array, at: number) =>
  (byteAt(bytes, at) |
    (byteAt(bytes, at + 1) << 8) |
    (byteAt(bytes, at + 2) << 16) |
    (byteAt(bytes, at + 3) << 24)) >>>
  0;

const media = (mimeType: string, kind: MediaKind, label: string): SniffedMedia => ({
  mimeType,
  kind,
  label,
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature, then the IHDR chunk: length 13, type, 13 bytes of header, CRC. */
const PNG_MIN_BYTES = 8 + 4 + 4 + 13 + 4;

function sniffPng(bytes: Uint8Array): SniffedMedia | null {
  if (!startsWith(bytes, PNG_SIGNATURE) || bytes.length < PNG_MIN_BYTES) return null;
  if (u32be(bytes, 8) !== 13 || !startsWith(bytes, 'IHDR', 12)) return null;
  if (u32be(bytes, 16) === 0 || u32be(bytes, 20) === 0) return null;
  return media('image/png', 'image', 'PNG image');
}

/** SOI, then a marker a JPEG starts with (APPn, DQT, SOFn, DHT, DRI, COM), then its length. */
function sniffJpeg(bytes: Uint8Array): SniffedMedia | null {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff]) || bytes.length < 6) return null;
  const marker = byteAt(bytes, 3);
  const known =
    (marker >= 0xe0 && marker <= 0xef) ||
    [0xdb, 0xc0, 0xc1, 0xc2, 0xc4, 0xdd, 0xfe].includes(marker);
  const length = (byteAt(bytes, 4) << 8) | byteAt(bytes, 5);
  return known && length >= 2 ? media('image/jpeg', 'image', 'JPEG image') : null;
}

/** Header and logical screen descriptor (13 bytes), with a size that is not zero. */
function sniffGif(bytes: Uint8Array): SniffedMedia | null {
  if (!(startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) || bytes.length < 13) {
    return null;
  }
  const width = byteAt(bytes, 6) | (byteAt(bytes, 7) << 8);
  const height = byteAt(bytes, 8) | (byteAt(bytes, 9) << 8);
  return width > 0 && height > 0 ? media('image/gif', 'image', 'GIF image') : null;
}

/** RIFF container of the given form type, with its first chunk header complete. */
function riffOf(bytes: Uint8Array, form: string): boolean {
  return (
    bytes.length >= 20 &&
    startsWith(bytes, 'RIFF') &&
    startsWith(bytes, form, 8) &&
    u32le(bytes, 4) >= 12 &&
    /^[\x20-\x7e]{4}$/.test(String.fromCharCode(...bytes.subarray(12, 16)))
  );
}

function sniffWebp(bytes: Uint8Array): SniffedMedia | null {
  if (!riffOf(bytes, 'WEBP')) return null;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  return ['VP8 ', 'VP8L', 'VP8X'].includes(chunk)
    ? media('image/webp', 'image', 'WebP image')
    : null;
}

function sniffWav(bytes: Uint8Array): SniffedMedia | null {
  return riffOf(bytes, 'WAVE') ? media('audio/wav', 'audio', 'WAV audio') : null;
}

/** `fLaC`, then the STREAMINFO block (type 0, 34 bytes) every FLAC stream begins with. */
function sniffFlac(bytes: Uint8Array): SniffedMedia | null {
  if (!startsWith(bytes, 'fLaC') || bytes.length < 8 + 34) return null;
  const blockType = byteAt(bytes, 4) & 0x7f;
  const length = (byteAt(bytes, 5) << 16) | (byteAt(bytes, 6) << 8) | byteAt(bytes, 7);
  return blockType === 0 && length === 34 ? media('audio/flac', 'audio', 'FLAC audio') : null;
}

/** An Ogg page header (version 0, 27 bytes): Opus or Vorbis in practice. */
function sniffOgg(bytes: Uint8Array): SniffedMedia | null {
  return startsWith(bytes, 'OggS') && bytes.length >= 27 && bytes[4] === 0
    ? media('audio/ogg', 'audio', 'Ogg audio')
    : null;
}

/** An ID3v2 tag (then MP3 frames): version 2–4, a size of four 7-bit bytes. */
function sniffId3(bytes: Uint8Array): SniffedMedia | null {
  if (!startsWith(bytes, 'ID3') || bytes.length < 10) return null;
  const version = byteAt(bytes, 3);
  const sizeOk = [6, 7, 8, 9].every((i) => byteAt(bytes, i) < 0x80);
  return version >= 2 && version <= 4 && sizeOk ? media('audio/mpeg', 'audio', 'MP3 audio') : null;
}

/**
 * An MPEG audio frame header (MP3 without a tag) or an ADTS header (raw AAC): eleven or twelve
 * sync bits, then fields that must not hold their reserved values.
 */
function sniffMpegFrame(bytes: Uint8Array): SniffedMedia | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || (byteAt(bytes, 1) & 0xe0) !== 0xe0) return null;
  const version = (byteAt(bytes, 1) >> 3) & 0b11;
  const layer = (byteAt(bytes, 1) >> 1) & 0b11;
  if ((byteAt(bytes, 1) & 0xf6) === 0xf0) {
    // ADTS: twelve sync bits, layer 00; sampling frequency index 13–15 is reserved.
    const frequency = (byteAt(bytes, 2) >> 2) & 0x0f;
    return frequency < 13 ? media('audio/aac', 'audio', 'AAC audio') : null;
  }
  const bitrate = byteAt(bytes, 2) >> 4;
  const sampleRate = (byteAt(bytes, 2) >> 2) & 0b11;
  if (version === 0b01 || layer === 0b00 || bitrate === 0x0f || sampleRate === 0b11) return null;
  return media('audio/mpeg', 'audio', 'MP3 audio');
}

const AVIF_BRANDS = new Set(['avif', 'avis']);
const AUDIO_MP4_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ']);
const VIDEO_MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'dash',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'f4v ',
  'mmp4',
]);
/** The ftyp box is a handful of brands; a claimed size beyond this is not a real one. */
const MAX_FTYP_BYTES = 1024;

/** ISO base media (MP4, M4A, AVIF): the `ftyp` box first, its brands deciding what it is. */
function sniffIsoMedia(bytes: Uint8Array): SniffedMedia | null {
  if (bytes.length < 16 || !startsWith(bytes, 'ftyp', 4)) return null;
  const size = u32be(bytes, 0);
  if (size < 16 || size > MAX_FTYP_BYTES || (size - 16) % 4 !== 0 || bytes.length < size) {
    return null;
  }
  const brandAt = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const major = brandAt(8);
  const compatible: string[] = [];
  for (let at = 16; at < size; at += 4) compatible.push(brandAt(at));
  const brands = [major, ...compatible];
  if (AVIF_BRANDS.has(major) || (major === 'mif1' && compatible.some((b) => AVIF_BRANDS.has(b)))) {
    return media('image/avif', 'image', 'AVIF image');
  }
  if (AUDIO_MP4_BRANDS.has(major)) return media('audio/mp4', 'audio', 'M4A audio');
  if (brands.some((b) => VIDEO_MP4_BRANDS.has(b))) return media('video/mp4', 'video', 'MP4 video');
  return null;
}

/** EBML header whose DocType is `webm` (Matroska files in general are not on the list). */
function sniffWebm(bytes: Uint8Array): SniffedMedia | null {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return null;
  const head = bytes.subarray(0, 64);
  for (let at = 4; at + 3 < head.length; at++) {
    // DocType element (0x4282), a one-byte size (0x80 | length), then the text.
    if (head[at] !== 0x42 || head[at + 1] !== 0x82) continue;
    const length = byteAt(head, at + 2) & 0x7f;
    if ((byteAt(head, at + 2) & 0x80) === 0 || at + 3 + length > head.length) return null;
    const docType = String.fromCharCode(...head.subarray(at + 3, at + 3 + length));
    return docType === 'webm' ? media('video/webm', 'video', 'WebM video') : null;
  }
  return null;
}

const SNIFFERS = [
  sniffPng,
  sniffJpeg,
  sniffGif,
  sniffWebp,
  sniffIsoMedia,
  sniffWebm,
  sniffWav,
  sniffFlac,
  sniffOgg,
  sniffId3,
  sniffMpegFrame,
];

/** The allowed format these bytes are, or null for anything else (SVG, HTML, text, truncated). */
export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  for (const sniff of SNIFFERS) {
    const found = sniff(bytes);
    if (found) return found;
  }
  return null;
}

/** The first active tag in the bytes' head, lowercase, or null. */
export function activeMarkupIn(bytes: Uint8Array): string | null {
  const text = lowerHead(bytes);
  return ACTIVE_MARKUP.find((tag) => text.includes(tag)) ?? null;
}

/** The sniff window as text, ASCII letters lowercased (bytes above 0x7f stay single chars). */
function lowerHead(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes.subarray(0, SNIFF_WINDOW_BYTES)) {
    text += String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte);
  }
  return text;
}

/**
 * A type the bytes may also be stored as: WebM and MP4 hold audio or video and the header alone
 * does not say which, so a declared audio type is kept for audio (a voice recorded as
 * `audio/webm` stays audio). Anything outside the sniffed format's family is ignored.
 */
const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  'video/webm': ['audio/webm'],
  'video/mp4': ['audio/mp4'],
  'audio/mp4': ['video/mp4'],
};

/** `Audio/WebM; codecs=opus` → `audio/webm`. */
export function baseType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/** What a refused file was, in words a person can act on. */
function describeRefused(bytes: Uint8Array): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  while (start < bytes.length && [0x09, 0x0a, 0x0d, 0x20].includes(byteAt(bytes, start))) start++;
  const markup = activeMarkupIn(bytes);
  if (bytes[start] === 0x3c /* < */) {
    if (lowerHead(bytes).includes('<svg')) return 'an SVG image, which can carry scripts';
    if (markup) return 'a web page or XML document, which can carry scripts';
    return 'markup (XML), not an image, sound or video';
  }
  if (bytes.length === 0) return 'empty';
  return 'not a PNG, JPEG, WebP, GIF or AVIF image, a WAV, MP3, AAC, Ogg, M4A, WebM or FLAC sound, or an MP4 or WebM video (or it is cut short)';
}

/**
 * The check every entry point runs before an asset is stored: its bytes must be an allowed
 * format, with no active markup in the part sniffers read. The result's type is what to store.
 *
 * A version's saved state (`VERSION_STATE_MIME`) is the one non-media asset: a Yjs update no
 * browser renders, stored and served under that type only. Its bytes are not sniffed here (the
 * model has no Yjs); the store checks that they read as an update (store/assets.ts,
 * `checkStoredAsset`, which every entry point calls).
 */
export function checkAssetBytes(bytes: Uint8Array, declaredType: string): AssetCheck {
  const declared = baseType(declaredType);
  if (declared === VERSION_STATE_MIME) return { ok: true, mimeType: VERSION_STATE_MIME };
  const sniffed = sniffMedia(bytes);
  if (!sniffed) return { ok: false, reason: describeRefused(bytes) };
  const markup = activeMarkupIn(bytes);
  if (markup) {
    return {
      ok: false,
      reason: `${sniffed.label} data with web markup (${markup}…) hidden in it, which could be read as a page`,
    };
  }
  const mimeType = ALTERNATIVES[sniffed.mimeType]?.includes(declared) ? declared : sniffed.mimeType;
  return { ok: true, mimeType };
}

/**
 * Types a blob may carry when it gets a URL: media the allow-list accepts and the plain formats
 * the app writes for downloads. None of them runs script when opened in a tab.
 */
const INERT_TYPES: ReadonlySet<string> = new Set([
  ...ACCEPTED_MEDIA_TYPES,
  VERSION_STATE_MIME,
  'application/octet-stream',
  'application/zip',
  'application/vnd.frameline.bundle+zip',
  'application/json',
  'text/plain',
  'text/csv',
  'text/vtt',
  'application/x-subrip',
]);

/**
 * The type to give a blob before making a URL of it: its own when inert, otherwise
 * `application/octet-stream` (which a browser downloads rather than renders). `text/html`,
 * `image/svg+xml`, any XML and anything unknown never reach a blob URL.
 */
export function inertType(type: string): string {
  const base = baseType(type);
  if (!INERT_TYPES.has(base)) return 'application/octet-stream';
  // A charset is harmless on text; anything else keeps only its base type.
  return base.startsWith('text/') ? type : base;
}
