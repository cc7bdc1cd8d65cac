import { z } from 'zod';
import type { CharacterPatch } from '../../model/character';
import type { AssetHash, CharacterId } from '../../model/ids';
import { fillCharacterBible, setCharacterSheet, updateCharacter } from '../projectDoc';
import { defineCommand, STEP } from './command';
import { characterPatchSchema, idSchema } from './inputSchemas';

type BibleEntry = { readonly id: CharacterId } & CharacterPatch;

/** The cast and its bible. */
export const characterCommands = {
  /** Typing in one bible field merges into one step. */
  'character/update': defineCommand({
    input: z.object({ characterId: idSchema, patch: characterPatchSchema }),
    undo: ({ characterId, patch }: { characterId: CharacterId; patch: CharacterPatch }) => ({
      merge: `character/${characterId}/${Object.keys(patch).join()}`,
    }),
    run: ({ doc }, { characterId, patch }) => updateCharacter(doc, characterId, patch),
  }),

  /** Sets (or with null removes) a character's sheet image. */
  'character/setSheet': defineCommand({
    input: z.object({
      characterId: idSchema,
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
    }),
    undo: STEP,
    run: ({ doc }, i: { characterId: CharacterId; hash: AssetHash | null }) =>
      setCharacterSheet(doc, i.characterId, i.hash),
  }),

  /** Fills empty bible fields from an extraction as one step; returns how many were filled. */
  'character/fillBible': defineCommand({
    input: z.object({ entries: z.array(characterPatchSchema.extend({ id: idSchema })) }),
    undo: STEP,
    run: ({ doc }, { entries }: { entries: readonly BibleEntry[] }): number =>
      fillCharacterBible(doc, entries),
  }),
};
