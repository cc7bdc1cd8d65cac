import { z } from 'zod';
import type { AssetHash, CharacterId } from './ids';

export interface Character {
  readonly id: CharacterId;
  /** As the script prints it above dialogue, uppercase for Latin names (`BRICK`). Unique per project. */
  readonly name: string;
  /** Free text the artist keeps about the look; empty until someone writes it. */
  readonly description: string;
  /**
   * The character bible: face, build, age, hair (`look`) and clothes (`wardrobe`), kept apart
   * from the description so a costume change is one edit. Sent with every generated frame the
   * character is in, so they look the same from shot to shot.
   */
  readonly look: string;
  readonly wardrobe: string;
  /**
   * A character sheet (turnaround or portrait) in the asset store. Providers that accept
   * reference images receive it for every shot the character is in; null until made or uploaded.
   */
  readonly sheetHash: AssetHash | null;
}

export const characterSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  look: z.string().default(''),
  wardrobe: z.string().default(''),
  sheetHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .default(null),
});

export function createCharacter(
  props: Pick<Character, 'id' | 'name'> & Partial<Character>,
): Character {
  return { description: '', look: '', wardrobe: '', sheetHash: null, ...props };
}

/** The bible fields a user edits. */
export type CharacterPatch = Partial<Pick<Character, 'description' | 'look' | 'wardrobe'>>;
