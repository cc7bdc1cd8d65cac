/**
 * Bytes the asset store accepts (model/mediaType.ts sniffs them), of an exact size and different
 * per seed: for tests about storing, hashing and moving assets, where the pixels do not matter.
 * Not decodable images — use noisePng or fakePng when a browser must show them.
 */

const PNG_HEAD = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
];

function filled(head: readonly number[], size: number, seed: number): Uint8Array<ArrayBuffer> {
  if (size < head.length + 17) throw new Error(`at least ${head.length + 17} bytes`);
  const out = new Uint8Array(size);
  out.set(head);
  let state = (seed >>> 0) * 2654435761 || 1;
  for (let i = head.length; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    // Never 0x3c ("<"): filler must not spell markup by chance.
    out[i] = ((state >>> 0) % 0x3b) + 1;
  }
  return out;
}

/** A PNG signature and IHDR chunk header, then seeded filler (width and height are never 0). */
export function pngBytes(seed = 1, size = 64): Uint8Array<ArrayBuffer> {
  return filled(PNG_HEAD, size, seed);
}

/** RIFF/WAVE with a `fmt ` chunk header, then seeded filler. */
export function wavBytes(seed = 1, size = 64): Uint8Array<ArrayBuffer> {
  const head = [...'RIFF'].map((c) => c.charCodeAt(0));
  const length = size - 8;
  head.push(length & 0xff, (length >> 8) & 0xff, (length >> 16) & 0xff, length >>> 24);
  head.push(...[...'WAVEfmt '].map((c) => c.charCodeAt(0)));
  return filled(head, size, seed);
}
