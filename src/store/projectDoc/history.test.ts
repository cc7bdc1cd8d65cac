import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { SceneId, ShotId } from '../../model/ids';
import { createProjectMeta } from '../../model/project';
import { ms } from '../../model/units';
import type { ProjectVersion, VersionId } from '../../model/version';
import type { AssetHash } from '../../model/ids';
import { REMOTE_ORIGIN, USER_ORIGIN } from './layout';
import {
  addScene,
  deleteShot,
  insertShot,
  restoreSnapshot,
  updateShot,
  writeSnapshot,
} from './operations';
import { readProject } from './read';
import { addVersion, readVersions } from './versions';

function project(): { doc: Y.Doc; sceneId: SceneId; shots: ShotId[] } {
  const doc = new Y.Doc();
  writeSnapshot(doc, { meta: createProjectMeta('History'), scenes: [], shots: [], characters: [] });
  const sceneId = addScene(doc, 'INT. LAB - DAY');
  const shots = [0, 1, 2].map((i) => insertShot(doc, sceneId, i, { action: `shot ${i}` })!);
  return { doc, sceneId, shots };
}

describe('restoring a version', () => {
  test('brings back the boards of the old state as one undoable change', () => {
    const { doc, sceneId, shots } = project();
    const old = Y.encodeStateAsUpdate(doc);
    updateShot(doc, shots[0]!, { action: 'changed', durationMs: ms(5000) });
    deleteShot(doc, shots[1]!);
    const added = insertShot(doc, sceneId, 0, { action: 'new' })!;
    addScene(doc, 'EXT. ROOF - NIGHT');

    const past = new Y.Doc();
    Y.applyUpdate(past, old);
    const version = readProject(past).snapshot;
    const undo = new Y.UndoManager(
      [doc.getMap('shots'), doc.getMap('scenes'), doc.getArray('sceneOrder')],
      {
        trackedOrigins: new Set([USER_ORIGIN]),
      },
    );
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    restoreSnapshot(doc, version);

    expect(updates).toEqual([USER_ORIGIN]); // one transaction: one update for peers
    expect(readProject(doc).snapshot).toEqual(version);
    expect(readProject(doc).snapshot.shots.some((s) => s.id === added)).toBe(false);
    undo.undo();
    const after = readProject(doc).snapshot;
    expect(after.shots.map((s) => s.action)).toEqual(['new', 'changed', 'shot 2']);
    expect(after.scenes).toHaveLength(2);
  });

  test('a restore merges with what a peer does at the same time', () => {
    const { doc: a, sceneId, shots } = project();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE_ORIGIN);
    const version = readProject(a).snapshot;
    updateShot(a, shots[0]!, { action: 'edited before restore' });
    const fromB = insertShot(b, sceneId, 3, { action: 'added by B meanwhile' })!;
    restoreSnapshot(a, version);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE_ORIGIN);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE_ORIGIN);
    const merged = readProject(a).snapshot;
    expect(merged).toEqual(readProject(b).snapshot);
    expect(merged.shots.find((s) => s.id === shots[0])?.action).toBe('shot 0');
    expect(merged.shots.some((s) => s.id === fromB)).toBe(true);
  });

  test('versions list newest first and skip records that do not read', () => {
    const { doc } = project();
    const version = (id: string, createdAt: number): ProjectVersion => ({
      id: id as VersionId,
      name: `v ${id}`,
      createdAt,
      authorName: 'Anna',
      stateHash: 'a'.repeat(64) as AssetHash,
      shotCount: 3,
    });
    addVersion(doc, version('1', 100));
    addVersion(doc, version('2', 200));
    doc.getMap('versions').set('broken', new Y.Map());
    expect(readVersions(doc).map((v) => v.id)).toEqual(['2', '1']);
  });
});
