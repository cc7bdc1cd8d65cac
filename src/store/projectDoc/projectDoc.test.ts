import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createCharacter } from '../../model/character';
import { newId, type CharacterId, type SceneId, type ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { ms } from '../../model/units';
import { USER_ORIGIN } from './layout';
import {
  addScene,
  applyReimport,
  deleteShot,
  insertShot,
  moveShot,
  readProject,
  renumberSceneShots,
  rootsOf,
  schemaStatus,
  updateShot,
  writeSnapshot,
} from '.';

function sampleSnapshot(): ProjectSnapshot {
  const s1 = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. KITCHEN - NIGHT' });
  const s2 = createScene({ id: 's2' as SceneId, number: '2', heading: 'EXT. ROOF - DAY' });
  const anna = createCharacter({ id: 'c1' as CharacterId, name: 'ANNA' });
  const shot = (id: string, sceneId: SceneId, number: string) =>
    createShot({ id: id as ShotId, sceneId, number, durationMs: ms(2000) });
  return {
    meta: createProjectMeta('Night Shift'),
    scenes: [s1, s2],
    shots: [
      {
        ...shot('a', s1.id, '1'),
        shotType: 'WS',
        dialogue: [{ speaker: 'ANNA', line: 'Hello.', parenthetical: 'quietly' }],
        characterIds: [anna.id],
      },
      shot('b', s1.id, '1A'),
      shot('c', s2.id, '2'),
    ],
    characters: [anna],
  };
}

function docWith(snapshot: ProjectSnapshot): Y.Doc {
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  return doc;
}

function numbers(doc: Y.Doc): string[] {
  return readProject(doc).snapshot.shots.map((s) => s.number);
}

describe('project document mapping', () => {
  test('a snapshot written into a doc reads back identical', () => {
    const snapshot = sampleSnapshot();
    const result = readProject(docWith(snapshot));
    expect(result.problems).toEqual([]);
    expect(result.snapshot).toEqual(snapshot);
  });

  test('the doc survives an encode/decode round trip (what persistence and peers see)', () => {
    const doc = docWith(sampleSnapshot());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readProject(copy).snapshot).toEqual(readProject(doc).snapshot);
  });

  test('the doc carries its schema version', () => {
    const doc = new Y.Doc();
    expect(schemaStatus(doc)).toBe('empty');
    writeSnapshot(doc, sampleSnapshot());
    expect(schemaStatus(doc)).toBe('current');
    rootsOf(doc).meta.set('schemaVersion', 999);
    expect(schemaStatus(doc)).toBe('newer');
    rootsOf(doc).meta.set('schemaVersion', 0);
    expect(schemaStatus(doc)).toBe('older');
  });

  test('a damaged shot record is left out and reported; the rest still reads', () => {
    const doc = docWith(sampleSnapshot());
    rootsOf(doc).shots.get('b')?.set('shotType', 'NOT_A_TYPE');
    const result = readProject(doc);
    expect(result.snapshot.shots.map((s) => s.id)).toEqual(['a', 'c']);
    expect(result.problems[0]).toMatch(/shot b/);
  });

  test('a shot listed twice in an order (concurrent moves) shows once', () => {
    const doc = docWith(sampleSnapshot());
    const order = rootsOf(doc).scenes.get('s1')?.get('shotOrder') as Y.Array<string>;
    order.push(['a']);
    expect(readProject(doc).snapshot.shots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  test('a shot missing from every order is still shown in its scene', () => {
    const doc = docWith(sampleSnapshot());
    const order = rootsOf(doc).scenes.get('s1')?.get('shotOrder') as Y.Array<string>;
    order.delete(0, 1);
    expect(readProject(doc).snapshot.shots.map((s) => s.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('project operations', () => {
  test('editing a field changes only that field and clamps durations', () => {
    const doc = docWith(sampleSnapshot());
    updateShot(doc, 'b' as ShotId, { durationMs: ms(5), notes: 'handheld feel' });
    const b = readProject(doc).snapshot.shots[1];
    expect(b?.durationMs).toBe(100);
    expect(b?.notes).toBe('handheld feel');
    expect(b?.number).toBe('1A');
  });

  test('inserting mid-scene keeps every existing number', () => {
    const doc = docWith(sampleSnapshot());
    insertShot(doc, 's1' as SceneId, 1);
    expect(numbers(doc)).toEqual(['1', '1.1', '1A', '2']);
    insertShot(doc, 's1' as SceneId, 99);
    expect(numbers(doc)).toEqual(['1', '1.1', '1A', '1B', '2']);
    renumberSceneShots(doc, 's1' as SceneId);
    expect(numbers(doc)).toEqual(['1', '1A', '1B', '1C', '2']);
  });

  test('reordering within a scene keeps numbers; moving to another scene renumbers there', () => {
    const doc = docWith(sampleSnapshot());
    moveShot(doc, 'b' as ShotId, 's1' as SceneId, 0);
    expect(readProject(doc).snapshot.shots.map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(numbers(doc)).toEqual(['1A', '1', '2']);
    moveShot(doc, 'a' as ShotId, 's2' as SceneId, 1);
    const shots = readProject(doc).snapshot.shots;
    expect(shots.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(shots[2]?.sceneId).toBe('s2');
    expect(shots[2]?.number).toBe('2A');
  });

  test('deleting a shot removes it from its scene', () => {
    const doc = docWith(sampleSnapshot());
    deleteShot(doc, 'a' as ShotId);
    expect(readProject(doc).snapshot.shots.map((s) => s.id)).toEqual(['b', 'c']);
  });

  test('a new scene is numbered after the last and starts empty', () => {
    const doc = docWith(sampleSnapshot());
    const id = addScene(doc, 'EXT. STREET - DUSK');
    const scene = readProject(doc).snapshot.scenes.find((s) => s.id === id);
    expect(scene).toMatchObject({
      number: '3',
      location: 'STREET',
      timeOfDay: 'DUSK',
      intExt: 'EXT',
    });
  });

  test('two peers editing different fields of one shot both keep their edit', () => {
    const a = docWith(sampleSnapshot());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateShot(a, 'a' as ShotId, { notes: 'from A' });
    updateShot(b, 'a' as ShotId, { durationMs: ms(4321) });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const shotA = readProject(a).snapshot.shots[0];
    expect(shotA).toMatchObject({ notes: 'from A', durationMs: 4321 });
    expect(readProject(b).snapshot).toEqual(readProject(a).snapshot);
  });

  test('ids from newId are unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId<ShotId>()));
    expect(ids.size).toBe(1000);
  });
});

describe('applying a re-import', () => {
  test('the new draft lands as one undo step that restores the old boards exactly', async () => {
    const { breakdownScript } = await import('../../plan/breakdown');
    const { planReimport } = await import('../../plan/reimport');
    const { parseScript } = await import('../../script');
    const v1 =
      'INT. KITCHEN - NIGHT\n\nAnna waits.\n\nANNA\nHe is late.\n\nEXT. ROOF - NIGHT\n\nBen smokes.\n';
    const v2 =
      'INT. KITCHEN - NIGHT\n\nAnna waits.\n\nANNA\nHe is very late.\n\nINT. HALL - NIGHT\n\nA door slams.\n';
    const doc = docWith({ meta: createProjectMeta('Draft'), ...breakdownScript(parseScript(v1)) });
    const before = readProject(doc).snapshot;
    const undo = new Y.UndoManager([...Object.values(rootsOf(doc))], {
      trackedOrigins: new Set([USER_ORIGIN]),
    });
    const plan = planReimport(before, breakdownScript(parseScript(v2)));
    applyReimport(doc, plan);
    const after = readProject(doc).snapshot;
    expect(after.scenes.map((s) => s.heading)).toEqual([
      'INT. KITCHEN - NIGHT',
      'INT. HALL - NIGHT',
    ]);
    expect(after.shots.map((s) => s.id)).toEqual(plan.shots.map((s) => s.id));
    expect(after.shots.find((s) => s.dialogue.length)?.dialogue[0]?.line).toBe('He is very late.');
    undo.undo();
    expect(readProject(doc).snapshot).toEqual(before);
  });
});
