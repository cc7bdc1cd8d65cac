import { describe, expect, test } from 'vitest';
import { openPipelineKit } from '../../../tests/helpers/pipelineKit';
import type { ProjectSnapshot } from '../../model/project';
import { MemoryRunStore } from '../../store/pipelineRuns';
import { readPipelineFile, type PipelineSpec } from '../pipeline/custom/pipelineFile';
import { PipelineEngine } from '../pipeline/engine';
import { isRenderedVideo } from '../pipeline/steps/render';
import type { Pricer } from '../pipeline/types';
import { ideaPipelineFrom, templateProviders } from './fromTemplate';
import type { ProjectMade } from './outputs';
import { defaultParams } from './params';
import type { IdeaDeps } from './steps';

const known = (task: string) =>
  task === 'text' ? ['writer'] : task === 'image' ? ['painter'] : [];

function specOf(steps: unknown[]): PipelineSpec {
  const text = JSON.stringify({ format: 'frameline.pipeline', version: 1, name: 'Mine', steps });
  const checked = readPipelineFile(text, known);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.spec;
}

const SCRIPT = `Title: The Bottle

EXT. LIGHTHOUSE - DAWN

MARA (60s), weathered, in a yellow oilskin coat, picks a bottle from the surf.

MARA
Somebody out there.

EXT. SEA - DAY

Mara rows into the fog.
`;

const SCRIPT_PLAN_FRAMES_RENDER = [
  { kind: 'script', provider: 'writer' },
  { kind: 'plan' },
  { kind: 'frames', provider: 'painter', options: { sheets: false } },
  { kind: 'render', options: { format: 'webm' } },
];

const offline: IdeaDeps = {
  canWrite: async () => false,
  text: () => Promise.reject(new Error('no provider')),
  createProject: async () => 'p1',
};

const price: Pricer = (plan) => ({ calls: plan.calls, costUsd: 0, providerLabel: 'Fake' });

describe('a saved pipeline as the steps of an idea run', () => {
  test('script + plan + frames + render: the breakdown is read, the bible left out', () => {
    const spec = specOf(SCRIPT_PLAN_FRAMES_RENDER);
    const definition = ideaPipelineFrom({ ...offline, animatic: {} as never }, spec);
    expect(definition.id).toBe('idea');
    expect(definition.steps.map((s) => [s.id, [...s.after].sort()])).toEqual([
      ['outline', []],
      ['script', ['outline']],
      ['breakdown', ['script']],
      ['plan', ['breakdown']],
      ['project', ['plan']],
      ['frames', ['plan', 'project']],
      ['render', ['frames', 'plan', 'project']],
    ]);
    expect(templateProviders(spec)).toEqual({
      outline: 'writer',
      script: 'writer',
      plan: 'auto',
      project: 'auto',
      frames: 'painter',
      render: 'auto',
    });
  });

  test('with the breakdown the plan waits for the bible; exports are numbered', () => {
    const spec = specOf([
      { kind: 'script' },
      { kind: 'breakdown', provider: 'offline' },
      { kind: 'plan' },
      { kind: 'voices' },
      { kind: 'export', options: { kind: 'edl' } },
      { kind: 'export' },
    ]);
    const ids = ideaPipelineFrom({ ...offline, animatic: {} as never }, spec).steps;
    expect(ids.map((s) => s.id)).toEqual([
      'outline',
      'script',
      'breakdown',
      'bible',
      'plan',
      'project',
      'voices',
      'export',
      'export-2',
    ]);
    expect(ids.find((s) => s.id === 'plan')?.after).toEqual(['breakdown', 'bible']);
    expect(templateProviders(spec)).toMatchObject({ bible: 'offline', 'export-2': 'auto' });
  });

  test('a script alone is an outline and a script; a pipeline of project steps is refused', () => {
    const alone = ideaPipelineFrom(offline, specOf([{ kind: 'script' }]));
    expect(alone.steps.map((s) => s.id)).toEqual(['outline', 'script']);
    expect(() => ideaPipelineFrom(offline, specOf([{ kind: 'render' }]))).toThrow(
      /works on an open project: run it from the project’s Pipelines dialog/,
    );
    expect(() => ideaPipelineFrom(offline, specOf(SCRIPT_PLAN_FRAMES_RENDER))).toThrow(
      /cannot open one/,
    );
  });

  test('runs offline from a typed script to a rendered video, with only the chosen steps', async () => {
    const kit = await openPipelineKit();
    try {
      const made: ProjectSnapshot[] = [];
      const deps: IdeaDeps = {
        ...offline,
        createProject: (snapshot) => {
          made.push(snapshot);
          return kit.repo.create(snapshot);
        },
        animatic: { ...kit.deps, canUse: async () => false, videoProvider: async () => null },
      };
      const spec = specOf(SCRIPT_PLAN_FRAMES_RENDER);
      const definition = ideaPipelineFrom(deps, spec);
      const e = await PipelineEngine.create(
        { store: new MemoryRunStore(), definition, price },
        {
          id: 'run',
          title: 'Bottle',
          params: defaultParams('A keeper answers a bottle.'),
          providers: templateProviders(spec),
        },
      );
      await e.runAll({ until: 'script' });
      await e.edit('script', SCRIPT);
      expect(await e.runAll()).toBe('done');
      const byId = new Map((await e.view()).map((v) => [v.id, v.output]));
      expect([...byId.keys()]).not.toContain('bible');
      expect(made).toHaveLength(1);
      // No bible: the characters are the script's, bare.
      expect(made[0]?.characters.map((c) => [c.name, c.look])).toEqual([['MARA', '']]);
      expect(byId.get('frames')).toMatchObject({ mode: 'sketch' });
      expect(isRenderedVideo(byId.get('render'))).toBe(true);
      expect(kit.calls).toMatchObject({ image: 0, speech: 0, renders: 1 });
      expect(kit.opened).toEqual(Array(2).fill((byId.get('project') as ProjectMade).projectId));
    } finally {
      await kit.close();
    }
  });
});
