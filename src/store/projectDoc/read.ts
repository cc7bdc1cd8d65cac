import * as Y from 'yjs';
import { characterSchema, type Character } from '../../model/character';
import { createProjectMeta, projectMetaSchema, type ProjectMeta } from '../../model/project';
import { sceneSchema, type Scene } from '../../model/scene';
import { shotSchema, type Shot } from '../../model/shot';
import { takeSchema, type Take } from '../../model/take';
import { rootsOf, SCENE_SHOT_ORDER, SHOT_TAKES, type ProjectRoots, type YRecord } from './layout';
import { readInCurrentShape } from './migrate';
import { plainRecord } from './plainRecord';
import { assembleSnapshot, type ReadResult, type RecordRead } from './snapshotAssembly';

/**
 * Y.Doc → ProjectSnapshot. Never throws: a record that does not validate (a peer on another
 * version, a damaged update) is left out and reported in `problems`, the rest still reads.
 * How records are put in order is snapshotAssembly.ts; snapshotReader.ts re-reads only what a
 * transaction touched, with these same record readers.
 */
export type { ReadResult } from './snapshotAssembly';

const plain = plainRecord;

export function readMeta(doc: Y.Doc, problems: string[]): ProjectMeta {
  const raw = plain(rootsOf(doc).meta);
  const parsed = projectMetaSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push(`project settings: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  // Unreadable settings are an existing project's: keep its sketches as they are drawn.
  return {
    ...createProjectMeta(typeof raw.title === 'string' ? raw.title : ''),
    sketchCaptionBand: raw.sketchCaptionBand !== false,
  };
}

export function readScene(
  id: string,
  record: YRecord | undefined,
  problems: string[],
): Scene | null {
  const parsed = sceneSchema.safeParse({ ...plain(record), id });
  if (parsed.success) return parsed.data;
  problems.push(`scene ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

/** A shot's takes (a Y.Array of Y.Maps); a take that does not validate is left out and reported. */
function readTakes(shotId: string, value: unknown, problems: string[]): Take[] {
  if (!(value instanceof Y.Array)) return [];
  const takes: Take[] = [];
  for (const item of value.toArray()) {
    const parsed = takeSchema.safeParse(plain(item));
    if (parsed.success) takes.push(parsed.data);
    else problems.push(`a take of shot ${shotId}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return takes;
}

export function readShot(id: string, record: YRecord | undefined, problems: string[]): Shot | null {
  const raw = { ...plain(record), takes: readTakes(id, record?.get(SHOT_TAKES), problems) };
  // The schema fills in the defaults of fields added after the record was written.
  const parsed = shotSchema.safeParse({ sceneId: '', number: '', ...raw, id });
  if (parsed.success) return parsed.data;
  problems.push(`shot ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

export function readCharacter(
  id: string,
  record: YRecord | undefined,
  problems: string[],
): Character | null {
  const parsed = characterSchema.safeParse({ ...plain(record), id });
  if (parsed.success) return parsed.data;
  problems.push(`character ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

/**
 * A Y.Map's keys in id order. Iterating a Y.Map follows the order updates happened to arrive in,
 * which differs from peer to peer; anything placed by iteration order (orphans, shots whose scene
 * is gone) would then sit in different places on different screens. Found by syncFuzz.test.ts.
 */
export function sortedKeys<T>(map: Y.Map<T>): string[] {
  return [...map.keys()].sort();
}

/** Ids in order, first occurrence wins: a concurrent move can leave an id in two places. */
export function uniqueIds(array: unknown): string[] {
  if (!(array instanceof Y.Array)) return [];
  const seen = new Set<string>();
  for (const id of array.toArray()) if (typeof id === 'string') seen.add(id);
  return [...seen];
}

/**
 * A document written by an older build is read as it will be once migrated (migrate.ts), so a
 * record is always validated in this build's shape.
 */
export function readProject(doc: Y.Doc): ReadResult {
  return readInCurrentShape(doc, (current, migration) =>
    readCurrentShape(current, [...(migration?.problems ?? [])]),
  );
}

function readCurrentShape(doc: Y.Doc, problems: string[]): ReadResult {
  const roots = rootsOf(doc);
  const meta = readMeta(doc, problems);
  return assembleSnapshot({
    meta: { value: meta, problems },
    sceneIds: sceneIdsOf(roots),
    scene: (id) => readAlone((p) => readScene(id, roots.scenes.get(id), p)),
    shotIds: sortedKeys(roots.shots),
    shot: (id) => readAlone((p) => readShot(id, roots.shots.get(id), p)),
    shotOrder: (sceneId) => shotOrderIds(roots, sceneId),
    characterIds: sortedKeys(roots.characters),
    character: (id) => readAlone((p) => readCharacter(id, roots.characters.get(id), p)),
  });
}

/** Scene ids in script order: sceneOrder's first, then any the order lost (orphans), by id. */
export function sceneIdsOf(roots: ProjectRoots): string[] {
  const sceneIds = uniqueIds(roots.sceneOrder).filter((id) => roots.scenes.has(id));
  const listed = new Set(sceneIds);
  for (const id of sortedKeys(roots.scenes)) if (!listed.has(id)) sceneIds.push(id);
  return sceneIds;
}

/** A scene's shot order as stored (first occurrence of each id). */
export function shotOrderIds(roots: ProjectRoots, sceneId: string): string[] {
  return uniqueIds(roots.scenes.get(sceneId)?.get(SCENE_SHOT_ORDER));
}

/** One record read on its own, with its own problems. */
export function readAlone<T>(read: (problems: string[]) => T | null): RecordRead<T> {
  const problems: string[] = [];
  const value = read(problems);
  return { value, problems };
}
