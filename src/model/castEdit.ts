import type { Character, CharacterPatch } from './character';
import type { CharacterId } from './ids';
import type { DialogueLine } from './shot';

/**
 * Editing the cast: adding, renaming and merging characters. A character is named in two places
 * on a shot: by id in `characterIds` (who is in frame) and by name as the `speaker` of each line
 * (as the script prints it). Renaming and merging rewrite both, so the boards, the screenplay
 * made from them and the voices stay in step.
 */

export class CastError extends Error {
  override readonly name = 'CastError';
}

/** The longest name worth printing above dialogue. */
export const MAX_CHARACTER_NAME_LENGTH = 60;

/**
 * A name as a script prints it above dialogue: trimmed, inner spaces single, uppercase. Scripts
 * uppercase cues (Final Draft uppercases on screen), and the names imported from them are; a name
 * typed in lowercase would otherwise be a second character. Scripts without case are unchanged.
 */
export function characterName(typed: string): string {
  return typed.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** Why `name` cannot be given to a character (or `except`, when renaming it); null when it can. */
export function nameProblem(
  name: string,
  cast: readonly Pick<Character, 'id' | 'name'>[],
  except?: CharacterId,
): string | null {
  if (name === '') return 'A character needs a name';
  if (name.length > MAX_CHARACTER_NAME_LENGTH) {
    return `A name is at most ${MAX_CHARACTER_NAME_LENGTH} characters`;
  }
  const taken = cast.find((c) => c.id !== except && c.name === name);
  return taken ? `There is already a character called ${name}: merge them instead` : null;
}

/** The lines with `from` as speaker given to `to`; the same array when nothing changes. */
export function renameSpeaker(
  dialogue: readonly DialogueLine[],
  from: string,
  to: string,
): readonly DialogueLine[] {
  if (from === to || !dialogue.some((d) => d.speaker === from)) return dialogue;
  return dialogue.map((d) => (d.speaker === from ? { ...d, speaker: to } : d));
}

/** `from` replaced by `into` (once, where `from` was); the same array when `from` is absent. */
export function replaceCharacterId(
  ids: readonly CharacterId[],
  from: CharacterId,
  into: CharacterId,
): readonly CharacterId[] {
  if (!ids.includes(from)) return ids;
  return [...new Set(ids.map((id) => (id === from ? into : id)))];
}

/**
 * The bible fields of `into` after `from` is merged into it: what `into` already says stays, and
 * what it leaves empty is taken from `from`, so nothing written about either is lost.
 */
export function mergedBible(
  into: Character,
  from: Character,
): CharacterPatch & Pick<Character, 'sheetHash'> {
  const pick = (mine: string, theirs: string) => (mine.trim() !== '' ? mine : theirs);
  return {
    description: pick(into.description, from.description),
    look: pick(into.look, from.look),
    wardrobe: pick(into.wardrobe, from.wardrobe),
    sheetHash: into.sheetHash ?? from.sheetHash,
  };
}
