import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { newProviderConfig } from '../settings/providerConfig';
import { openAiHarness, type AiHarness } from '../testKit';
import { generateFrame } from './generateFrame';
import { QueueRunner } from './queueRunner';

let fake: FakeProviderServer;
let h: AiHarness;
const runners: QueueRunner[] = [];

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  h = await openAiHarness();
});
afterEach(async () => {
  for (const runner of runners.splice(0)) runner.stop();
  await h.close();
});

async function useProvider(scenario: string) {
  await h.ai.saveProvider(
    {
      ...newProviderConfig('openaiCompatible'),
      label: scenario,
      baseUrl: fake.baseUrl('openai', scenario, 'v1'),
      model: 'm',
    },
    'keep',
  );
}

function runner(): QueueRunner {
  const made = new QueueRunner({
    store: h.ai.queue,
    projectId: h.session.id,
    canWrite: () => !h.session.readOnly,
    generate: async (shotId, signal, batchId) =>
      generateFrame(
        { session: h.session, router: h.ai.router, assets: h.assets },
        shotId as never,
        { signal, batchId },
      ),
  });
  runners.push(made);
  return made;
}

const shotIds = () => h.session.getState().snapshot.shots.map((s) => s.id);
const view = () => h.ai.queue.view(h.session.id);

describe('frame queue', () => {
  test('a batch gives every shot a take and adds up its cost', async () => {
    await useProvider('ok');
    await h.ai.setPrices([
      {
        kind: 'openaiCompatible',
        model: '*',
        inputPerMTokUsd: 0,
        outputPerMTokUsd: 0,
        perImageUsd: 0.05,
        perKCharsUsd: 0,
        perVideoSecondUsd: 0,
      },
    ]);
    const queue = runner();
    await queue.start();
    const batchId = await queue.enqueue('Whole project', shotIds());
    await queue.idle();
    const { batches, jobs } = await view();
    expect(batches[0]).toMatchObject({ id: batchId, state: 'done' });
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
    expect(jobs.reduce((sum, j) => sum + j.costUsd, 0)).toBeCloseTo(0.15);
    expect(
      h.session
        .getState()
        .snapshot.shots.every((s) => s.takes.length === 1 && s.frameSource === 'ai'),
    ).toBe(true);
    const logged = await h.ai.log.forBatch(batchId);
    expect(logged).toHaveLength(3);
  });

  test('a paused batch waits, and carries on when resumed', async () => {
    await useProvider('slow-100');
    const queue = runner();
    await queue.start();
    const batchId = await queue.enqueue('Scene 1', shotIds());
    await queue.pause(batchId);
    await queue.idle();
    const paused = (await view()).jobs.filter((j) => j.status === 'queued').length;
    expect(paused).toBeGreaterThan(0);
    await queue.resume(batchId);
    await queue.idle();
    expect((await view()).jobs.every((j) => j.status === 'done')).toBe(true);
  });

  test('cancelling stops the running frames and the rest', async () => {
    await useProvider('hang');
    const queue = runner();
    await queue.start();
    const batchId = await queue.enqueue('Whole project', shotIds());
    await new Promise((r) => setTimeout(r, 100));
    await queue.cancel(batchId);
    await queue.idle();
    const { batches, jobs } = await view();
    expect(batches[0]?.state).toBe('cancelled');
    expect(jobs.every((j) => j.status === 'cancelled')).toBe(true);
    expect(h.session.getState().snapshot.shots.every((s) => s.takes.length === 0)).toBe(true);
  });

  test('a queue interrupted by a reload carries on in the next page', async () => {
    await useProvider('hang');
    const first = runner();
    await first.start();
    await first.enqueue('Whole project', shotIds());
    await new Promise((r) => setTimeout(r, 100));
    first.stop(); // the tab closes mid-batch
    await new Promise((r) => setTimeout(r, 50));
    expect((await view()).jobs.some((j) => j.status === 'done')).toBe(false);

    const { providers } = await h.ai.settings();
    await h.ai.removeProvider(providers[0]!.id);
    await useProvider('ok');
    const second = runner();
    await second.start();
    await second.idle();
    expect((await view()).jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
  });
});
