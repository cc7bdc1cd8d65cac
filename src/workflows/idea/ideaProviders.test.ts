import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { openAiHarness, type AiHarness } from '../../ai/testKit';
import { newProviderConfig } from '../../ai/settings/providerConfig';
import type { ProjectSnapshot } from '../../model/project';
import { MemoryRunStore } from '../../store/pipelineRuns';
import { PipelineEngine } from '../pipeline/engine';
import type { Pricer } from '../pipeline/types';
import { ideaDepsFor } from './appDeps';
import type { ProjectMade } from './outputs';
import { defaultParams, withFormat } from './params';
import { ideaPipeline } from './steps';

/**
 * The idea pipeline through the app's own AI service and router, against the fake provider:
 * answers stream into the step, a malformed outline is asked for once more, a stream cut in the
 * middle of the script fails the step (not sent again behind the person's back) and running on
 * resumes at that step; the fake's call log shows no answer paid for twice.
 */

const IDEA = 'A lighthouse keeper hears a ship in the storm.\nShe keeps the lamp lit all night.';
const price: Pricer = (plan) => ({ calls: plan.calls, costUsd: 0, providerLabel: 'Fake' });

let fake: FakeProviderServer;
let h: AiHarness;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  h = await openAiHarness();
});
afterEach(() => h.close());

test('streams, retries a malformed outline once, and resumes after a stream cut mid-script', async () => {
  await h.ai.saveProvider(
    { ...newProviderConfig('anthropic'), baseUrl: fake.baseUrl('anthropic') },
    { set: 'sk-ant-fake-1234567' },
  );
  fake.malformed('outline', 1);
  // Text requests: 1 the malformed outline, 2 the outline again, 3 the script — cut half way.
  fake.fail({ kind: 'text', nth: 3, cut: true });
  const made: ProjectSnapshot[] = [];
  // The app's own wiring (appDeps.ts), with projects kept here instead of in the repository.
  const deps = ideaDepsFor(h.ai, async (snapshot) => {
    made.push(snapshot);
    return `p${made.length}`;
  });
  const engine = await PipelineEngine.create(
    { store: new MemoryRunStore(), definition: ideaPipeline(deps), price },
    { id: 'run', title: 'Lamp', params: withFormat(defaultParams(IDEA), 'spot') },
  );
  const seen: string[] = [];
  engine.subscribe(() => {
    void engine.view().then((views) => {
      const partial = views.find((v) => v.id === 'script')?.partial;
      if (partial && partial !== seen.at(-1)) seen.push(partial);
    });
  });

  expect(await engine.runAll()).toBe('failed');
  const failed = (await engine.view()).find((v) => v.status === 'failed');
  expect(failed?.id).toBe('script');
  expect(failed?.error?.message).toMatch(/stopped half way.*did not send the request again/);
  expect(seen.length).toBeGreaterThan(2); // the script streamed in before the cut
  expect(seen[0]!.length).toBeLessThan(seen.at(-1)!.length);
  // What had arrived is shown with the error, not dropped (the view may lag a piece behind).
  expect(failed?.error?.raw?.startsWith(seen.at(-1)!)).toBe(true);
  expect(failed?.error?.raw).toMatch(/^Title: /);

  // Run on (the wizard's Retry or Resume): the outline is not asked again.
  expect(await engine.runAll()).toBe('done');
  const views = await engine.view();
  expect(views.every((v) => v.status === 'done')).toBe(true);
  expect(made).toHaveLength(1);
  expect(made[0]?.scenes).toHaveLength(2);
  expect(made[0]?.characters.map((c) => c.name).sort()).toEqual(['MARA', 'TOMAS']);
  expect(made[0]?.characters.find((c) => c.name === 'MARA')?.wardrobe).toMatch(/Oilskin/);
  expect((views.at(-1)?.output as ProjectMade).projectId).toBe('p1');

  const text = fake.calls().filter((c) => c.kind === 'text');
  expect(text.map((c) => `${c.status}:${c.finished}`)).toEqual([
    '200:true', // outline, malformed
    '200:true', // outline, asked again with the correction
    '200:false', // script, cut
    '200:true', // script, run on
    '200:true', // bible
  ]);
  const answered = text.filter((c) => c.finished).map((c) => c.bodySha256);
  expect(new Set(answered).size).toBe(answered.length);
});
