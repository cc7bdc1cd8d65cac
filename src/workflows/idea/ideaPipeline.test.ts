import { describe, expect, test, vi } from 'vitest';
import type { ProjectSnapshot } from '../../model/project';
import { MemoryRunStore } from '../../store/pipelineRuns';
import { PipelineEngine } from '../pipeline/engine';
import { interruptedLines } from '../pipeline/interrupted';
import type { Pricer } from '../pipeline/types';
import { ideaPipeline, type IdeaDeps } from './steps';
import { defaultParams, withFormat } from './params';
import type { Bible, ProjectMade } from './outputs';
import { openPipelineKit } from '../../../tests/helpers/pipelineKit';
import { isRenderedVideo } from '../pipeline/steps/render';
import { forgetSheet, NO_SHEETS_NOTE, type SheetsResult } from '../pipeline/steps/sheets';

const IDEA = 'A lighthouse keeper finds a message in a bottle.\nShe sails out to answer it.';
const SCRIPT = `Title: The Bottle

EXT. LIGHTHOUSE - DAWN

MARA (60s), weathered, in a yellow oilskin coat, picks a bottle from the surf.

MARA
Somebody out there.

EXT. SEA - DAY

Mara rows into the fog.
`;

const TWO_HANDER = `Title: The Bottle

EXT. LIGHTHOUSE - DAWN

MARA picks a bottle from the surf. TOM watches from the rocks.

MARA
Somebody out there.

TOM
Leave it.
`;

const price: Pricer = (plan) => ({
  calls: plan.calls,
  costUsd: 0.001 * plan.calls,
  providerLabel: 'Fake',
});

function offlineDeps(made: ProjectSnapshot[]): IdeaDeps {
  return {
    canWrite: async () => false,
    text: () => Promise.reject(new Error('no provider')),
    createProject: async (s) => {
      made.push(s);
      return `p${made.length}`;
    },
  };
}

async function engineWith(deps: IdeaDeps, params = withFormat(defaultParams(IDEA), 'vertical')) {
  return PipelineEngine.create(
    { store: new MemoryRunStore(), definition: ideaPipeline(deps), price },
    { id: 'run', title: 'Bottle', params },
  );
}

describe('idea → project', () => {
  test('vertical social defaults to 9:16', () => {
    expect(withFormat(defaultParams(IDEA), 'vertical').aspectRatio).toBe('9:16');
  });

  test('offline: an outline and a skeleton by rules, the typed script becomes the project', async () => {
    const made: ProjectSnapshot[] = [];
    const e = await engineWith(offlineDeps(made));
    await e.runAll({ until: 'script' });
    const [outline, skeleton] = await e.view();
    expect((outline?.output as { beats: unknown[] }).beats.length).toBeGreaterThanOrEqual(3);
    expect(String(skeleton?.output)).toMatch(/^Title: /);
    await e.edit('script', SCRIPT);
    expect(await e.runAll()).toBe('done');
    const view = await e.view();
    const bible = view.find((v) => v.id === 'bible')?.output as Bible;
    expect(bible[0]).toMatchObject({ name: 'MARA' });
    expect(bible[0]?.wardrobe).toMatch(/oilskin/);
    expect(made).toHaveLength(1);
    expect(made[0]?.meta.aspectRatio).toBe('9:16');
    expect(made[0]?.scenes).toHaveLength(2);
    expect(made[0]?.characters[0]?.wardrobe).toMatch(/oilskin/);
    expect((view.at(-1)?.output as ProjectMade).projectId).toBe('p1');
    // Running again makes no second project.
    await e.runAll();
    expect(made).toHaveLength(1);
  });

  test('with a text model: streamed script, outline retried once, bible error keeps the raw text', async () => {
    const made: ProjectSnapshot[] = [];
    const asked: string[] = [];
    const answers: Record<string, string[]> = {
      outline: ['not json', '{"title":"The Bottle","beats":[{"title":"Find","summary":"x"}]}'],
      script: [SCRIPT],
      bible: ['[{"nom": 1}]', 'still wrong'],
    };
    const deps: IdeaDeps = {
      canWrite: async () => true,
      text: async (request, _choice, ctx) => {
        const which = request.system.includes('story editor')
          ? 'outline'
          : request.system.includes('screenwriter')
            ? 'script'
            : 'bible';
        asked.push(which);
        const answer = answers[which]!.shift()!;
        ctx.onText(answer.slice(0, 5));
        ctx.onText(answer);
        ctx.onCost(0.01);
        return answer;
      },
      createProject: offlineDeps(made).createProject,
    };
    const e = await engineWith(deps);
    const before = await e.view();
    expect(before.filter((v) => v.estimate.calls > 0).map((v) => v.id)).toEqual([
      'outline',
      'script',
      'bible',
    ]);
    expect(await e.runAll()).toBe('failed');
    expect(asked).toEqual(['outline', 'outline', 'script', 'bible', 'bible']);
    const bible = (await e.view()).find((v) => v.id === 'bible');
    expect(bible?.status).toBe('failed');
    expect(bible?.error?.raw).toBe('still wrong');
    expect(made).toHaveLength(0);
    // The person fixes the bible by hand; the rest runs without asking the model again.
    await e.edit('bible', [{ name: 'MARA', description: 'keeper', look: '', wardrobe: '' }]);
    expect(await e.runAll()).toBe('done');
    expect(asked).toHaveLength(5);
    expect(made[0]?.characters[0]?.description).toBe('keeper');
  });

  test('a text answer the page closed on while it streamed is told of, and asked again once', async () => {
    const store = new MemoryRunStore();
    const asked: string[] = [];
    let hang = true;
    const deps: IdeaDeps = {
      canWrite: async () => true,
      text: async (request, _choice, ctx) => {
        const which = request.system.includes('story editor') ? 'outline' : 'script';
        asked.push(which);
        if (which === 'outline') return '{"title":"The Bottle","beats":[{"title":"Find"}]}';
        ctx.onText('Title: The');
        // The page "closes" while the script streams: this engine never gets its answer.
        if (hang) await new Promise(() => undefined);
        return SCRIPT;
      },
      createProject: offlineDeps([]).createProject,
    };
    const definition = ideaPipeline(deps);
    const params = withFormat(defaultParams(IDEA), 'vertical');
    const first = await PipelineEngine.create(
      { store, definition, price },
      { id: 'run', title: 'Bottle', params },
    );
    void first.runAll({ until: 'script' });
    await vi.waitFor(() => expect(store.runs.get('run')?.inFlight).toHaveLength(1));
    hang = false;
    const again = await PipelineEngine.open({ store, definition, price }, 'run');
    expect(interruptedLines(again!.interrupted)).toEqual([
      '1 text answer was being made when the page closed: no answer came, so it is asked again (and paid for again) when the run goes on.',
    ]);
    expect(await again!.runAll({ until: 'script' })).not.toBe('failed');
    expect(asked).toEqual(['outline', 'script', 'script']);
    expect(interruptedLines(again!.interrupted)).toEqual([
      '1 text answer was being made when the page closed; it was asked again.',
    ]);
  });

  test('a script with nothing to board stops at the breakdown, saying why', async () => {
    const e = await engineWith(offlineDeps([]));
    await e.runAll({ until: 'script' });
    await e.edit('script', '');
    expect(await e.runAll()).toBe('failed');
    const failed = (await e.view()).find((v) => v.status === 'failed');
    expect(failed?.id).toBe('breakdown');
    expect(failed?.error?.message).toMatch(/No screenplay elements/);
  });
});

describe('idea → animatic', () => {
  test('offline: the typed script becomes a project, sketched, left silent and rendered', async () => {
    const kit = await openPipelineKit();
    try {
      const deps: IdeaDeps = {
        ...offlineDeps([]),
        createProject: (snapshot) => kit.repo.create(snapshot),
        animatic: { ...kit.deps, canUse: async () => false, videoProvider: async () => null },
      };
      const e = await engineWith(deps);
      expect((await e.view()).map((v) => v.id)).toEqual([
        'outline',
        'script',
        'breakdown',
        'bible',
        'plan',
        'project',
        'sheets',
        'frames',
        'voices',
        'render',
      ]);
      await e.runAll({ until: 'script' });
      await e.edit('script', SCRIPT);
      expect(await e.runAll()).toBe('done');
      const view = await e.view();
      const byId = new Map(view.map((v) => [v.id, v.output]));
      expect(byId.get('frames')).toMatchObject({ mode: 'sketch', made: 0 });
      expect(byId.get('sheets')).toMatchObject({
        sheets: [{ name: 'MARA', hash: null }],
        note: NO_SHEETS_NOTE,
      });
      expect(byId.get('voices')).toMatchObject({
        made: 0,
        note: expect.stringMatching(/No speech/),
      });
      const video = byId.get('render');
      expect(isRenderedVideo(video)).toBe(true);
      expect(kit.calls).toMatchObject({ image: 0, speech: 0, renders: 1 });
      const projectId = (byId.get('project') as ProjectMade).projectId;
      expect(kit.opened).toEqual([projectId, projectId, projectId, projectId]);
    } finally {
      await kit.close();
    }
  });

  test('with providers: frames and voices are priced from the plan before the project exists', async () => {
    const kit = await openPipelineKit();
    try {
      const deps: IdeaDeps = {
        ...offlineDeps([]),
        createProject: (snapshot) => kit.repo.create(snapshot),
        animatic: kit.deps,
      };
      const e = await engineWith(deps);
      const guessed = await e.view();
      // 30 s vertical: about ten shots guessed before the plan exists.
      expect(guessed.find((v) => v.id === 'frames')?.estimate.calls).toBe(10);
      await e.runAll({ until: 'script' });
      await e.edit('script', SCRIPT);
      await e.runAll({ until: 'breakdown' });
      // Once the script is broken down, a sheet per character it names.
      expect((await e.view()).find((v) => v.id === 'sheets')?.estimate.calls).toBe(1);
      await e.runAll({ until: 'script' });
      await e.edit('script', SCRIPT);
      await e.runAll({ until: 'plan' });
      const planned = await e.view();
      const shots = (planned.find((v) => v.id === 'plan')?.output as ProjectSnapshot).shots;
      expect(shots.length).toBeGreaterThanOrEqual(2);
      // One character sheet (MARA), then a frame per shot; one line to voice.
      expect(planned.find((v) => v.id === 'sheets')?.estimate.calls).toBe(1);
      expect(planned.find((v) => v.id === 'frames')?.estimate.calls).toBe(shots.length);
      expect(planned.find((v) => v.id === 'voices')?.estimate.calls).toBe(1);
      expect(await e.runAll()).toBe('done');
      const calls = { image: shots.length + 1, speech: 1, renders: 1 };
      expect(kit.calls).toMatchObject(calls);
      // A pipeline run again after it finished pays for nothing.
      await e.runAll();
      await e.runStep('frames', { fresh: true });
      await e.runStep('sheets', { fresh: true });
      expect(kit.calls).toMatchObject(calls);
    } finally {
      await kit.close();
    }
  });
  test('sheets: seen before the frames, one that failed is drawn alone on Retry, one redrawn', async () => {
    const kit = await openPipelineKit();
    try {
      const deps: IdeaDeps = {
        ...offlineDeps([]),
        createProject: (snapshot) => kit.repo.create(snapshot),
        animatic: kit.deps,
      };
      const e = await engineWith(deps);
      await e.runAll({ until: 'script' });
      await e.edit('script', TWO_HANDER);
      kit.onImage = (n) => {
        if (n === 1) throw new Error('refused');
      };
      expect(await e.runAll({ until: 'sheets' })).toBe('failed');
      const failed = (await e.view()).find((v) => v.id === 'sheets');
      expect(failed?.error?.message).toMatch(/^1 of 2 character sheets failed \(1 drawn.*MARA: /);
      kit.onImage = () => undefined;
      expect(await e.runAll({ until: 'sheets' })).not.toBe('failed');
      expect(kit.calls.image).toBe(3);
      const sheets = (await e.view()).find((v) => v.id === 'sheets')?.output as SheetsResult;
      expect(sheets.sheets.map((c) => [c.name, c.hash !== null])).toEqual([
        ['MARA', true],
        ['TOM', true],
      ]);
      // Redraw TOM: only his sheet is asked for again, and it is a new picture.
      const tom = sheets.sheets[1]!;
      await forgetSheet(kit.deps, sheets.projectId, tom.characterId);
      await e.runStep('sheets', { fresh: true });
      expect(kit.calls.image).toBe(4);
      const again = (await e.view()).find((v) => v.id === 'sheets')?.output as SheetsResult;
      expect(again.sheets[0]?.hash).toBe(sheets.sheets[0]?.hash);
      expect(again.sheets[1]?.hash).not.toBe(tom.hash);
      // The frames take the sheets as they are: none drawn there.
      expect(await e.runAll({ until: 'frames' })).not.toBe('failed');
      const plan = (await e.view()).find((v) => v.id === 'plan')?.output as ProjectSnapshot;
      expect(kit.calls.image).toBe(4 + plan.shots.length);
    } finally {
      await kit.close();
    }
  });
});
