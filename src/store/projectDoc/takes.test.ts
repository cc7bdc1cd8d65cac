import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createCharacter } from '../../model/character';
import type { AssetHash, CharacterId, SceneId, ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import type { Take } from '../../model/take';
import { referencedAssetHashes } from '../assetRefs';
import { rootsOf, SHOT_TAKES, USER_ORIGIN } from './layout';
import {
  addShotTake,
  chooseShotTake,
  fillCharacterBible,
  readProject,
  removeShotTake,
  returnShotToSketch,
  setCharacterSheet,
  stopShotClip,
  setShotFrame,
  updateCharacter,
  updateShot,
  writeSnapshot,
} from '.';

const SKETCH = 'a'.repeat(64) as AssetHash;
const TAKE_1 = 'b'.repeat(64) as AssetHash;
const TAKE_2 = 'c'.repeat(64) as AssetHash;
const SHEET = 'd'.repeat(64) as AssetHash;
const SHOT = 'shot-1' as ShotId;
const ANNA = 'c1' as CharacterId;

function take(id: string, hash: AssetHash): Take {
  return {
    id,
    hash,
    providerKind: 'openai',
    providerLabel: 'OpenAI',
    model: 'gpt-image-1',
    prompt: 'A kitchen at night',
    createdAt: 1_700_000_000_000,
  };
}

function newDoc(): Y.Doc {
  const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. KITCHEN - NIGHT' });
  const snapshot: ProjectSnapshot = {
    meta: createProjectMeta('Night Shift'),
    scenes: [scene],
    shots: [createShot({ id: SHOT, sceneId: scene.id, number: '1' })],
    characters: [createCharacter({ id: ANNA, name: 'ANNA' })],
  };
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  setShotFrame(doc, SHOT, { hash: SKETCH, source: 'sketch', signature: 'sk1-x' });
  return doc;
}

const shotOf = (doc: Y.Doc) => readProject(doc).snapshot.shots[0]!;

describe('takes on a shot', () => {
  test('a new shot has no takes and an automatic prompt', () => {
    const shot = shotOf(newDoc());
    expect(shot.takes).toEqual([]);
    expect(shot.prompt).toBe('');
  });

  test('a generated take becomes the frame and the earlier ones are kept', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    addShotTake(doc, SHOT, take('t2', TAKE_2), { makeCurrent: true });
    const shot = shotOf(doc);
    expect(shot.takes.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(shot.frameHash).toBe(TAKE_2);
    expect(shot.frameSource).toBe('ai');
  });

  test('picking an older take is one undoable step', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    addShotTake(doc, SHOT, take('t2', TAKE_2), { makeCurrent: true });
    const undo = new Y.UndoManager(rootsOf(doc).shots, { trackedOrigins: new Set([USER_ORIGIN]) });
    chooseShotTake(doc, SHOT, 't1');
    expect(shotOf(doc).frameHash).toBe(TAKE_1);
    undo.undo();
    expect(shotOf(doc).frameHash).toBe(TAKE_2);
  });

  test('a take kept without makeCurrent leaves the frame alone', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: false });
    expect(shotOf(doc).frameHash).toBe(SKETCH);
    expect(shotOf(doc).frameSource).toBe('sketch');
  });

  test('removing the current take returns the shot to its sketch', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    removeShotTake(doc, SHOT, 't1');
    expect(shotOf(doc).takes).toEqual([]);
    expect(shotOf(doc).frameSource).toBe('sketch');
    expect(shotOf(doc).frameSignature).toBe('');
  });

  test('going back to the sketch keeps the takes', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    returnShotToSketch(doc, SHOT);
    expect(shotOf(doc).frameSource).toBe('sketch');
    expect(shotOf(doc).takes).toHaveLength(1);
  });

  test('takes two peers add at once are both kept', () => {
    const a = newDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addShotTake(a, SHOT, take('from-a', TAKE_1), { makeCurrent: true });
    addShotTake(b, SHOT, take('from-b', TAKE_2), { makeCurrent: true });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(
      shotOf(a)
        .takes.map((t) => t.id)
        .sort(),
    ).toEqual(['from-a', 'from-b']);
    expect(shotOf(a)).toEqual(shotOf(b));
  });

  test('every take image and character sheet counts as referenced (kept from clean-up)', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: false });
    addShotTake(doc, SHOT, take('t2', TAKE_2), { makeCurrent: false });
    setCharacterSheet(doc, ANNA, SHEET);
    expect([...referencedAssetHashes(doc)].sort()).toEqual([SKETCH, TAKE_1, TAKE_2, SHEET]);
  });

  test('a snapshot with takes written into a new doc reads back identical (JSON import)', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    updateShot(doc, SHOT, { prompt: 'My own prompt' });
    const snapshot = readProject(doc).snapshot;
    const copy = new Y.Doc();
    writeSnapshot(copy, snapshot);
    expect(readProject(copy).snapshot).toEqual(snapshot);
    expect(rootsOf(copy).shots.get(SHOT)?.get(SHOT_TAKES)).toBeInstanceOf(Y.Array);
  });

  test('a damaged take is reported and the shot still reads', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: false });
    const list = rootsOf(doc).shots.get(SHOT)?.get(SHOT_TAKES) as Y.Array<Y.Map<unknown>>;
    list.get(0).set('hash', 'not-a-hash');
    const { snapshot, problems } = readProject(doc);
    expect(snapshot.shots[0]?.takes).toEqual([]);
    expect(problems[0]).toMatch(/take of shot/);
  });
});

describe('a clip on a shot', () => {
  const CLIP = 'e'.repeat(64) as AssetHash;
  const clip = (id: string): Take => ({ ...take(id, CLIP), kind: 'video', clipMs: 2000 });

  test('a clip take plays over the still, which stays the frame', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    addShotTake(doc, SHOT, clip('c1'), { makeCurrent: true });
    const shot = shotOf(doc);
    expect(shot.clipHash).toBe(CLIP);
    expect(shot.frameHash).toBe(TAKE_1);
    expect(shot.takes.map((t) => t.kind ?? 'image')).toEqual(['image', 'video']);
    expect(shot.takes[1]?.clipMs).toBe(2000);
  });

  test('picking the still back is one click and one undoable step', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, take('t1', TAKE_1), { makeCurrent: true });
    addShotTake(doc, SHOT, clip('c1'), { makeCurrent: true });
    const undo = new Y.UndoManager(rootsOf(doc).shots, { trackedOrigins: new Set([USER_ORIGIN]) });
    chooseShotTake(doc, SHOT, 't1');
    expect(shotOf(doc).clipHash).toBeNull();
    expect(shotOf(doc).frameHash).toBe(TAKE_1);
    undo.undo();
    expect(shotOf(doc).clipHash).toBe(CLIP);
    chooseShotTake(doc, SHOT, 'c1');
    stopShotClip(doc, SHOT);
    expect(shotOf(doc).clipHash).toBeNull();
    expect(shotOf(doc).takes).toHaveLength(2);
  });

  test('removing the playing clip take stops the clip; the clip counts as referenced', () => {
    const doc = newDoc();
    addShotTake(doc, SHOT, clip('c1'), { makeCurrent: true });
    expect(referencedAssetHashes(doc)).toContain(CLIP);
    removeShotTake(doc, SHOT, 'c1');
    expect(shotOf(doc).clipHash).toBeNull();
    expect(shotOf(doc).frameHash).toBe(SKETCH);
  });
});

describe('character bible', () => {
  test('older characters read with an empty bible', () => {
    const doc = newDoc();
    const record = rootsOf(doc).characters.get(ANNA)!;
    for (const key of ['look', 'wardrobe', 'sheetHash']) record.delete(key);
    expect(readProject(doc).snapshot.characters[0]).toMatchObject({
      look: '',
      wardrobe: '',
      sheetHash: null,
    });
  });

  test('filling from the script never overwrites what someone wrote', () => {
    const doc = newDoc();
    updateCharacter(doc, ANNA, { look: 'Tall, grey braid' });
    const filled = fillCharacterBible(doc, [
      { id: ANNA, look: 'Short', wardrobe: 'Nurse scrubs', description: 'A night nurse' },
    ]);
    expect(filled).toBe(2);
    expect(readProject(doc).snapshot.characters[0]).toMatchObject({
      look: 'Tall, grey braid',
      wardrobe: 'Nurse scrubs',
      description: 'A night nurse',
    });
  });
});
