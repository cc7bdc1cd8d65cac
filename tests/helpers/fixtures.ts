import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Real screenplays copied into the repository (tests/fixtures/screenplays), so the tests need
 * nothing beside a clone. Where each came from and under which licence: tests/fixtures/SOURCES.md.
 */
export const SCREENPLAYS_DIR = fileURLToPath(new URL('../fixtures/screenplays/', import.meta.url));

export function screenplayPath(name: string): string {
  return `${SCREENPLAYS_DIR}${name}`;
}

export function readScreenplay(name: string): string {
  return readFileSync(screenplayPath(name), 'utf8');
}

export const MEDIA_DIR = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

/** One of the tiny media files in tests/fixtures/media (see SOURCES.md). */
export function readMedia(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${MEDIA_DIR}${name}`));
}
