import { afterEach, describe, expect, test } from 'vitest';
import { aiTables, type AiDb } from './aiTables';
import { openDb } from './db';
import { GenerationQueueStore } from './generationQueue';

let db: AiDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

function store(): GenerationQueueStore {
  db = aiTables(openDb(`queue-${crypto.randomUUID()}`));
  return new GenerationQueueStore(db);
}

describe('generation queue store', () => {
  test('jobs come out in board order, batch by batch', async () => {
    const queue = store();
    await queue.addBatch({ id: 'b1', projectId: 'p', label: 'Scene 1' }, ['s1', 's2'], 1);
    await queue.addBatch({ id: 'b2', projectId: 'p', label: 'Scene 2' }, ['s3'], 2);
    expect((await queue.nextJob('p'))?.shotId).toBe('s1');
    await queue.updateJob('b1:0', { status: 'done' });
    expect((await queue.nextJob('p'))?.shotId).toBe('s2');
    expect((await queue.nextJob('p', new Set(['b1:1'])))?.shotId).toBe('s3');
  });

  test('a paused batch gives no jobs until it runs again', async () => {
    const queue = store();
    await queue.addBatch({ id: 'b1', projectId: 'p', label: 'All' }, ['s1']);
    await queue.setBatchState('b1', 'paused');
    expect(await queue.nextJob('p')).toBeNull();
    await queue.setBatchState('b1', 'running');
    expect((await queue.nextJob('p'))?.shotId).toBe('s1');
  });

  test('cancelling cancels what has not finished', async () => {
    const queue = store();
    await queue.addBatch({ id: 'b1', projectId: 'p', label: 'All' }, ['s1', 's2', 's3']);
    await queue.updateJob('b1:0', { status: 'done' });
    await queue.updateJob('b1:1', { status: 'running' });
    await queue.setBatchState('b1', 'cancelled');
    const { jobs } = await queue.view('p');
    expect(jobs.map((j) => j.status)).toEqual(['done', 'cancelled', 'cancelled']);
  });

  test('after a reload, interrupted jobs are queued again', async () => {
    const queue = store();
    await queue.addBatch({ id: 'b1', projectId: 'p', label: 'All' }, ['s1']);
    await queue.updateJob('b1:0', { status: 'running' });
    expect(await queue.requeueInterrupted('p')).toBe(1);
    expect((await queue.nextJob('p'))?.status).toBe('queued');
  });

  test('a batch is done once no job is open, and clearing removes it', async () => {
    const queue = store();
    await queue.addBatch({ id: 'b1', projectId: 'p', label: 'All' }, ['s1']);
    expect(await queue.finishBatchIfDone('b1')).toBe(false);
    await queue.updateJob('b1:0', { status: 'failed', error: 'no' });
    expect(await queue.finishBatchIfDone('b1')).toBe(true);
    await queue.clearFinished('p');
    expect(await queue.view('p')).toEqual({ batches: [], jobs: [] });
  });
});
