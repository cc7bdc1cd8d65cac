import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ShotId } from '../../model/ids';
import { ms } from '../../model/units';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';
import { documentOf } from '../sessionDocument';
import type { CommandError } from './commandError';
import { UNDO_MERGE_MS } from './commandRunner';

let db: FramelineDb;
let repo: ProjectRepository;
let session: ProjectSession;
let failures: CommandError[];
let n = 0;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`commands-test-${++n}`);
  repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Commands' }));
  failures = [];
  session.onCommandFailed((error) => failures.push(error));
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

const shots = () => session.getState().snapshot.shots;

function addShot(): ShotId {
  const result = session.run('scene/addWithShot', { heading: 'INT. KITCHEN - NIGHT' });
  if (!result.ok || result.value === null) throw new Error('no shot');
  return result.value;
}

function undoSteps(): number {
  return session.undoManager.undoStack.length;
}

describe('commands', () => {
  test('a command changes the project and returns its result', () => {
    const shotId = addShot();
    const result = session.run('shot/update', { shotId, patch: { notes: 'Rain on glass' } });
    expect(result.ok).toBe(true);
    expect(shots()[0]).toMatchObject({ id: shotId, notes: 'Rain on glass' });
  });

  test('invalid input is refused with the field and why, and nothing is written', () => {
    const shotId = addShot();
    const before = session.getState().snapshot;
    const updates = vi.fn();
    documentOf(session).on('update', updates);
    const result = session.run('shot/update', { shotId, patch: { durationMs: ms(5) } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.failure).toBe('invalid');
    expect(result.error.field).toBe('patch.durationMs');
    expect(result.error.message).toMatch(/patch\.durationMs: .*100/);
    expect(updates).not.toHaveBeenCalled();
    expect(session.getState().snapshot).toBe(before);
    expect(failures.map((f) => f.command)).toEqual(['shot/update']);
  });

  test('unknown fields are refused, not silently written', () => {
    const shotId = addShot();
    const patch = { frameHash: 'f'.repeat(64) } as never;
    const result = session.run('shot/update', { shotId, patch });
    expect(result.ok).toBe(false);
    expect(shots()[0]?.frameHash).toBeNull();
  });

  test('a read-only session refuses every edit with its reason and stops writing', async () => {
    const shotId = addShot();
    await session.flush();
    const rowsBefore = await db.docUpdates.count();
    await session.forceReadOnly('a newer Frameline is open in another tab');
    const result = session.run('shot/update', { shotId, patch: { notes: 'late' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.failure).toBe('read-only');
      expect(result.error.message).toContain('a newer Frameline is open in another tab');
    }
    expect(shots()[0]?.notes).toBe('');
    // Even a change that does reach the document (a peer's, say) is not written by this tab.
    documentOf(session).getMap('meta').set('title', 'from a peer');
    await session.flush();
    expect(await db.docUpdates.count()).toBe(rowsBefore);
  });

  test('typing in one field is one undo step; another field or a pause starts a new one', () => {
    const shotId = addShot();
    const start = undoSteps();
    for (const text of ['R', 'Ra', 'Rai', 'Rain']) {
      session.run('shot/update', { shotId, patch: { action: text } });
      vi.advanceTimersByTime(100);
    }
    expect(undoSteps()).toBe(start + 1);
    session.run('shot/update', { shotId, patch: { notes: 'n' } });
    expect(undoSteps()).toBe(start + 2);
    vi.advanceTimersByTime(UNDO_MERGE_MS + 1);
    session.run('shot/update', { shotId, patch: { notes: 'no' } });
    expect(undoSteps()).toBe(start + 3);
    session.undo();
    expect(shots()[0]?.notes).toBe('n');
    session.undo();
    session.undo();
    expect(shots()[0]?.action).toBe('');
  });

  test('discrete edits are one step each, even in quick succession', () => {
    const shotId = addShot();
    const start = undoSteps();
    session.run('shot/update', { shotId, patch: { shotType: 'CU' } });
    session.run('shot/update', { shotId, patch: { shotType: 'ECU' } });
    expect(undoSteps()).toBe(start + 2);
  });

  test('a gesture (a drag) is one undo step however long it lasts', () => {
    const shotId = addShot();
    const start = undoSteps();
    const drag = session.beginGesture();
    for (let i = 1; i <= 5; i++) {
      session.run('shot/update', { shotId, patch: { durationMs: ms(1000 + i * 100) } });
      vi.advanceTimersByTime(UNDO_MERGE_MS * 2);
    }
    drag.end();
    session.run('shot/update', { shotId, patch: { durationMs: ms(4000) } });
    expect(undoSteps()).toBe(start + 2);
    session.undo();
    expect(shots()[0]?.durationMs).toBe(1500);
    session.undo();
    expect(shots()[0]?.durationMs).toBe(3000);
  });

  test("the app's own changes are never on the person's undo stack", () => {
    const shotId = addShot();
    const start = undoSteps();
    const result = session.run('frame/set', {
      shotId,
      frame: { hash: 'a'.repeat(64) as never, source: 'sketch', signature: 's' },
    });
    expect(result.ok).toBe(true);
    expect(undoSteps()).toBe(start);
    expect(shots()[0]?.frameHash).toBe('a'.repeat(64));
  });
});
