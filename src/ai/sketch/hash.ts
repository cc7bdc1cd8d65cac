/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash with good avalanche. Not cryptographic —
 * it only has to tell sketch inputs apart and seed the pencil, so speed and stability win.
 * Returns the two 32-bit halves so callers can print all 64 bits or take one as a seed.
 */
export function cyrb53(text: string, seed = 0): readonly [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** 16 lowercase hex digits of the hash of `text`. */
export function hashHex(text: string): string {
  const [h1, h2] = cyrb53(text);
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}

/** A 32-bit seed derived from `text`; `salt` gives independent seeds for the same text. */
export function seedFrom(text: string, salt = 0): number {
  return cyrb53(text, salt)[0];
}
