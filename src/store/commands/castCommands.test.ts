import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { runOk } from '../../../tests/helpers/commands';
import { SEED, seedBoard } from '../../../tests/helpers/boardSeed';
import type { ShotId } from '../../model/ids';
import { openDb, type FramelineDb } from '../db';
import { REMOTE_ORIGIN } from '../projectDoc';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';
import { documentOf } from '../sessionDocument';

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`cast-commands-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Cast' }));
  seedBoard(session);
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

const snapshot = () => session.getState().snapshot;
const names = () => snapshot().characters.map((c) => c.name);
const shot = (id: ShotId) => snapshot().shots.find((s) => s.id === id);
const speakers = () => snapshot().shots.flatMap((s) => s.dialogue.map((d) => d.speaker));
const steps = () => session.undoManager.undoStack.length;

function peer(): Y.Doc {
  const other = new Y.Doc();
  // Of two concurrent writes to one field, the higher client id wins: the peer gets the lowest,
  // so a command that rewrote fields it did not change would overwrite the peer's edit.
  other.clientID = 1;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(documentOf(session)));
  return other;
}

function exchange(other: Y.Doc): void {
  const doc = documentOf(session);
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
}

describe('adding a character', () => {
  test('names them as scripts print names, as one undo step', () => {
    const id = runOk(session, 'character/add', { name: '  old  man ' });
    expect(snapshot().characters.find((c) => c.id === id)?.name).toBe('OLD MAN');
    expect(steps()).toBe(1);
    session.undo();
    expect(names()).toEqual(['BRICK', 'STEEL']);
  });

  test('a name already in the cast is refused, whatever its case', () => {
    const result = session.run('character/add', { name: 'brick' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/already a character called BRICK/);
    expect(names()).toEqual(['BRICK', 'STEEL']);
  });

  test('a blank name is invalid input, named by its field', () => {
    for (const name of ['', '   ']) {
      const result = session.run('character/add', { name });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ failure: 'invalid', field: 'name' });
    }
  });
});

describe('renaming a character', () => {
  test('renames every line they speak, and undo renames them back', () => {
    runOk(session, 'character/rename', { characterId: SEED.brick, name: 'Brickman' });
    expect(names()).toEqual(['BRICKMAN', 'STEEL']);
    expect(speakers()).toEqual(['BRICKMAN', 'STEEL', 'BRICKMAN', 'STEEL', 'BRICKMAN']);
    expect(steps()).toBe(1);
    session.undo();
    expect(speakers()).toEqual(['BRICK', 'STEEL', 'BRICK', 'STEEL', 'BRICK']);
  });

  test("another character's name is refused; their own is no change", () => {
    const taken = session.run('character/rename', { characterId: SEED.brick, name: 'steel' });
    expect(taken.ok).toBe(false);
    runOk(session, 'character/rename', { characterId: SEED.brick, name: 'brick' });
    expect(steps()).toBe(0);
  });

  test('a line a collaborator adds to another shot meanwhile is kept', () => {
    const other = peer();
    other
      .getMap<Y.Map<unknown>>('shots')
      .get(SEED.shot2)
      ?.set('dialogue', [{ speaker: 'STEEL', line: 'Morning.', parenthetical: '' }]);
    runOk(session, 'character/rename', { characterId: SEED.brick, name: 'BRICKMAN' });
    exchange(other);
    expect(shot(SEED.shot2)?.dialogue.map((d) => d.line)).toEqual(['Morning.']);
    expect(shot(SEED.shot2A)?.dialogue[0]?.speaker).toBe('BRICKMAN');
  });
});

describe('merging characters', () => {
  test("X's shots and lines become Y's, Y's empty bible fields take X's, and X is gone", () => {
    runOk(session, 'character/merge', { characterId: SEED.steel, intoId: SEED.brick });
    expect(names()).toEqual(['BRICK']);
    expect(speakers().every((s) => s === 'BRICK')).toBe(true);
    expect(shot(SEED.shot1A)?.characterIds).toEqual([SEED.brick]);
    expect(shot(SEED.shot1B)?.characterIds).toEqual([SEED.brick]);
    const brick = snapshot().characters[0];
    expect(brick).toMatchObject({ look: 'broad shoulders', wardrobe: 'grey coat' });
  });

  test('one undo brings both characters and every shot back', () => {
    const before = snapshot();
    runOk(session, 'character/merge', { characterId: SEED.steel, intoId: SEED.brick });
    expect(steps()).toBe(1);
    session.undo();
    expect(snapshot()).toEqual(before);
  });

  test('rewrites only the shots that name X: edits to the others made meanwhile survive', () => {
    const other = peer();
    const shots = other.getMap<Y.Map<unknown>>('shots');
    shots.get(SEED.shot2)?.set('characterIds', [SEED.brick, 'someone-new']);
    shots.get(SEED.shot1A)?.set('action', 'They circle each other.');
    runOk(session, 'character/merge', { characterId: SEED.steel, intoId: SEED.brick });
    exchange(other);
    expect(shot(SEED.shot2)?.characterIds).toEqual([SEED.brick, 'someone-new']);
    expect(shot(SEED.shot1A)?.action).toBe('They circle each other.');
    expect(shot(SEED.shot1A)?.characterIds).toEqual([SEED.brick]);
  });

  test('a character cannot be merged into itself or into one that is gone', () => {
    const self = session.run('character/merge', { characterId: SEED.brick, intoId: SEED.brick });
    expect(self.ok).toBe(false);
    const gone = session.run('character/merge', {
      characterId: SEED.brick,
      intoId: 'nobody' as never,
    });
    expect(gone.ok).toBe(false);
    expect(names()).toEqual(['BRICK', 'STEEL']);
  });
});

describe('every cast command', () => {
  const commands = [
    ['character/add', { name: 'MOM' }],
    ['character/rename', { characterId: SEED.brick, name: 'BRICKMAN' }],
    ['character/merge', { characterId: SEED.steel, intoId: SEED.brick }],
  ] as const;

  test.each(commands)('%s is refused on a read-only project', async (name, input) => {
    const before = snapshot();
    await session.forceReadOnly('a version is being previewed');
    const result = session.run(name, input as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.failure).toBe('read-only');
    expect(snapshot()).toEqual(before);
  });

  test.each(commands)('%s is its own undo step, even right after typing', (name, input) => {
    session.run('character/update', { characterId: SEED.brick, patch: { description: 'x' } });
    session.run(name, input as never);
    expect(steps()).toBe(2);
  });
});
