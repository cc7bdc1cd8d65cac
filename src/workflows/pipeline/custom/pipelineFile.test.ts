import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openPipelineKit, type PipelineKit } from '../../../../tests/helpers/pipelineKit';
import { MemoryRunStore } from '../../../store/pipelineRuns';
import { PipelineEngine } from '../engine';
import { isRenderedVideo } from '../steps/render';
import type { Pricer } from '../types';
import { customPipeline } from './build';
import { defaultOptions, STEP_KINDS } from './catalog';
import {
  checkPipeline,
  MAX_PIPELINE_FILE_BYTES,
  pipelineFileJson,
  pipelineFileName,
  readPipelineFile,
  type PipelineSpec,
} from './pipelineFile';

const known = (task: string) =>
  task === 'image' ? ['openai-1'] : task === 'speech' ? ['eleven'] : [];

const file = (steps: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'frameline.pipeline', version: 1, name: 'Boards', steps, ...extra });

const errorsOf = (text: string) => {
  const checked = readPipelineFile(text, known);
  return checked.ok ? [] : checked.errors;
};

const SPEC: PipelineSpec = {
  name: 'Frames and render',
  description: 'Boards to an animatic',
  steps: [
    { kind: 'frames', provider: 'openai-1', options: { sheets: false } },
    { kind: 'voices', provider: 'offline', options: {} },
    { kind: 'render', provider: 'auto', options: defaultOptions('render') },
    { kind: 'export', provider: 'auto', options: { kind: 'edl' } },
    { kind: 'export', provider: 'auto', options: { kind: 'shotListCsv' } },
  ],
};

describe('a pipeline file', () => {
  test('round trip: the file written reads back as the same pipeline, with no warnings', () => {
    const text = pipelineFileJson(SPEC);
    expect(readPipelineFile(text, known)).toEqual({ ok: true, spec: SPEC, warnings: [] });
    expect(pipelineFileName(SPEC)).toBe('frames-and-render.frameline-pipeline.json');
  });

  test('every catalog step with its defaults is a valid one-step pipeline', () => {
    for (const kind of STEP_KINDS.filter((k) => !['script', 'breakdown'].includes(k))) {
      const steps =
        kind === 'plan' ? [{ kind: 'script' }, { kind: 'breakdown' }, { kind }] : [{ kind }];
      const checked = readPipelineFile(file(steps), known);
      expect(checked.ok, kind).toBe(true);
    }
  });

  test('options get their defaults; an option the step lacks is dropped with a warning', () => {
    const checked = readPipelineFile(
      file([{ kind: 'music', options: { volume: 0.2, tempo: 3 } }]),
      known,
    );
    expect(checked.ok && checked.spec.steps[0]?.options).toEqual({
      volume: 0.2,
      fadeInMs: 1000,
      fadeOutMs: 2000,
    });
    expect(checked.warnings).toEqual([
      { where: 'steps[0].options.tempo', message: '“Music” has no option “tempo”: left out.' },
    ]);
  });

  test('a provider not set up here is kept as Auto with a warning; a device step ignores one', () => {
    const checked = readPipelineFile(
      file([
        { kind: 'frames', provider: 'someones-comfy' },
        { kind: 'voices', provider: 'eleven' },
        { kind: 'render', provider: 'openai-1' },
      ]),
      known,
    );
    expect(checked.ok && checked.spec.steps.map((s) => s.provider)).toEqual([
      'auto',
      'eleven',
      'auto',
    ]);
    expect(checked.warnings.map((w) => w.where)).toEqual([
      'steps[0].provider',
      'steps[2].provider',
    ]);
    expect(checked.warnings[0]?.message).toMatch(
      /“someones-comfy” is not set up here: the step uses Auto/,
    );
  });
});

describe('a broken or hostile file is refused, saying what and where', () => {
  test('not JSON, not a pipeline, from a newer Frameline, too large', () => {
    expect(errorsOf('{"format": ')[0]?.message).toMatch(/^The file is not JSON/);
    expect(errorsOf('[1,2]')).toEqual([
      { where: 'format', message: expect.stringMatching(/not a Frameline pipeline/) },
    ]);
    expect(errorsOf(file([{ kind: 'render' }], { version: 9 }))[0]).toMatchObject({
      where: 'version',
      message: expect.stringMatching(
        /newer Frameline \(pipeline version 9; this one reads up to 1\)/,
      ),
    });
    const big = file([{ kind: 'render' }], { description: 'x'.repeat(MAX_PIPELINE_FILE_BYTES) });
    expect(errorsOf(big)[0]?.message).toMatch(/too large for a pipeline \(\d+ KB; at most 64 KB\)/);
  });

  test('unknown step, bad option, bad shape: each error names its place', () => {
    expect(errorsOf(file([{ kind: 'render' }, { kind: 'rm -rf' }]))).toEqual([
      {
        where: 'steps[1].kind',
        message: expect.stringMatching(/^Unknown step “rm -rf”: steps are script, breakdown/),
      },
    ]);
    expect(errorsOf(file([{ kind: 'render', options: { format: 'avi' } }]))[0]?.where).toBe(
      'steps[0].options.format',
    );
    expect(errorsOf(file([{ kind: 'music', options: { volume: 1e9 } }]))[0]?.where).toBe(
      'steps[0].options.volume',
    );
    expect(errorsOf(file(['render']))[0]?.where).toBe('steps[0]');
    expect(errorsOf(file([]))[0]?.where).toBe('steps');
    expect(errorsOf(file(Array.from({ length: 500 }, () => ({ kind: 'export' }))))[0]?.where).toBe(
      'steps',
    );
    expect(errorsOf(file([{ kind: 'render' }], { name: '   ' }))[0]?.where).toBe('name');
  });

  test('order and dependencies: catalog order, once each, text steps complete before the project', () => {
    expect(errorsOf(file([{ kind: 'render' }, { kind: 'frames' }]))).toEqual([
      {
        where: 'steps[1].kind',
        message: '“Frames” must come before “Render” (steps run in the catalog’s order).',
      },
    ]);
    expect(errorsOf(file([{ kind: 'frames' }, { kind: 'frames' }]))[0]?.message).toMatch(
      /already step 1/,
    );
    expect(errorsOf(file([{ kind: 'breakdown' }, { kind: 'plan' }]))[0]?.message).toBe(
      '“Breakdown” needs “Script” before it.',
    );
    expect(errorsOf(file([{ kind: 'script' }, { kind: 'frames' }]))).toEqual([
      {
        where: 'steps[1].kind',
        message: expect.stringMatching(/works on a project: add “Shot plan” before it/),
      },
    ]);
  });

  test('prototype keys and odd values stay data', () => {
    const text =
      '{"format":"frameline.pipeline","version":1,"name":"x","steps":[{"kind":"render","options":{"__proto__":{"polluted":true}}}]}';
    const checked = readPipelineFile(text, known);
    expect(checked.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(checkPipeline(null, known).ok).toBe(false);
    expect(
      checkPipeline(
        {
          format: 'frameline.pipeline',
          version: 1,
          name: 'x',
          steps: [{ kind: 'render', provider: 42 }],
        },
        known,
      ).ok,
    ).toBe(false);
  });
});

describe('catalog → definition → a run', () => {
  let kit: PipelineKit;
  beforeEach(async () => {
    kit = await openPipelineKit();
  });
  afterEach(() => kit.close());

  const price: Pricer = (plan) => ({ calls: plan.calls, costUsd: 0, providerLabel: 'Fake' });

  test('steps in order, each after the one before, providers as chosen, exports numbered', () => {
    const { definition, providers } = customPipeline('t1', SPEC, kit.deps);
    expect(definition.id).toBe('custom:t1');
    expect(definition.steps.map((s) => [s.id, s.after])).toEqual([
      ['frames', []],
      ['voices', ['frames']],
      ['render', ['voices']],
      ['export', ['render']],
      ['export-2', ['export']],
    ]);
    expect(providers).toEqual({
      frames: 'openai-1',
      voices: 'offline',
      render: 'auto',
      export: 'auto',
      'export-2': 'auto',
    });
  });

  test('a pipeline that writes its script is not run on a project', () => {
    const spec = checkPipeline(JSON.parse(file([{ kind: 'script' }])), known);
    expect(spec.ok && (() => customPipeline('x', spec.spec, kit.deps))).toThrow(
      /starts from an idea/,
    );
  });

  test('frames (offline) + render on the open project: a video', async () => {
    const checked = readPipelineFile(
      file([{ kind: 'frames', provider: 'offline' }, { kind: 'render' }]),
      known,
    );
    if (!checked.ok) throw new Error('invalid');
    const { definition, providers } = customPipeline('t2', checked.spec, kit.deps);
    const engine = await PipelineEngine.create(
      { store: new MemoryRunStore(), definition, price },
      { id: 'r', title: 'Run', params: { projectId: kit.session.id }, providers },
    );
    expect(await engine.runAll()).toBe('done');
    expect(isRenderedVideo((await engine.view())[1]?.output)).toBe(true);
    expect(kit.calls).toMatchObject({ image: 0, renders: 1 });
  });
});

describe('composing', () => {
  test('a step added goes where the catalog order puts it; moves and removals keep the rest', async () => {
    const { STARTER, addStep, moveStep, removeStep, setStep, addableKinds } =
      await import('./compose');
    const withVoices = addStep(STARTER, 'voices');
    expect(withVoices.steps.map((s) => s.kind)).toEqual(['frames', 'voices', 'render']);
    expect(addStep(withVoices, 'export').steps.map((s) => s.kind)).toEqual([
      'frames',
      'voices',
      'render',
      'export',
    ]);
    const moved = moveStep(withVoices, 2, -1);
    expect(moved.steps.map((s) => s.kind)).toEqual(['frames', 'render', 'voices']);
    expect(errorsOf(pipelineFileJson(moved))[0]?.message).toMatch(
      /“Voices” must come before “Render”/,
    );
    expect(removeStep(withVoices, 0).steps.map((s) => s.kind)).toEqual(['voices', 'render']);
    expect(setStep(STARTER, 1, { options: { format: 'webm' } }).steps[1]?.options).toMatchObject({
      format: 'webm',
      quality: 'medium',
    });
    expect(addableKinds(withVoices)).not.toContain('voices');
    expect(addableKinds(withVoices)).toContain('export');
    expect(STARTER.steps.map((s) => s.kind)).toEqual(['frames', 'render']);
  });
});
