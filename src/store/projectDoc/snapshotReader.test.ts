import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createCharacter } from '../../model/character';
import type { CharacterId, SceneId, ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { ms } from '../../model/units';
import {
  addScene,
  deleteScene,
  deleteShot,
  insertShot,
  moveShot,
  readProject,
  rootsOf,
  updateMeta,
  updateShot,
  writeSnapshot,
} from '.';
import { SCENE_SHOT_ORDER, USER_ORIGIN } from './layout';
import { SnapshotReader } from './snapshotReader';
import { touchedBy } from './touched';

const SCENES = ['s1', 's2', 's3'] as SceneId[];

function project(shotsPerScene = 4): ProjectSnapshot {
  const scenes = SCENES.map((id, i) =>
    createScene({ id, number: String(i + 1), heading: `INT. ROOM ${i + 1} - DAY` }),
  );
  const shots = scenes.flatMap((scene) =>
    Array.from({ length: shotsPerScene }, (_, i) =>
      createShot({
        id: `${scene.id}-shot${i}` as ShotId,
        sceneId: scene.id,
        number: `${scene.number}${'ABCDEFGH'[i] ?? ''}`,
        durationMs: ms(2000),
        action: `Beat ${i}.`,
      }),
    ),
  );
  const characters = ['ANNA', 'BEN'].map((name, i) =>
    createCharacter({ id: `c${i}` as CharacterId, name }),
  );
  return { meta: createProjectMeta('Scale'), scenes, shots, characters };
}

/** A document with a reader following every transaction, as a session keeps one. */
function followed(snapshot = project()) {
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  const reader = new SnapshotReader(doc);
  const roots = rootsOf(doc);
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    reader.apply(touchedBy(transaction, roots));
  });
  return { doc, reader, roots };
}

const shotId = (scene: number, i: number) => `s${scene}-shot${i}` as ShotId;

describe('a snapshot re-read transaction by transaction', () => {
  test('starts as a full read', () => {
    const { doc, reader } = followed();
    expect(reader.result).toEqual(readProject(doc));
  });

  test('an edit to one shot changes that shot only: every other record keeps its identity', () => {
    const { doc, reader } = followed();
    const before = reader.result.snapshot;
    updateShot(doc, shotId(2, 1), { action: 'The door opens.' });
    const after = reader.result.snapshot;
    expect(after).toEqual(readProject(doc).snapshot);
    expect(after.shots).not.toBe(before.shots);
    after.shots.forEach((shot, i) => {
      if (shot.id === shotId(2, 1)) expect(shot).not.toBe(before.shots[i]);
      else expect(shot).toBe(before.shots[i]);
    });
    expect(after.scenes).toBe(before.scenes);
    expect(after.characters).toBe(before.characters);
    expect(after.meta).toBe(before.meta);
  });

  test('a change outside the boards (a comment) keeps the whole snapshot', () => {
    const { doc, reader, roots } = followed();
    const before = reader.result;
    doc.transact(() => roots.comments.set('k1', { body: 'Nice' }), USER_ORIGIN);
    expect(reader.result).toBe(before);
  });

  test('writing a field the value it already has keeps the shot, and the snapshot', () => {
    const { doc, reader, roots } = followed();
    const before = reader.result;
    doc.transact(() => roots.shots.get(shotId(1, 2))!.set('action', 'Beat 2.'), USER_ORIGIN);
    expect(reader.result).toBe(before);
  });

  test('a move reorders the list and keeps every shot it did not change', () => {
    const { doc, reader } = followed();
    const before = reader.result.snapshot;
    moveShot(doc, shotId(1, 3), SCENES[0]!, 0);
    const after = reader.result.snapshot;
    expect(after).toEqual(readProject(doc).snapshot);
    expect(after.shots[0]).toBe(before.shots[3]);
    expect(new Set(after.shots)).toEqual(new Set(before.shots));
  });

  test('a shot that stops validating is reported and left out, as a full read does', () => {
    const { doc, reader, roots } = followed();
    doc.transact(() => roots.shots.get(shotId(1, 1))!.set('durationMs', -5), USER_ORIGIN);
    expect(reader.result).toEqual(readProject(doc));
    expect(reader.result.problems).toHaveLength(1);
    doc.transact(() => roots.shots.get(shotId(1, 1))!.set('durationMs', 1000), USER_ORIGIN);
    expect(reader.result).toEqual(readProject(doc));
    expect(reader.result.problems).toEqual([]);
  });

  test('a shot whose scene is deleted under it stays on the board, reported', () => {
    const { doc, reader, roots } = followed();
    doc.transact(() => roots.scenes.delete(SCENES[1]!), USER_ORIGIN);
    expect(reader.result).toEqual(readProject(doc));
    expect(reader.result.problems.some((p) => p.includes('has no scene'))).toBe(true);
  });
});

/** One random change to a document, by name, for the property test below. */
type Edit =
  | { kind: 'action'; shot: number; text: string }
  | { kind: 'duration'; shot: number; value: number }
  | { kind: 'insert'; scene: number; at: number }
  | { kind: 'delete'; shot: number }
  | { kind: 'move'; shot: number; scene: number; at: number }
  | { kind: 'addScene' }
  | { kind: 'deleteScene'; scene: number }
  | { kind: 'dropScene'; scene: number }
  | { kind: 'sceneOf'; shot: number; scene: number }
  | { kind: 'duplicateInOrder'; shot: number }
  | { kind: 'heading'; scene: number; text: string }
  | { kind: 'character'; name: string }
  | { kind: 'rename'; index: number; name: string }
  | { kind: 'title'; text: string }
  | { kind: 'badMeta' }
  | { kind: 'take'; shot: number; valid: boolean }
  | { kind: 'nested'; shot: number }
  | { kind: 'comment'; n: number }
  | { kind: 'undo' };

const small = fc.nat({ max: 40 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('action' as const), shot: small, text: fc.string() }),
  fc.record({ kind: fc.constant('duration' as const), shot: small, value: fc.integer() }),
  fc.record({ kind: fc.constant('insert' as const), scene: small, at: small }),
  fc.record({ kind: fc.constant('delete' as const), shot: small }),
  fc.record({ kind: fc.constant('move' as const), shot: small, scene: small, at: small }),
  fc.record({ kind: fc.constant('addScene' as const) }),
  fc.record({ kind: fc.constant('deleteScene' as const), scene: small }),
  fc.record({ kind: fc.constant('dropScene' as const), scene: small }),
  fc.record({ kind: fc.constant('sceneOf' as const), shot: small, scene: small }),
  fc.record({ kind: fc.constant('duplicateInOrder' as const), shot: small }),
  fc.record({ kind: fc.constant('heading' as const), scene: small, text: fc.string() }),
  fc.record({
    kind: fc.constant('character' as const),
    name: fc.constantFrom('ANNA', 'CY', 'DEE'),
  }),
  fc.record({ kind: fc.constant('rename' as const), index: small, name: fc.string() }),
  fc.record({ kind: fc.constant('title' as const), text: fc.string() }),
  fc.record({ kind: fc.constant('badMeta' as const) }),
  fc.record({ kind: fc.constant('take' as const), shot: small, valid: fc.boolean() }),
  fc.record({ kind: fc.constant('nested' as const), shot: small }),
  fc.record({ kind: fc.constant('comment' as const), n: small }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/** Applies `e` to `doc`: through the operations where one exists, else raw, as a peer might. */
function applyEdit(doc: Y.Doc, e: Edit, undo: Y.UndoManager): void {
  const roots = rootsOf(doc);
  const { snapshot } = readProject(doc);
  const shotIds = [...roots.shots.keys()].sort();
  const sceneIds = [...roots.scenes.keys()].sort();
  const shot = 'shot' in e ? pick(shotIds, e.shot) : undefined;
  const scene = 'scene' in e ? pick(sceneIds, e.scene) : undefined;
  const raw = (write: () => void) => doc.transact(write, USER_ORIGIN);
  switch (e.kind) {
    case 'action':
      if (shot) updateShot(doc, shot as ShotId, { action: e.text });
      return;
    case 'duration':
      if (shot) raw(() => roots.shots.get(shot)?.set('durationMs', e.value));
      return;
    case 'insert':
      if (scene) insertShot(doc, scene as SceneId, e.at);
      return;
    case 'delete':
      if (shot) deleteShot(doc, shot as ShotId);
      return;
    case 'move':
      if (shot && scene && snapshot.shots.some((s) => s.id === shot))
        moveShot(doc, shot as ShotId, scene as SceneId, e.at);
      return;
    case 'addScene':
      addScene(doc, 'EXT. FIELD - DAY');
      return;
    case 'deleteScene':
      if (scene) deleteScene(doc, scene as SceneId);
      return;
    case 'dropScene':
      if (scene) raw(() => roots.scenes.delete(scene));
      return;
    case 'sceneOf':
      if (shot) raw(() => roots.shots.get(shot)?.set('sceneId', scene ?? 'gone'));
      return;
    case 'duplicateInOrder': {
      const sceneId = shot ? roots.shots.get(shot)?.get('sceneId') : undefined;
      const order =
        typeof sceneId === 'string' ? roots.scenes.get(sceneId)?.get(SCENE_SHOT_ORDER) : null;
      if (shot && order instanceof Y.Array) raw(() => order.push([shot]));
      return;
    }
    case 'heading':
      if (scene) raw(() => roots.scenes.get(scene)?.set('heading', e.text));
      return;
    case 'character':
      raw(() => {
        const record = new Y.Map<unknown>();
        record.set('name', e.name);
        record.set('description', '');
        roots.characters.set(`c-${e.name}-${roots.characters.size}`, record);
      });
      return;
    case 'rename': {
      const id = pick([...roots.characters.keys()].sort(), e.index);
      if (id) raw(() => roots.characters.get(id)?.set('name', e.name));
      return;
    }
    case 'title':
      updateMeta(doc, { title: e.text });
      return;
    case 'badMeta':
      raw(() => roots.meta.set('frameRate', 7));
      return;
    case 'take': {
      const takes = shot ? roots.shots.get(shot)?.get('takes') : null;
      if (!(takes instanceof Y.Array)) return;
      raw(() => {
        const take = new Y.Map<unknown>();
        take.set('id', `t${takes.length}`);
        if (e.valid) {
          take.set('hash', 'a'.repeat(64));
          take.set('providerKind', 'openai');
          take.set('providerLabel', 'OpenAI');
          take.set('model', 'm');
          take.set('prompt', 'p');
          take.set('createdAt', 1);
        }
        takes.push([take]);
      });
      return;
    }
    case 'nested':
      if (shot) raw(() => roots.shots.get(shot)?.set('notes', new Y.Map()));
      return;
    case 'comment':
      raw(() => roots.comments.set(`k${e.n}`, { text: 'hi' }));
      return;
    case 'undo':
      undo.undo();
      return;
  }
}

describe('the re-read snapshot equals a full read', () => {
  test('after any run of edits, made here or arriving from a peer', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), edit), { maxLength: 30 }), (steps) => {
        const { doc, reader, roots } = followed(project(3));
        const peer = new Y.Doc();
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
        const undo = new Y.UndoManager(
          [roots.meta, roots.scenes, roots.sceneOrder, roots.shots, roots.characters],
          { trackedOrigins: new Set([USER_ORIGIN]) },
        );
        const peerUndo = new Y.UndoManager(rootsOf(peer).shots, {
          trackedOrigins: new Set([USER_ORIGIN]),
        });
        for (const [fromPeer, step] of steps) {
          if (fromPeer) {
            const before = Y.encodeStateVector(doc);
            applyEdit(peer, step, peerUndo);
            Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before));
            Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
          } else {
            applyEdit(doc, step, undo);
          }
          expect(reader.result).toEqual(readProject(doc));
        }
      }),
      { numRuns: 150, seed: 20250611 },
    );
  }, 120_000);
});
