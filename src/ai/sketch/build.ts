import { seedFrom } from './hash';
import { createRandom } from './random';

export type Hair = 'none' | 'short' | 'long' | 'bun';

/**
 * How a character is drawn, seeded by their name alone so they look the same in every shot of
 * the project whatever else changes.
 */
export interface Build {
  /** Overall height, around 1. */
  readonly height: number;
  /** Shoulder width, around 1. */
  readonly shoulders: number;
  readonly hair: Hair;
  /** Hair tone as an opacity of the pencil colour. */
  readonly hairTone: number;
  /** How far the feet are apart, in heads. */
  readonly stance: number;
  /** How far the hands hang away from the body, in heads. */
  readonly armSwing: number;
}

const HAIRS = ['short', 'long', 'bun', 'short', 'none', 'long'] as const;
const HAIR_TONES = [0.18, 0.32, 0.5] as const;
const BUILD_SALT = 0x0b1d;

export function buildFor(name: string): Build {
  const rng = createRandom(seedFrom(name.normalize('NFC').trim().toUpperCase(), BUILD_SALT));
  return {
    height: rng.range(0.94, 1.05),
    shoulders: rng.range(0.88, 1.1),
    hair: rng.pick(HAIRS),
    hairTone: rng.pick(HAIR_TONES),
    stance: rng.range(0.25, 0.5),
    armSwing: rng.range(0.05, 0.3),
  };
}
