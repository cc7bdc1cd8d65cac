import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { NO_USAGE } from '../../ai/providers/types';
import { DexieRunStore, MemoryRunStore, type RunStore } from '../../store/pipelineRuns';
import { openDb } from '../../store/db';
import { PipelineEngine, type EngineDeps } from './engine';
import { inputHash } from './hash';
import { interruptedLines } from './interrupted';
import { askStructured, StructuredOutputError } from './structured';
import type { PipelineDefinition, PipelineStep, Pricer } from './types';

interface Params {
  readonly idea: string;
}

/** Three steps: a (reads the idea, 1 text call), b (after a), c (after b, runs locally). */
function definition(calls: string[], fail: { b?: number } = {}): PipelineDefinition<Params> {
  const step = (
    id: string,
    after: string[],
    make: (up: Record<string, unknown>, p: Params) => unknown,
  ): PipelineStep<Params> => ({
    id,
    label: id.toUpperCase(),
    after,
    version: 1,
    capability: id === 'c' ? 'none' : 'text',
    reads: (p) => (id === 'a' ? p.idea : null),
    plan: () =>
      id === 'c'
        ? []
        : [{ capability: 'text', calls: 1, usage: { ...NO_USAGE, outputTokens: 1000 } }],
    run: async (input, ctx) => {
      calls.push(id);
      if (id === 'b' && fail.b && fail.b-- > 0) throw new Error('provider down');
      ctx.onText(`${id}…`);
      ctx.onCost(0.01);
      return make(input.upstream, input.params);
    },
  });
  return {
    id: 'test',
    steps: [
      step('a', [], (_, p) => `A(${p.idea})`),
      step('b', ['a'], (up) => `B(${String(up.a)})`),
      step('c', ['b'], (up) => `C(${String(up.b)})`),
    ],
  };
}

const price: Pricer = (plan, choice) => ({
  calls: plan.calls,
  costUsd: choice === 'offline' ? 0 : (plan.usage.outputTokens / 1e6) * 2 * plan.calls,
  providerLabel: choice === 'offline' ? 'Offline' : 'Fake',
});

function deps(
  calls: string[],
  store: RunStore = new MemoryRunStore(),
  fail = {},
): EngineDeps<Params> {
  return { store, definition: definition(calls, fail), price };
}

const outputs = async (e: PipelineEngine<Params>) => (await e.view()).map((v) => v.output);
const statuses = async (e: PipelineEngine<Params>) => (await e.view()).map((v) => v.status);

describe('pipeline engine', () => {
  test('the input hash is SHA-256 of canonical JSON: key order does not matter, values do', async () => {
    expect(await inputHash({ a: 1, b: [2] })).toBe(await inputHash({ b: [2], a: 1 }));
    expect(await inputHash({ a: 1 })).not.toBe(await inputHash({ a: 2 }));
    // SHA-256 of the two bytes `""` (the canonical JSON of an empty string).
    expect(await inputHash('')).toBe(
      '12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126',
    );
  });

  test('runs every step in order and estimates before running', async () => {
    const calls: string[] = [];
    const e = await PipelineEngine.create(deps(calls), {
      id: 'r1',
      title: 't',
      params: { idea: 'x' },
    });
    const before = await e.view();
    expect(before.map((v) => v.status)).toEqual(['todo', 'todo', 'todo']);
    expect(before.map((v) => v.estimate.calls)).toEqual([1, 1, 0]);
    expect(before[0]?.estimate.costUsd).toBeCloseTo(0.002);
    expect(await e.runAll()).toBe('done');
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(await outputs(e)).toEqual(['A(x)', 'B(A(x))', 'C(B(A(x)))']);
    expect((await e.view()).every((v) => v.estimate.costUsd === 0)).toBe(true);
  });

  test('a provider failure mid-run stops there; resuming redoes only what is missing', async () => {
    const calls: string[] = [];
    const store = new MemoryRunStore();
    const e = await PipelineEngine.create(deps(calls, store, { b: 1 }), {
      id: 'r1',
      title: 't',
      params: { idea: 'x' },
    });
    expect(await e.runAll()).toBe('failed');
    const failed = await e.view();
    expect(failed.map((v) => v.status)).toEqual(['done', 'failed', 'todo']);
    expect(failed[1]?.error?.message).toBe('provider down');
    expect(await e.runAll()).toBe('done');
    expect(calls).toEqual(['a', 'b', 'b', 'c']);
  });

  test('a run keeps the pipeline it follows; it is changed only before any step has run', async () => {
    const calls: string[] = [];
    const store = new DexieRunStore(openDb(`pipeline-${Math.random()}`));
    const e = await PipelineEngine.create(deps(calls, store), {
      id: 'r1',
      title: 't',
      params: { idea: 'x' },
      template: { name: 'Mine' },
    });
    await e.setTemplate({ name: 'Other' }, { a: 'offline' });
    const reopened = await PipelineEngine.open(deps(calls, store), 'r1');
    expect(reopened?.template).toEqual({ name: 'Other' });
    expect(reopened?.providerOf('a')).toBe('offline');
    await reopened!.setTemplate(null, {});
    expect((await store.getRun('r1'))?.template).toBeUndefined();
    await reopened!.runAll({ until: 'a' });
    await expect(reopened!.setTemplate({ name: 'Late' }, {})).rejects.toThrow(
      /before the first one runs/,
    );
  });

  test('a paid call the page closed on is told of, and recognised when asked again', async () => {
    const store = new DexieRunStore(openDb(`pipeline-${Math.random()}`));
    const have = new Set<string>();
    const asked: string[] = [];
    let hang = true;
    const framesDef: PipelineDefinition<Params> = {
      id: 'test',
      steps: [
        {
          id: 'frames',
          label: 'Frames',
          after: [],
          version: 1,
          capability: 'image',
          reads: () => null,
          plan: () => [],
          run: async (_, ctx) => {
            for (const shot of ['s1', 's2', 's3'].filter((k) => !have.has(k)))
              await ctx.paid({ key: shot, what: 'frame' }, async () => {
                asked.push(shot);
                // The page "closes" during s2's call: it never answers in this engine.
                if (shot === 's2' && hang) await new Promise(() => undefined);
                have.add(shot);
              });
            return 'boards';
          },
        },
      ],
    };
    const first = await PipelineEngine.create(
      { store, definition: framesDef, price },
      { id: 'r1', title: 't', params: { idea: 'x' } },
    );
    void first.runAll();
    await expect.poll(() => asked).toEqual(['s1', 's2']);
    // A new engine over the same store, as after a reload while s2 was on its way.
    hang = false;
    const again = await PipelineEngine.open({ store, definition: framesDef, price }, 'r1');
    expect(interruptedLines(again!.interrupted)).toEqual([
      '1 frame was being made when the page closed: no answer came, so it is asked again (and paid for again) when the run goes on.',
    ]);
    expect(await again!.runAll()).toBe('done');
    expect(asked).toEqual(['s1', 's2', 's2', 's3']);
    expect(interruptedLines(again!.interrupted)).toEqual([
      '1 frame was being made when the page closed; it was asked again.',
    ]);
    // Nothing is under way any more; a clean reopen finds nothing new to tell.
    expect((await store.getRun('r1'))?.inFlight).toEqual([]);
    const third = await PipelineEngine.open({ store, definition: framesDef, price }, 'r1');
    expect(third!.interrupted).toHaveLength(1);
  });

  test('calls whose answers had been kept are told so; lines are grouped and counted', () => {
    const call = { stepId: 'frames', key: 'a', what: 'frame' as const };
    expect(
      interruptedLines([
        { ...call, outcome: 'kept' },
        { ...call, key: 'b', what: 'spoken line', outcome: 'asked' },
        { ...call, key: 'c', what: 'spoken line', outcome: 'asked' },
      ]),
    ).toEqual([
      '1 frame was being made when the page closed; its answer had been kept, so it was not asked again.',
      '2 spoken lines were being made when the page closed; they were asked again.',
    ]);
  });

  test('a reload resumes from the store: nothing is asked twice', async () => {
    const calls: string[] = [];
    const store = new DexieRunStore(openDb(`pipeline-${Math.random()}`));
    const first = await PipelineEngine.create(deps(calls, store), {
      id: 'r1',
      title: 't',
      params: { idea: 'x' },
    });
    await first.runAll({ until: 'b' });
    expect(calls).toEqual(['a', 'b']);
    // A new engine over the same store, as after a reload.
    const again = await PipelineEngine.open(deps(calls, store), 'r1');
    expect(again).not.toBeNull();
    expect(await statuses(again!)).toEqual(['done', 'done', 'todo']);
    expect(await again!.runAll()).toBe('done');
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  test('a run left running by a closed page opens paused', async () => {
    const store = new MemoryRunStore();
    const e = await PipelineEngine.create(deps([], store), {
      id: 'r',
      title: 't',
      params: { idea: 'x' },
    });
    await store.putRun({ ...(await store.getRun('r'))!, state: 'running' });
    expect((await PipelineEngine.open(deps([], store), e.id))?.state).toBe('paused');
  });

  test('editing a step by hand marks later steps stale; rerunning them uses the edit', async () => {
    const calls: string[] = [];
    const e = await PipelineEngine.create(deps(calls), {
      id: 'r',
      title: 't',
      params: { idea: 'x' },
    });
    await e.runAll();
    await e.edit('a', 'mine');
    const view = await e.view();
    expect(view.map((v) => v.status)).toEqual(['done', 'stale', 'stale']);
    expect(view[0]?.edited).toBe(true);
    expect(view[1]?.estimate.calls).toBe(1);
    await e.runAll();
    expect(await outputs(e)).toEqual(['mine', 'B(mine)', 'C(B(mine))']);
    expect(calls).toEqual(['a', 'b', 'c', 'b', 'c']);
  });

  test('changing parameters back finds the earlier results (cache by input hash)', async () => {
    const calls: string[] = [];
    const e = await PipelineEngine.create(deps(calls), {
      id: 'r',
      title: 't',
      params: { idea: 'x' },
    });
    await e.runAll();
    await e.setParams({ idea: 'y' });
    expect(await statuses(e)).toEqual(['stale', 'stale', 'stale']);
    await e.runAll();
    await e.setParams({ idea: 'x' });
    await e.runAll();
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(await outputs(e)).toEqual(['A(x)', 'B(A(x))', 'C(B(A(x)))']);
  });

  test('a different provider choice is a different input; regenerate asks again', async () => {
    const calls: string[] = [];
    const e = await PipelineEngine.create(deps(calls), {
      id: 'r',
      title: 't',
      params: { idea: 'x' },
    });
    await e.runAll();
    await e.setProvider('a', 'offline');
    expect(await statuses(e)).toEqual(['stale', 'stale', 'stale']);
    expect((await e.view())[0]?.estimate).toMatchObject({ costUsd: 0, providerLabel: 'Offline' });
    await e.runStep('a', { fresh: true });
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  test('pause stops the step under way without storing it; resume finishes', async () => {
    const calls: string[] = [];
    let release: () => void = () => undefined;
    const def = definition(calls);
    const slow: PipelineStep<Params> = {
      ...def.steps[1]!,
      run: (input, ctx) =>
        new Promise((resolve, reject) => {
          calls.push('b');
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
          release = () => resolve(`B(${String(input.upstream.a)})`);
        }),
    };
    const d = {
      store: new MemoryRunStore(),
      price,
      definition: { ...def, steps: [def.steps[0]!, slow, def.steps[2]!] },
    };
    const e = await PipelineEngine.create(d, { id: 'r', title: 't', params: { idea: 'x' } });
    const running = e.runAll();
    await new Promise((r) => setTimeout(r, 10));
    expect(await statuses(e)).toEqual(['done', 'running', 'todo']);
    e.pause();
    expect(await running).toBe('paused');
    expect(await statuses(e)).toEqual(['done', 'todo', 'todo']);
    const resumed = e.runAll();
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect(await resumed).toBe('done');
    expect(calls).toEqual(['a', 'b', 'b', 'c']);
  });

  test('cancel stops the run and marks it cancelled', async () => {
    const e = await PipelineEngine.create(deps([]), { id: 'r', title: 't', params: { idea: 'x' } });
    e.cancel();
    await new Promise((r) => setTimeout(r, 0));
    expect(e.state).toBe('cancelled');
  });
});

describe('structured answers', () => {
  const schema = z.object({ beats: z.array(z.string()).min(1) });

  test('JSON wrapped in prose or a fence is read', async () => {
    const answer = await askStructured(schema, async () => 'Sure!\n```json\n{"beats":["a"]}\n```');
    expect(answer.beats).toEqual(['a']);
  });

  test('a malformed answer is asked for once more, with what was wrong', async () => {
    const asked: (string | null)[] = [];
    const answers = ['{"beats": []}', '{"beats": ["ok"]}'];
    const answer = await askStructured(schema, async (correction) => {
      asked.push(correction);
      return answers.shift()!;
    });
    expect(answer.beats).toEqual(['ok']);
    expect(asked[0]).toBeNull();
    expect(asked[1]).toMatch(/beats/);
  });

  test('two malformed answers are an error carrying the raw text', async () => {
    let count = 0;
    const failure = await askStructured(schema, async () => {
      count += 1;
      return `not json ${count}`;
    }).catch((e: unknown) => e);
    expect(count).toBe(2);
    expect(failure).toBeInstanceOf(StructuredOutputError);
    expect((failure as StructuredOutputError).raw).toBe('not json 2');
  });
});
