import { afterEach, describe, expect, test } from 'vitest';
import { FakeWorker } from '../../tests/helpers/fakeWorker';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { SCREENPLAY_BUDGET } from './screenplayBudget';
import {
  ImportCancelledError,
  startProjectPlan,
  type ScreenplayWorkerHandle,
} from './screenplayClient';
import { planScreenplayDraft, planScreenplayProject, type ScreenplayStage } from './screenplayJob';
import type { ScreenplayWorkerApi } from './screenplayWorkerApi';

/** The real worker's handlers (workers/screenplay.worker.ts), behind a fake worker. */
const REAL: ScreenplayWorkerApi = {
  planProject: (source, budget, withSnapshot, onStage) =>
    planScreenplayProject(source, { budget, withSnapshot, onStage }),
  planDraft: (source, current, budget, onStage) =>
    planScreenplayDraft(source, current, { budget, onStage }),
};
const NEVER: ScreenplayWorkerApi = {
  planProject: () => new Promise(() => undefined),
  planDraft: () => new Promise(() => undefined),
};

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
});

function fakeWorker(api: ScreenplayWorkerApi) {
  const worker = new FakeWorker(api);
  workers.push(worker);
  return { worker, createWorker: () => worker as unknown as ScreenplayWorkerHandle };
}

const brick = () => ({
  bytes: new TextEncoder().encode(readScreenplay('brick_and_steel.fountain')),
  fileName: 'brick.fountain',
});

describe('screenplay jobs in a worker', () => {
  test('resolve with the planned project, report each stage and terminate the worker', async () => {
    const { worker, createWorker } = fakeWorker(REAL);
    const stages: ScreenplayStage[] = [];
    const job = startProjectPlan(brick(), false, {
      createWorker,
      onStage: (stage) => stages.push(stage),
    });
    const result = await job.promise;
    if (!result.ok) throw new Error(result.error);
    expect(result.title).toBe('BRICK & STEEL');
    expect(result.update.byteLength).toBeGreaterThan(0);
    expect(stages).toEqual(['reading', 'planning', 'preparing']);
    expect(worker.terminated).toBe(true);
  });

  test('the file moves to the worker instead of being copied', async () => {
    const { createWorker } = fakeWorker(REAL);
    const source = brick();
    const job = startProjectPlan(source, false, { createWorker });
    expect(source.bytes.byteLength).toBe(0); // detached: transferred
    expect((await job.promise).ok).toBe(true);
  });

  test('a refusal comes back in words, not as a failure', async () => {
    const { createWorker } = fakeWorker(REAL);
    const job = startProjectPlan(brick(), false, {
      createWorker,
      budget: { ...SCREENPLAY_BUDGET, maxScenes: 2 },
    });
    await expect(job.promise).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('“brick.fountain” has 8 scenes'),
    });
  });

  test('a job that outlives the time budget is stopped and refused, saying why', async () => {
    const { worker, createWorker } = fakeWorker(NEVER);
    const job = startProjectPlan(brick(), false, {
      createWorker,
      budget: { ...SCREENPLAY_BUDGET, timeMs: 30 },
    });
    await expect(job.promise).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(
        /^Reading “brick\.fountain” took longer than 0 s, so Frameline stopped\./,
      ),
    });
    expect(worker.terminated).toBe(true);
  });

  test('cancel stops the worker at once and rejects with ImportCancelledError', async () => {
    const { worker, createWorker } = fakeWorker(NEVER);
    const job = startProjectPlan(brick(), false, { createWorker });
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(ImportCancelledError);
    expect(worker.terminated).toBe(true);
  });

  test('a crashed worker fails the job with its message instead of hanging', async () => {
    const { worker, createWorker } = fakeWorker(NEVER);
    const job = startProjectPlan(brick(), false, { createWorker });
    worker.crash('out of memory');
    await expect(job.promise).rejects.toThrow('The screenplay reader stopped: out of memory');
    expect(worker.terminated).toBe(true);
  });
});
