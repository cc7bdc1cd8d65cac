import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared, read-only screenplay fixtures beside the repository (../shared/fixtures). */
export const SCREENPLAYS_DIR = fileURLToPath(
  new URL('../../../shared/fixtures/screenplays/', import.meta.url),
);

export function screenplayPath(name: string): string {
  return `${SCREENPLAYS_DIR}${name}`;
}

export function readScreenplay(name: string): string {
  return readFileSync(screenplayPath(name), 'utf8');
}
