import { createCharacter, type Character } from '../model/character';
import type { CharacterId } from '../model/ids';
import type { ScriptElement } from '../script/types';

/**
 * The speaking cast, keyed so that `STEEL`, `STEEL (CONT'D)` and `Steel` (from a forced `@Steel`)
 * are one person. The parser has already split extensions off the name.
 */
export class Cast {
  readonly characters: Character[] = [];
  private readonly byKey = new Map<string, Character>();
  private readonly mentionPatterns: { id: CharacterId; pattern: RegExp }[] = [];

  constructor(elements: readonly ScriptElement[], createId: () => string) {
    for (const element of elements) {
      if (element.type !== 'character') continue;
      const key = castKey(element.text);
      if (key === '' || this.byKey.has(key)) continue;
      const character = createCharacter({
        id: createId() as CharacterId,
        name: element.text.trim().replace(/\s+/g, ' '),
      });
      this.byKey.set(key, character);
      this.characters.push(character);
      this.mentionPatterns.push({ id: character.id, pattern: mentionPattern(character.name) });
    }
  }

  /** The character who speaks under this name. */
  idOf(name: string): CharacterId | undefined {
    return this.byKey.get(castKey(name))?.id;
  }

  /** The name as the cast list spells it (the first spelling met in the script). */
  nameOf(name: string): string {
    return this.byKey.get(castKey(name))?.name ?? name.trim();
  }

  /**
   * Characters named in a piece of action, in cast order. Whole words only and in any case, so
   * "Brick's" finds BRICK but "Dante" does not find DAN.
   */
  mentionedIn(text: string): CharacterId[] {
    return this.mentionPatterns.filter(({ pattern }) => pattern.test(text)).map(({ id }) => id);
  }
}

function castKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * Lookarounds instead of `\b`, which only knows ASCII letters: "ZOË" must not match inside
 * "ZOËLLA". The `i` flag with `u` folds case for every script.
 */
function mentionPattern(name: string): RegExp {
  const words = name.split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
