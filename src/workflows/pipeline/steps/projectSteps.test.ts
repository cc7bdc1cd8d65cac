import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openPipelineKit, type PipelineKit } from '../../../../tests/helpers/pipelineKit';
import { runOk } from '../../../../tests/helpers/commands';
import { pngBytes, wavBytes } from '../../../../tests/helpers/mediaBytes';
import { ms } from '../../../model/units';
import type { ShotId } from '../../../model/ids';
import { MemoryRunStore } from '../../../store/pipelineRuns';
import { PipelineEngine } from '../engine';
import { interruptedLines } from '../interrupted';
import { OFFLINE, type PipelineStep, type Pricer } from '../types';
import { clipsStep } from './clips';
import { exportStep } from './exportFile';
import { framesStep, type FramesResult } from './frames';
import { musicStep, NO_MUSIC_NOTE } from './music';
import { namedIn, type ProjectStepSetup, type ShotTally } from './projectStep';
import { DEFAULT_RENDER_STEP, isRenderedVideo, renderStep } from './render';
import { upscaleStep } from './upscale';
import { NO_SPEECH_NOTE, voicesStep } from './voices';

type Params = { readonly projectId: string };

const price: Pricer = (plan) => ({
  calls: plan.calls,
  costUsd: plan.calls * (plan.capability === 'image' ? 0.04 : 0.01),
  providerLabel: 'Fake',
});

let kit: PipelineKit;
beforeEach(async () => {
  kit = await openPipelineKit();
  runOk(kit.session, 'shot/update', {
    shotId: 'shot-2' as ShotId,
    patch: { dialogue: [{ speaker: 'BEN', line: 'Room four.', parenthetical: '' }] },
  });
  runOk(kit.session, 'shot/update', {
    shotId: 'shot-3' as ShotId,
    patch: {
      dialogue: [
        { speaker: 'ANNA', line: 'Morning.', parenthetical: '' },
        { speaker: 'BEN', line: 'Already?', parenthetical: '' },
      ],
    },
  });
});
afterEach(() => kit.close());

function chain(makers: ((setup: ProjectStepSetup<Params>) => PipelineStep<Params>)[]) {
  const steps: PipelineStep<Params>[] = [];
  for (const make of makers) {
    const before = steps.at(-1);
    steps.push(make({ deps: kit.deps, source: namedIn(), after: before ? [before.id] : [] }));
  }
  return { id: 'custom', steps };
}

async function engine(
  makers: Parameters<typeof chain>[0],
  run = 'run',
  store = new MemoryRunStore(),
  providers: Record<string, string> = {},
) {
  return PipelineEngine.create(
    { store, definition: chain(makers), price },
    { id: run, title: 'Night Shift', params: { projectId: kit.session.id }, providers },
  );
}

const shots = () => kit.session.getState().snapshot.shots;
const frames = (s: ProjectStepSetup<Params>) => framesStep(s, { sheets: false });

describe('frames', () => {
  test('priced per shot before it runs, one call per shot, and a resumed run never pays twice', async () => {
    const store = new MemoryRunStore();
    const e = await engine([frames], 'run', store);
    expect((await e.view())[0]?.estimate).toMatchObject({ calls: 3, costUsd: 0.12 });
    // The second call stops the run (a pause), after the first shot got its frame.
    kit.onImage = (n) => {
      if (n === 2) e.pause();
    };
    expect(await e.runAll()).toBe('paused');
    expect(kit.calls.image).toBe(2);
    expect(shots().filter((s) => s.frameSource === 'ai')).toHaveLength(1);
    // A reload: the run is opened again, its estimate counts only what is missing.
    kit.onImage = () => undefined;
    const again = await PipelineEngine.open({ store, definition: chain([frames]), price }, 'run');
    expect((await again!.view())[0]?.estimate.calls).toBe(2);
    expect(await again!.runAll()).toBe('done');
    expect(kit.calls.image).toBe(4);
    expect(shots().every((s) => s.frameSource === 'ai')).toBe(true);
    expect((await again!.view())[0]?.output).toMatchObject({
      made: 2,
      skipped: 1,
      mode: 'generated',
    });
    // A new run on the same project: every shot already has its frame, nothing is asked.
    const fresh = await engine([frames], 'run-2');
    expect((await fresh.view())[0]?.estimate.calls).toBe(0);
    expect(await fresh.runAll()).toBe('done');
    expect(kit.calls.image).toBe(4);
  });

  test('a shot whose prompt changed gets a new frame; a drawn frame is never paid over', async () => {
    await (await engine([frames])).runAll();
    expect(kit.calls.image).toBe(3);
    runOk(kit.session, 'shot/update', {
      shotId: 'shot-3' as ShotId,
      patch: { action: 'Rain on the empty cars.' },
    });
    const hash = await kit.assets.put(pngBytes(7), 'image/png');
    runOk(kit.session, 'frame/set', {
      shotId: 'shot-1' as ShotId,
      frame: { hash, source: 'drawn', signature: '' },
    });
    runOk(kit.session, 'shot/update', { shotId: 'shot-1' as ShotId, patch: { action: 'New.' } });
    const e = await engine([frames], 'run-2');
    expect((await e.view())[0]?.estimate.calls).toBe(1);
    await e.runAll();
    expect(kit.calls.image).toBe(4);
  });

  test('a failing shot fails the step after the others are made; running again retries it only', async () => {
    kit.onImage = (n) => {
      if (n === 2) throw new Error('boom');
    };
    const e = await engine([frames]);
    expect(await e.runAll()).toBe('failed');
    const [view] = await e.view();
    expect(view?.error?.message).toMatch(/^1 frames failed \(2 made; run again/);
    kit.onImage = () => undefined;
    expect(await e.runAll()).toBe('done');
    expect(kit.calls.image).toBe(4);
    expect((await e.view())[0]?.output).toMatchObject({ made: 1, skipped: 2 });
  });

  test('offline: the sketches are the frames, nothing is called', async () => {
    const e = await engine([frames], 'run', new MemoryRunStore(), { frames: OFFLINE });
    expect((await e.view())[0]?.estimate.calls).toBe(0);
    expect(await e.runAll()).toBe('done');
    expect(kit.calls.image).toBe(0);
    expect(((await e.view())[0]?.output as FramesResult).mode).toBe('sketch');
  });

  test('with sheets: each character in the shots gets one first, as a reference', async () => {
    const e = await engine([(s) => framesStep(s, { sheets: true })]);
    expect((await e.view())[0]?.estimate.calls).toBe(5);
    await e.runAll();
    expect(kit.calls.image).toBe(5);
    expect(kit.session.getState().snapshot.characters.every((c) => c.sheetHash)).toBe(true);
  });
});

describe('voices, clips, music, upscale, export, render', () => {
  test('voices: one call per line, a voiced shot never again; no speech provider is a note, not a failure', async () => {
    const e = await engine([voicesStep]);
    expect((await e.view())[0]?.estimate.calls).toBe(3);
    expect(await e.runAll()).toBe('done');
    expect(kit.calls.speech).toBe(3);
    expect(
      shots()
        .find((s) => s.id === 'shot-3')
        ?.audio.map((a) => a.offsetMs),
    ).toEqual([0, 1450]);
    await (await engine([voicesStep], 'run-2')).runAll();
    expect(kit.calls.speech).toBe(3);
    kit.routes.speech = false;
    runOk(kit.session, 'shot/update', {
      shotId: 'shot-1' as ShotId,
      patch: { dialogue: [{ speaker: 'ANNA', line: 'Hi.', parenthetical: '' }] },
    });
    const silent = await engine([voicesStep], 'run-3');
    expect(await silent.runAll()).toBe('done');
    expect(((await silent.view())[0]?.output as ShotTally).note).toBe(NO_SPEECH_NOTE);
  });

  test('clips: frames then image to video, one job per shot, none sent twice', async () => {
    const e = await engine([frames, clipsStep]);
    const view = await e.view();
    expect(view.map((v) => v.estimate.calls)).toEqual([3, 0]);
    expect(await e.runAll()).toBe('done');
    expect(kit.calls.video).toBe(3);
    expect(shots().every((s) => s.clipHash && s.frameHash)).toBe(true);
    await (await engine([frames, clipsStep], 'run-2')).runAll();
    expect(kit.calls).toMatchObject({ image: 3, video: 3 });
  });

  test('clips: a run paused while a provider that cannot cancel makes a clip picks that job up again', async () => {
    const store = new MemoryRunStore();
    await (await engine([frames], 'frames-run')).runAll();
    const e = await engine([clipsStep], 'run', store);
    kit.onVideoStatus = (job) => {
      if (job === 'job2') e.pause();
    };
    expect(await e.runAll()).toBe('paused');
    expect(kit.calls.video).toBe(2);
    expect([...kit.keptJobs.values()].map((k) => [k.shotId, k.job.id])).toEqual([
      ['shot-2', 'job2'],
    ]);
    kit.onVideoStatus = () => undefined;
    const again = await PipelineEngine.open(
      { store, definition: chain([clipsStep]), price },
      'run',
    );
    expect(await again!.runAll()).toBe('done');
    // shot-2's job was polled to its end, only shot-3 was sent: three jobs for three shots.
    expect(kit.calls.video).toBe(3);
    expect(kit.keptJobs.size).toBe(0);
    expect(shots().every((s) => s.clipHash)).toBe(true);
  });

  test('clips: a submission the page closed on is told of; a job the provider took is not', async () => {
    const store = new MemoryRunStore();
    await (await engine([frames], 'frames-run')).runAll();
    const first = await engine([clipsStep], 'run', store);
    // The page "closes" while shot-2's clip is being submitted: its submit never answers here.
    kit.onVideoSubmit = (n) => (n === 2 ? new Promise(() => undefined) : undefined);
    void first.runAll();
    await vi.waitFor(
      () =>
        expect(store.runs.get('run')?.inFlight).toEqual([
          { stepId: 'clips', key: 'clip:shot-2', what: 'video clip' },
        ]),
      { timeout: 10_000 },
    );
    kit.onVideoSubmit = () => undefined;
    const again = await PipelineEngine.open(
      { store, definition: chain([clipsStep]), price },
      'run',
    );
    expect(interruptedLines(again!.interrupted)).toEqual([
      '1 video clip was being made when the page closed: no answer came, so it is asked again (and paid for again) when the run goes on.',
    ]);
    expect(await again!.runAll()).toBe('done');
    expect(kit.calls.video).toBe(4);
    expect(interruptedLines(again!.interrupted)).toEqual([
      '1 video clip was being made when the page closed; it was asked again.',
    ]);
    expect(store.runs.get('run')?.inFlight).toEqual([]);
  });

  test('music sets the bed’s level and fades, or says there is none', async () => {
    const options = { volume: 0.3, fadeInMs: 500, fadeOutMs: 1500 };
    const e = await engine([(s) => musicStep(s, options)]);
    await e.runAll();
    expect((await e.view())[0]?.output).toMatchObject({ music: false, note: NO_MUSIC_NOTE });
    const hash = await kit.assets.put(wavBytes(3), 'audio/wav');
    runOk(kit.session, 'project/setMusic', {
      music: { assetHash: hash, volume: 1, fadeInMs: ms(0), fadeOutMs: ms(0) },
    });
    await (await engine([(s) => musicStep(s, options)], 'run-2')).runAll();
    expect(kit.session.getState().snapshot.meta.music).toMatchObject(options);
  });

  test('upscale: generated frames get a bigger take once; sketches and drawings are left', async () => {
    const up = (s: ProjectStepSetup<Params>) => upscaleStep(s, { longSide: 1920 });
    const e = await engine([frames, up]);
    await e.runAll();
    expect((await e.view())[1]?.output).toMatchObject({ made: 3, skipped: 0 });
    expect(shots().every((s) => s.takes.at(-1)?.providerKind === 'upscale')).toBe(true);
    const again = await engine([frames, up], 'run-2');
    await again.runAll();
    expect((await again.view())[1]?.output).toMatchObject({ made: 0, skipped: 3 });
  });

  test('render: the animatic is stored as a video; export: the file is kept with the result', async () => {
    const e = await engine([
      frames,
      (s) => renderStep(s, DEFAULT_RENDER_STEP),
      (s) => exportStep(s, { kind: 'shotListCsv' }),
    ]);
    expect(await e.runAll()).toBe('done');
    const [, render, file] = await e.view();
    expect(isRenderedVideo(render?.output)).toBe(true);
    const video = render?.output as { assetHash: string; fileName: string; mimeType: string };
    expect(video).toMatchObject({ fileName: 'night-shift-animatic.mp4', mimeType: 'video/mp4' });
    expect((await kit.assets.get(video.assetHash as never))?.size).toBeGreaterThan(1000);
    expect(file?.output).toMatchObject({ kind: 'file', fileName: 'export.shotListCsv' });
    expect(kit.calls.renders).toBe(1);
    // Resumed: every step is done, nothing is rendered again.
    await e.runAll();
    expect(kit.calls.renders).toBe(1);
  });

  test('a project no earlier step made stops the step, saying so', async () => {
    const definition = {
      id: 'x',
      steps: [
        framesStep<Params>(
          { deps: kit.deps, source: { after: [], projectId: () => null, planned: () => null } },
          { sheets: false },
        ),
      ],
    };
    const e = await PipelineEngine.create(
      { store: new MemoryRunStore(), definition, price },
      { id: 'r', title: 't', params: { projectId: '' } },
    );
    expect(await e.runAll()).toBe('failed');
    expect((await e.view())[0]?.error?.message).toMatch(/no project to work on/);
  });
});
