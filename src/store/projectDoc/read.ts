import * as Y from 'yjs';
import { characterSchema, createCharacter, type Character } from '../../model/character';
import type { CharacterId, SceneId, ShotId } from '../../model/ids';
import {
  createProjectMeta,
  projectMetaSchema,
  type ProjectMeta,
  type ProjectSnapshot,
} from '../../model/project';
import { createScene, sceneSchema, type Scene } from '../../model/scene';
import { createShot, shotSchema, type Shot } from '../../model/shot';
import { takeSchema, type Take } from '../../model/take';
import { fps } from '../../model/units';
import { rootsOf, SCENE_SHOT_ORDER, SHOT_TAKES, type YRecord } from './layout';

/**
 * Y.Doc → ProjectSnapshot. Never throws: a record that does not validate (a peer on another
 * version, a damaged update) is left out and reported in `problems`, the rest still reads.
 */
export interface ReadResult {
  readonly snapshot: ProjectSnapshot;
  readonly problems: readonly string[];
}

function plain(record: unknown): Record<string, unknown> {
  if (!(record instanceof Y.Map)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of record.entries()) {
    if (!(value instanceof Y.AbstractType)) out[key] = value;
  }
  return out;
}

function readMeta(doc: Y.Doc, problems: string[]): ProjectMeta {
  const raw = { ...createProjectMeta(''), ...plain(rootsOf(doc).meta) };
  const parsed = projectMetaSchema.safeParse(raw);
  if (parsed.success) {
    return {
      ...parsed.data,
      frameRate: fps(parsed.data.frameRate),
      // The schema checked the hash's shape and the bounds; only the brands are missing.
      music: parsed.data.music as ProjectMeta['music'],
    };
  }
  problems.push(`project settings: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return createProjectMeta(typeof raw.title === 'string' ? raw.title : '');
}

function readScene(id: string, record: YRecord | undefined, problems: string[]): Scene | null {
  const parsed = sceneSchema.safeParse({ ...plain(record), id });
  if (parsed.success) return createScene({ ...parsed.data, id: id as SceneId });
  problems.push(`scene ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

/** A shot's takes (a Y.Array of Y.Maps); a take that does not validate is left out and reported. */
function readTakes(shotId: string, value: unknown, problems: string[]): Take[] {
  if (!(value instanceof Y.Array)) return [];
  const takes: Take[] = [];
  for (const item of value.toArray()) {
    const parsed = takeSchema.safeParse(plain(item));
    if (parsed.success) takes.push(parsed.data as Take);
    else problems.push(`a take of shot ${shotId}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return takes;
}

function readShot(id: string, record: YRecord | undefined, problems: string[]): Shot | null {
  const raw = { ...plain(record), takes: readTakes(id, record?.get(SHOT_TAKES), problems) };
  const defaults = createShot({ id: id as ShotId, sceneId: '' as SceneId, number: '' });
  const parsed = shotSchema.safeParse({ ...defaults, ...raw, id });
  if (parsed.success) return createShot(parsed.data as unknown as Shot);
  problems.push(`shot ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

function readCharacter(
  id: string,
  record: YRecord | undefined,
  problems: string[],
): Character | null {
  const parsed = characterSchema.safeParse({ description: '', ...plain(record), id });
  if (parsed.success)
    return createCharacter({
      ...parsed.data,
      id: id as CharacterId,
      sheetHash: parsed.data.sheetHash as Character['sheetHash'],
    });
  problems.push(`character ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

/**
 * A Y.Map's keys in id order. Iterating a Y.Map follows the order updates happened to arrive in,
 * which differs from peer to peer; anything placed by iteration order (orphans, shots whose scene
 * is gone) would then sit in different places on different screens. Found by syncFuzz.test.ts.
 */
function sortedKeys<T>(map: Y.Map<T>): string[] {
  return [...map.keys()].sort();
}

/** Ids in order, first occurrence wins: a concurrent move can leave an id in two places. */
function uniqueIds(array: unknown): string[] {
  if (!(array instanceof Y.Array)) return [];
  const seen = new Set<string>();
  for (const id of array.toArray()) if (typeof id === 'string') seen.add(id);
  return [...seen];
}

export function readProject(doc: Y.Doc): ReadResult {
  const problems: string[] = [];
  const roots = rootsOf(doc);
  const meta = readMeta(doc, problems);

  // Scenes: those in sceneOrder first, then any the order lost (orphans), so nothing vanishes.
  const sceneIds = uniqueIds(roots.sceneOrder).filter((id) => roots.scenes.has(id));
  for (const id of sortedKeys(roots.scenes)) if (!sceneIds.includes(id)) sceneIds.push(id);
  const scenes: Scene[] = [];
  for (const id of sceneIds) {
    const scene = readScene(id, roots.scenes.get(id), problems);
    if (scene) scenes.push(scene);
  }

  const allShots = new Map<string, Shot>();
  for (const id of sortedKeys(roots.shots)) {
    const shot = readShot(id, roots.shots.get(id), problems);
    if (shot) allShots.set(id, shot);
  }

  // A shot belongs where its own sceneId says; the scene's order only sorts it. Shots whose
  // scene is gone are kept at the end of the board rather than dropped.
  const placed = new Set<string>();
  const shots: Shot[] = [];
  for (const scene of scenes) {
    const order = uniqueIds(roots.scenes.get(scene.id)?.get(SCENE_SHOT_ORDER));
    const inScene = [...allShots.values()].filter((shot) => shot.sceneId === scene.id);
    const ordered = order
      .map((id) => allShots.get(id))
      .filter((shot): shot is Shot => shot?.sceneId === scene.id);
    for (const shot of ordered) placed.add(shot.id);
    const orphans = inScene.filter((shot) => !placed.has(shot.id));
    for (const shot of [...ordered, ...orphans]) {
      placed.add(shot.id);
      shots.push(shot);
    }
  }
  for (const shot of allShots.values()) {
    if (!placed.has(shot.id)) {
      problems.push(`shot ${shot.number || shot.id} has no scene`);
      shots.push(shot);
    }
  }

  const characters: Character[] = [];
  for (const id of sortedKeys(roots.characters)) {
    const character = readCharacter(id, roots.characters.get(id), problems);
    if (character) characters.push(character);
  }
  // Two peers can add the same name at once: the id breaks the tie the same way everywhere.
  characters.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));

  return { snapshot: { meta, scenes, shots, characters }, problems };
}
