import { z } from 'zod';
import type { Stored } from './stored';

/** Longest display name kept; longer ones are cut (a peer cannot push a novel into the toolbar). */
export const PARTICIPANT_NAME_MAX_CHARS = 60;
/** A raw uncompressed P-256 point is 65 bytes: 87 base64url characters. */
const PUBLIC_KEY_MAX_CHARS = 128;

/**
 * A person as the review records and presence name them. Anyone in a room can claim any name, so
 * the name is a label; the device's public key (ECDSA P-256, raw point as base64url) is what a
 * signature is checked against, and what tells two people with one name apart.
 */
export const participantSchema = z.object({
  name: z.string().min(1).max(PARTICIPANT_NAME_MAX_CHARS),
  /** A CSS colour, `#rrggbb`: their cursor, avatar and selection ring. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  publicKey: z.string().max(PUBLIC_KEY_MAX_CHARS),
});

export type Participant = Stored<typeof participantSchema>;

/** `Anna Lee` → `AL`, `anna` → `A`: the avatar's letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}

/** Colours that read on both themes; a new profile picks one at random. */
export const PARTICIPANT_COLORS = [
  '#d9534f',
  '#e07b39',
  '#c9a227',
  '#4f9d4f',
  '#2a9d8f',
  '#3d7fd9',
  '#7a5cc7',
  '#c2559d',
] as const;

/** The short form of a public key users can compare by eye. */
export function keyFingerprint(publicKey: string): string {
  return publicKey.slice(-8);
}
