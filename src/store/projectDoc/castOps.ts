import type * as Y from 'yjs';
import {
  CastError,
  characterName,
  mergedBible,
  nameProblem,
  renameSpeaker,
  replaceCharacterId,
} from '../../model/castEdit';
import { createCharacter, type Character } from '../../model/character';
import { newId, type CharacterId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { DialogueLine } from '../../model/shot';
import { rootsOf, USER_ORIGIN, type YRecord } from './layout';
import { characterRecord, setIfChanged } from './records';

/**
 * The cast: adding, renaming and merging characters (model/castEdit.ts). Renaming and merging
 * rewrite every shot that names the character, reading each shot's record as it is now rather
 * than a snapshot, and writing only the shots (and the fields) that change: an edit someone
 * makes to any other shot or field at the same time survives.
 */

function characterIn(snapshot: ProjectSnapshot, id: CharacterId): Character {
  const character = snapshot.characters.find((c) => c.id === id);
  if (!character) throw new CastError('That character is no longer in the project');
  return character;
}

function checkedName(snapshot: ProjectSnapshot, typed: string, except?: CharacterId): string {
  const name = characterName(typed);
  const problem = nameProblem(name, snapshot.characters, except);
  if (problem) throw new CastError(problem);
  return name;
}

function dialogueOf(record: YRecord): readonly DialogueLine[] {
  const value = record.get('dialogue');
  return Array.isArray(value) ? (value as DialogueLine[]) : [];
}

function characterIdsOf(record: YRecord): readonly CharacterId[] {
  const value = record.get('characterIds');
  return Array.isArray(value) ? (value as CharacterId[]) : [];
}

/** Each shot's dialogue with `from`'s lines given to `to`, written where it changed. */
function rewriteSpeakers(doc: Y.Doc, from: string, to: string): void {
  for (const record of rootsOf(doc).shots.values()) {
    const dialogue = dialogueOf(record);
    const renamed = renameSpeaker(dialogue, from, to);
    if (renamed !== dialogue) record.set('dialogue', structuredClone(renamed));
  }
}

/** A new character (named as scripts print names); returns its id. */
export function addCharacter(doc: Y.Doc, snapshot: ProjectSnapshot, typed: string): CharacterId {
  const character = createCharacter({
    id: newId<CharacterId>(),
    name: checkedName(snapshot, typed),
  });
  doc.transact(() => {
    rootsOf(doc).characters.set(character.id, characterRecord(character));
  }, USER_ORIGIN);
  return character.id;
}

/** Renames a character and every line they speak. */
export function renameCharacter(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  id: CharacterId,
  typed: string,
): void {
  const character = characterIn(snapshot, id);
  const name = checkedName(snapshot, typed, id);
  const record = rootsOf(doc).characters.get(id);
  if (!record || name === character.name) return;
  doc.transact(() => {
    record.set('name', name);
    rewriteSpeakers(doc, character.name, name);
  }, USER_ORIGIN);
}

/**
 * Merges `fromId` into `intoId`: every shot with `from` gets `into` instead, every line `from`
 * speaks is spoken by `into`, what `into`'s bible leaves empty is filled from `from`'s, and `from`
 * is deleted. For the two records an import made of one person (`BOB` and `ROBERT`).
 */
export function mergeCharacters(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  fromId: CharacterId,
  intoId: CharacterId,
): void {
  if (fromId === intoId) throw new CastError('A character cannot be merged into itself');
  const from = characterIn(snapshot, fromId);
  const into = characterIn(snapshot, intoId);
  const roots = rootsOf(doc);
  const intoRecord = roots.characters.get(intoId);
  if (!intoRecord) throw new CastError('That character is no longer in the project');
  doc.transact(() => {
    for (const record of roots.shots.values()) {
      const ids = characterIdsOf(record);
      const replaced = replaceCharacterId(ids, fromId, intoId);
      if (replaced !== ids) record.set('characterIds', [...replaced]);
    }
    rewriteSpeakers(doc, from.name, into.name);
    for (const [key, value] of Object.entries(mergedBible(into, from))) {
      setIfChanged(intoRecord, key, value);
    }
    roots.characters.delete(fromId);
  }, USER_ORIGIN);
}
