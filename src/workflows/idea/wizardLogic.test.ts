import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { NO_USAGE } from '../../ai/providers/types';
import type { RouterProvider } from '../../ai/router/router';
import { DEFAULT_PRICES } from '../../ai/settings/pricing';
import { newProviderConfig } from '../../ai/settings/providerConfig';
import { openAiHarness, type AiHarness } from '../../ai/testKit';
import type { ProjectSnapshot } from '../../model/project';
import { MemoryRunStore } from '../../store/pipelineRuns';
import { PipelineEngine } from '../pipeline/engine';
import { RunController } from '../pipeline/runController';
import { firstPending, progressOf, remainingEstimate, stepAfter } from '../pipeline/stepViews';
import type { CallPlan, StepView } from '../pipeline/types';
import { ideaDepsFor, loadIdeaPricing, pricerOf } from './appDeps';
import {
  addBeat,
  boardsOf,
  boardText,
  breakdownCounts,
  handStart,
  moveBeat,
  removeBeat,
  setBeat,
  setEntry,
  setShotAction,
} from './editOutputs';
import type { Outline } from './outputs';
import { defaultParams } from './params';
import { ideaPipeline } from './steps';

const IDEA = 'A lighthouse keeper finds a message in a bottle.\nShe sails out to answer it.';
const SCRIPT = `Title: The Bottle

EXT. LIGHTHOUSE - DAWN

MARA picks a bottle from the surf.

MARA
Somebody out there.

EXT. SEA - DAY

Mara rows into the fog.
`;

const view = (id: string, status: StepView['status'], calls = 0, costUsd = 0): StepView => ({
  id,
  label: id,
  status,
  output: null,
  edited: false,
  progress: null,
  estimate: { calls, costUsd, providerLabel: 'x' },
  error: null,
  partial: '',
  provider: 'auto',
});

describe('step list', () => {
  const steps = [view('a', 'done'), view('b', 'stale', 1, 0.02), view('c', 'todo', 2, 0.03)];

  test('the next step is the first not done; progress counts done steps', () => {
    expect(firstPending(steps)?.id).toBe('b');
    expect(firstPending([view('a', 'done')])).toBeNull();
    expect(stepAfter(steps, 'b')?.id).toBe('c');
    expect(stepAfter(steps, 'c')).toBeNull();
    expect(progressOf(steps)).toEqual({ done: 1, total: 3, running: null });
  });

  test('what is left to pay adds up the steps not done', () => {
    const left = remainingEstimate(steps);
    expect(left.calls).toBe(3);
    expect(left.costUsd).toBeCloseTo(0.05);
    expect(left.steps).toBe(2);
  });
});

describe('hand edits', () => {
  const outline: Outline = {
    title: 'T',
    beats: [
      { title: 'One', summary: '1' },
      { title: 'Two', summary: '2' },
      { title: 'Three', summary: '3' },
    ],
  };
  const titles = (o: Outline) => o.beats.map((b) => b.title);

  test('beats are changed, moved, added and removed without touching the original', () => {
    expect(titles(moveBeat(outline, 2, -1))).toEqual(['One', 'Three', 'Two']);
    expect(titles(moveBeat(outline, 0, -1))).toEqual(['One', 'Two', 'Three']);
    expect(titles(removeBeat(outline, 1))).toEqual(['One', 'Three']);
    expect(titles(addBeat(outline, 0))).toEqual(['One', 'Beat 4', 'Two', 'Three']);
    expect(setBeat(outline, 1, { summary: 'new' }).beats[1]).toEqual({
      title: 'Two',
      summary: 'new',
    });
    expect(titles(outline)).toEqual(['One', 'Two', 'Three']);
    const single = { title: 'T', beats: [{ title: 'Only', summary: '' }] };
    expect(removeBeat(single, 0)).toBe(single);
  });

  test('a failed step written by hand starts from the offline rules', () => {
    const params = defaultParams(IDEA);
    const start = handStart('outline', params, {}) as Outline;
    expect(start.beats[0]?.summary).toMatch(/lighthouse keeper/);
    expect(handStart('script', params, { outline: start })).toMatch(/^Title: /);
    expect(handStart('script', params, {})).toBe('');
    const breakdown = { characters: [{ name: 'MARA' }] };
    expect(handStart('bible', params, { breakdown })).toEqual([
      { name: 'MARA', description: '', look: '', wardrobe: '' },
    ]);
    expect(handStart('plan', params, {})).toBeNull();
  });

  test('a bible card changes one entry', () => {
    const bible = [
      { name: 'A', description: '', look: '', wardrobe: '' },
      { name: 'B', description: '', look: '', wardrobe: '' },
    ];
    expect(setEntry(bible, 1, { wardrobe: 'coat' }).map((e) => e.wardrobe)).toEqual(['', 'coat']);
  });
});

describe('the plan as boards', () => {
  let snapshot: ProjectSnapshot;
  beforeAll(async () => {
    const made: ProjectSnapshot[] = [];
    const engine = await PipelineEngine.create(
      {
        store: new MemoryRunStore(),
        definition: ideaPipeline(offlineDeps(made)),
        price: pricerOf({ text: [], image: [], speech: [] }, DEFAULT_PRICES),
      },
      { id: 'r', title: 'x', params: defaultParams(IDEA) },
    );
    await engine.runAll({ until: 'script' });
    await engine.edit('script', SCRIPT);
    await engine.runAll({ until: 'plan' });
    snapshot = (await engine.view()).find((v) => v.id === 'plan')?.output as ProjectSnapshot;
  });

  test('scenes in order with their shots, each with the words its board shows', () => {
    const boards = boardsOf(snapshot);
    expect(boards.map((b) => b.scene.heading)).toEqual([
      'EXT. LIGHTHOUSE - DAWN',
      'EXT. SEA - DAY',
    ]);
    expect(boards.flatMap((b) => b.shots).length).toBe(snapshot.shots.length);
    expect(boards[1]?.shots.map(boardText)).toContain('Mara rows into the fog.');
    const counts = breakdownCounts(snapshot);
    expect(counts).toMatchObject({ scenes: 2, characters: 1, dialogueLines: 1 });
    expect(counts.shots).toBeGreaterThanOrEqual(2);
  });

  test('an edited board keeps every other shot as it was', () => {
    const first = snapshot.shots[0]!;
    const edited = setShotAction(snapshot, first.id, 'She lifts the bottle.');
    expect(edited.shots[0]?.action).toBe('She lifts the bottle.');
    expect(edited.shots.slice(1)).toEqual(snapshot.shots.slice(1));
    expect(snapshot.shots[0]?.action).not.toBe('She lifts the bottle.');
  });
});

function offlineDeps(made: ProjectSnapshot[]) {
  return {
    canWrite: async () => false,
    text: () => Promise.reject(new Error('no provider')),
    createProject: async (s: ProjectSnapshot) => {
      made.push(s);
      return `p${made.length}`;
    },
  };
}

describe('prices before a run', () => {
  const plan: CallPlan = {
    capability: 'text',
    calls: 2,
    usage: { ...NO_USAGE, inputTokens: 1_000_000, outputTokens: 1_000_000 },
  };
  const provider = (id: string, kind: 'openai' | 'openaiCompatible', model: string) =>
    ({
      id,
      label: id.toUpperCase(),
      adapter: { kind, modelFor: () => model },
    }) as unknown as RouterProvider;
  const chains = {
    text: [provider('oa', 'openai', 'gpt-4o-mini'), provider('local', 'openaiCompatible', 'm')],
    image: [],
    speech: [],
  };
  const price = pricerOf(chains, DEFAULT_PRICES);

  test('auto is priced at the first provider of the order, from the price table', () => {
    // gpt-4o-mini: $0.15 in + $0.60 out per million tokens, two calls.
    expect(price(plan, 'auto')).toEqual({ calls: 2, costUsd: 1.5, providerLabel: 'OA' });
    expect(price(plan, 'local')).toEqual({ calls: 2, costUsd: 0, providerLabel: 'LOCAL' });
  });

  test('offline, or auto with nothing set up, runs on this device for nothing', () => {
    expect(price(plan, 'offline')).toMatchObject({ calls: 0, costUsd: 0 });
    const none = pricerOf({ text: [], image: [], speech: [] }, DEFAULT_PRICES);
    expect(none(plan, 'auto')).toMatchObject({ calls: 0, costUsd: 0 });
    expect(price(plan, 'gone')).toMatchObject({ calls: 0, providerLabel: /removed/ });
  });
});

describe('the app’s text provider through the router', () => {
  let fake: FakeProviderServer;
  let h: AiHarness;
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
    await h.close();
  });

  test('with no provider: offline choices only, and the steps write nothing', async () => {
    const deps = ideaDepsFor(h.ai, async () => 'p');
    expect(await deps.canWrite('auto')).toBe(false);
    const pricing = await loadIdeaPricing(h.ai);
    expect(pricing.options.text?.map((o) => o.value)).toEqual(['auto', 'offline']);
  });

  test('a step set to a provider asks only it; its answer and cost come back', async () => {
    const config = {
      ...newProviderConfig('openaiCompatible'),
      label: 'Fake',
      baseUrl: fake.baseUrl('openai', 'ok', 'v1'),
      model: 'fake-model',
    };
    await h.ai.saveProvider(config, { set: 'sk-idea-test-0001' });
    const deps = ideaDepsFor(h.ai, async () => 'p', 'idea-run');
    expect(await deps.canWrite('auto')).toBe(true);
    expect(await deps.canWrite(config.id)).toBe(true);
    expect(await deps.canWrite('someone-else')).toBe(false);
    const texts: string[] = [];
    const answer = await deps.text(
      { system: '', prompt: 'Outline this', maxOutputTokens: 50 },
      config.id,
      {
        signal: new AbortController().signal,
        onText: (t) => texts.push(t),
        onCost: () => {},
        onProgress: () => {},
        paid: (_, work) => work(),
      },
    );
    expect(answer).toMatch(/Outline this/);
    expect(texts.at(-1)).toBe(answer);
    const pricing = await loadIdeaPricing(h.ai);
    expect(pricing.options.text?.map((o) => o.label)).toEqual([
      'Auto (Fake first)',
      'Offline',
      'Fake',
    ]);
    expect(await h.ai.log.forBatch('idea-run')).toHaveLength(1);
  });
});

/** Storage that takes a while to write, as IndexedDB can. */
class SlowStore extends MemoryRunStore {
  override async putStep(row: Parameters<MemoryRunStore['putStep']>[0]) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await super.putStep(row);
  }
}

describe('run controller', () => {
  test('next runs one step at a time; an edit makes later steps stale; errors are words', async () => {
    const made: ProjectSnapshot[] = [];
    const definition = ideaPipeline(offlineDeps(made));
    const engine = await PipelineEngine.create(
      {
        store: new SlowStore(),
        definition,
        price: pricerOf({ text: [], image: [], speech: [] }, DEFAULT_PRICES),
      },
      { id: 'r', title: 'x', params: defaultParams(IDEA) },
    );
    const c = new RunController(engine, definition);
    let published = 0;
    c.subscribe(() => published++);
    await c.refresh();
    expect(c.getSnapshot().steps.map((s) => s.status)).toEqual(Array(6).fill('todo'));
    await c.next();
    expect(c.getSnapshot().steps.map((s) => s.status)).toEqual(['done', ...Array(5).fill('todo')]);
    await c.next();
    await c.edit('script', SCRIPT);
    await c.runAll();
    expect(c.getSnapshot().state).toBe('done');
    expect(made).toHaveLength(1);
    const outline = c.getSnapshot().steps[0]?.output as Outline;
    await c.edit('outline', setBeat(outline, 0, { title: 'Changed' }));
    expect(c.getSnapshot().steps.map((s) => s.status)).toEqual(['done', ...Array(5).fill('stale')]);
    expect(c.getSnapshot().busy).toBe(false);
    // The person keeps their script: everything after it is done again, nothing re-run.
    await c.keep('script');
    expect(c.getSnapshot().steps.map((s) => s.status)).toEqual(Array(6).fill('done'));
    expect(c.getSnapshot().steps[1]?.output).toBe(SCRIPT);
    expect(made).toHaveLength(1);
    // An edit stored without waiting is in the store before the run queued after it.
    const more = `${SCRIPT}\nEXT. SHORE - NIGHT\n\nThe lamp turns.\n\nINT. LAMP ROOM - NIGHT\n\nShe waits.\n`;
    void c.edit('script', more);
    await c.runTo('breakdown');
    const breakdown = c.getSnapshot().steps[2]?.output as ProjectSnapshot;
    expect(breakdown.scenes).toHaveLength(4);
    await c.edit('nope', 1);
    expect(c.getSnapshot().error).toMatch(/Run the steps before/);
    expect(published).toBeGreaterThan(5);
    expect(c.capabilityOf('script')).toBe('text');
    expect(c.capabilityOf('plan')).toBe('none');
  });
});
