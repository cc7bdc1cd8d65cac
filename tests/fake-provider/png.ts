import { sineWav } from '../helpers/wav';
import { deflateSync } from 'node:zlib';

/** Tiny valid PNGs for the fake provider: a solid colour chosen from a seed string. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function colourOf(seed: string): [number, number, number] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff];
}

export function fakePng(seed: string, width = 32, height = 18): Buffer {
  const [r, g, b] = colourOf(seed);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The largest cut-out the fake draws (a picture bigger than this gets a cut-out this big). */
const MAX_CUTOUT_SIDE = 2048;

/**
 * A real cut-out as a background remover answers: an RGBA PNG at the picture's size whose
 * subject (an ellipse filling the middle) is opaque and whose background is fully transparent.
 */
export function fakeCutoutPng(width: number, height: number): Buffer {
  const w = Math.max(1, Math.min(MAX_CUTOUT_SIDE, width));
  const h = Math.max(1, Math.min(MAX_CUTOUT_SIDE, height));
  const raw = Buffer.alloc(h * (1 + w * 4));
  for (let y = 0; y < h; y++) {
    const row = y * (1 + w * 4);
    for (let x = 0; x < w; x++) {
      const dx = (x + 0.5 - w / 2) / (w * 0.3);
      const dy = (y + 0.5 - h / 2) / (h * 0.4);
      if (dx * dx + dy * dy <= 1) raw.set([200, 60, 40, 255], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Width and height of the first PNG inside `bytes` (a multipart body), or null. */
export function pngSizeIn(bytes: Buffer): { width: number; height: number } | null {
  const at = bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (at < 0 || bytes.length < at + 24) return null;
  return { width: bytes.readUInt32BE(at + 16), height: bytes.readUInt32BE(at + 20) };
}

/** A few bytes that start like an MP3 (ID3 tag): enough for "speech came back as audio". */
/**
 * Speech the browser can really decode (a short WAV tone), so the app's text-to-speech path —
 * measure the recording, store it, lay it on the timeline — runs end to end against the fake.
 */
export function fakeSpeech(): Buffer {
  return sineWav(0.8);
}
