import { z } from 'zod';
import { assetHashSchema, characterIdSchema } from './ids';
import { migrationSequence } from './migrations';
import type { Stored } from './stored';

export const characterSchema = z.object({
  id: characterIdSchema,
  /** As the script prints it above dialogue, uppercase for Latin names (`BRICK`). Unique per project. */
  name: z.string().min(1),
  /** Free text the artist keeps about the look; empty until someone writes it. */
  description: z.string().default(''),
  /**
   * The character bible: face, build, age, hair (`look`) and clothes (`wardrobe`), kept apart
   * from the description so a costume change is one edit. Sent with every generated frame the
   * character is in, so they look the same from shot to shot.
   */
  look: z.string().default(''),
  wardrobe: z.string().default(''),
  /**
   * A character sheet (turnaround or portrait) in the asset store. Providers that accept
   * reference images receive it for every shot the character is in; null until made or uploaded.
   */
  sheetHash: assetHashSchema.nullable().default(null),
});

export type Character = Stored<typeof characterSchema>;

export const characterMigrations = migrationSequence('character', []);

/** The schema's defaults, read once from the schema itself. */
const CHARACTER_DEFAULTS: Omit<Character, 'id' | 'name'> = characterSchema
  .omit({ id: true, name: true })
  .parse({});

export function createCharacter(
  props: Pick<Character, 'id' | 'name'> & Partial<Character>,
): Character {
  // Object.assign onto a fresh literal, as createShot does: one hidden class for all.
  return Object.assign({}, CHARACTER_DEFAULTS, props);
}

/** The bible fields a user edits. */
export type CharacterPatch = Partial<Pick<Character, 'description' | 'look' | 'wardrobe'>>;
