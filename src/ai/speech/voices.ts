/**
 * Which voice speaks for a character. Each character keeps one voice for the whole project, so
 * scratch dialogue sounds like a cast and not a carousel: the voice is picked from the provider's
 * voices by a stable hash of the character's name. An empty list means the provider's default.
 */
export const OPENAI_VOICES = [
  'alloy',
  'ash',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
] as const;

function nameHash(name: string): number {
  let h = 2166136261;
  for (const ch of name.normalize('NFC').toUpperCase()) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function voiceFor(character: string, voices: readonly string[]): string {
  if (voices.length === 0) return '';
  return voices[nameHash(character) % voices.length] ?? '';
}
