import { z } from 'zod';
import type { CharacterId } from '../../model/ids';
import { addCharacter, mergeCharacters, renameCharacter } from '../projectDoc';
import { defineCommand, STEP } from './command';
import { characterNameSchema, idSchema } from './inputSchemas';

/**
 * The cast itself: who is in it and what they are called. A rename is committed whole (Enter or
 * leaving the field), so it is one step; renaming and merging rewrite every shot that names the
 * character in that same step.
 */
export const castCommands = {
  /** A new character; returns its id. Refused when the name is taken. */
  'character/add': defineCommand({
    input: z.object({ name: characterNameSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, { name }: { name: string }): CharacterId =>
      addCharacter(doc, snapshot, name),
  }),

  /** A new name for a character and for every line they speak. */
  'character/rename': defineCommand({
    input: z.object({ characterId: idSchema, name: characterNameSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, i: { characterId: CharacterId; name: string }) =>
      renameCharacter(doc, snapshot, i.characterId, i.name),
  }),

  /** "Merge X into Y": X's shots and lines become Y's, Y's empty bible fields take X's; X goes. */
  'character/merge': defineCommand({
    input: z.object({ characterId: idSchema, intoId: idSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, i: { characterId: CharacterId; intoId: CharacterId }) =>
      mergeCharacters(doc, snapshot, i.characterId, i.intoId),
  }),
};
