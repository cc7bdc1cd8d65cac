import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SCREENPLAY_BUDGET, type ScreenplayBudget } from '../export/screenplayBudget';
import { startProjectPlan } from '../export/screenplayClient';
import type { ScreenplaySource } from '../export/screenplayJob';
import { openDb, ProjectRepository, ProjectSession, type FramelineDb } from '../store';
import { runOk } from '../../tests/helpers/commands';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { inProcessScreenplayWorker } from '../../tests/helpers/inProcessWorkers';
import {
  importScreenplay,
  planDraft,
  type ImportProgress,
  type ScreenplayImportHost,
} from './importScreenplay';

/**
 * The screenplay import policy and re-import, end to end in Node: the real client, comlink and
 * job code, with the worker's handlers behind a MessageChannel instead of a thread.
 */

let db: FramelineDb;
let repo: ProjectRepository;
let open: ProjectSession | null;
let progress: (ImportProgress | null)[];
let n = 0;

const BRICK: ScreenplaySource = {
  text: readScreenplay('brick_and_steel.fountain'),
  fileName: 'brick_and_steel.fountain',
};

function host(budget: ScreenplayBudget = SCREENPLAY_BUDGET): ScreenplayImportHost {
  return {
    repo,
    activeSession: () => open,
    onProgress: (p) => progress.push(p),
    startJob: (source, withSnapshot, options) =>
      startProjectPlan(source, withSnapshot, {
        ...options,
        budget,
        createWorker: inProcessScreenplayWorker,
      }),
  };
}

async function projectCount(): Promise<number> {
  return (await repo.list()).length;
}

beforeEach(() => {
  db = openDb(`import-screenplay-${++n}`);
  repo = new ProjectRepository(db);
  open = null;
  progress = [];
});

afterEach(async () => {
  await open?.close();
  db.close();
});

describe('screenplay import policy', () => {
  test('with no project open, a screenplay becomes a new project with all its scenes', async () => {
    const outcome = await importScreenplay(BRICK, host());
    expect(outcome.kind).toBe('created');
    if (outcome.kind !== 'created') return;
    expect(outcome.summary.scenes).toBe(8); // Brick & Steel's published figure
    open = await ProjectSession.open(repo, outcome.id);
    expect(open.getState().snapshot.scenes).toHaveLength(8);
    expect(open.getState().snapshot.meta.title).toBe(outcome.summary.title);
    expect(progress.at(-1)).toBeNull(); // the progress dialog closes
    expect(progress[0]).toMatchObject({ fileName: 'brick_and_steel.fountain', stage: 'reading' });
  });

  test('an empty open project is filled and named after the script, as one undo step', async () => {
    open = await ProjectSession.open(repo, await repo.create({ title: 'Untitled project' }));
    const outcome = await importScreenplay(BRICK, host());
    expect(outcome.kind).toBe('filled');
    expect(await projectCount()).toBe(1);
    const { snapshot } = open.getState();
    expect(snapshot.scenes).toHaveLength(8);
    expect(snapshot.meta.title).not.toBe('Untitled project');
    open.undo();
    expect(open.getState().snapshot.scenes).toHaveLength(0);
    expect(open.getState().snapshot.meta.title).toBe('Untitled project');
  });

  test('an open project with boards, or a read-only one, is never touched', async () => {
    open = await ProjectSession.open(repo, await repo.create({ title: 'Mine' }));
    runOk(open, 'scene/addWithShot', { heading: 'INT. LAB - DAY' });
    expect((await importScreenplay(BRICK, host())).kind).toBe('created');
    expect(open.getState().snapshot.scenes).toHaveLength(1);

    const empty = await ProjectSession.open(repo, await repo.create({ title: 'Untitled 2' }));
    await empty.forceReadOnly('a newer Frameline is open');
    await open.close();
    open = empty;
    expect((await importScreenplay(BRICK, host())).kind).toBe('created');
    expect(empty.getState().snapshot.scenes).toHaveLength(0);
  });

  test('a script over the budget is refused in words and nothing is written', async () => {
    open = await ProjectSession.open(repo, await repo.create({ title: 'Untitled project' }));
    const outcome = await importScreenplay(BRICK, host({ ...SCREENPLAY_BUDGET, maxShots: 5 }));
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') expect(outcome.error).toMatch(/shots/);
    expect(open.getState().snapshot.scenes).toHaveLength(0);
    expect(await projectCount()).toBe(1);
  });

  test('cancelling while the script is read writes nothing', async () => {
    const cancelling: ScreenplayImportHost = {
      ...host(),
      onProgress: (p) => p?.cancel?.(),
    };
    expect(await importScreenplay(BRICK, cancelling)).toEqual({ kind: 'cancelled' });
    expect(await projectCount()).toBe(0);
  });
});

describe('re-import of a new draft', () => {
  test('the draft is planned against the boards, applied as one step and undone whole', async () => {
    const created = await importScreenplay(BRICK, host());
    if (created.kind !== 'created') throw new Error(created.kind);
    open = await ProjectSession.open(repo, created.id);
    const before = open.getState().snapshot;
    const draft = BRICK.text.replace(/\n[^\n]*\bINT\.[^\n]*\n/, '\nINT. NEW PLACE - NIGHT\n');
    const planned = await planDraft(
      { text: draft, fileName: 'draft2.fountain' },
      before,
      () => undefined,
      { createWorker: inProcessScreenplayWorker },
    );
    if (planned === 'cancelled' || !planned.ok) throw new Error('not planned');
    runOk(open, 'project/applyReimport', planned.plan);
    const after = open.getState().snapshot;
    expect(after.scenes.map((s) => s.heading)).toContain('INT. NEW PLACE - NIGHT');
    // Matched shots keep their identity: their frames and numbers are the team's work.
    const kept = after.shots.filter((s) => before.shots.some((b) => b.id === s.id));
    expect(kept.length).toBeGreaterThan(before.shots.length / 2);
    open.undo();
    expect(open.getState().snapshot.scenes.map((s) => s.heading)).toEqual(
      before.scenes.map((s) => s.heading),
    );
  });
});
