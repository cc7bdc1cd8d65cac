import { z } from 'zod';
import type { CharacterId } from './ids';

export interface Character {
  readonly id: CharacterId;
  /** As the script prints it above dialogue, uppercase for Latin names (`BRICK`). Unique per project. */
  readonly name: string;
  /** Free text the artist keeps about the look; empty until someone writes it. */
  readonly description: string;
}

export const characterSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
});

export function createCharacter(
  props: Pick<Character, 'id' | 'name'> & Partial<Character>,
): Character {
  return { description: '', ...props };
}
