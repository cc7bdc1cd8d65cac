import { describe, expect, test } from 'vitest';
import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import type { SceneId, ShotId } from '../model/ids';
import { ms } from '../model/units';
import { RenderCancelledError, type RenderHandle } from '../render/renderClient';
import { defaultRenderOptions } from '../render/renderOptions';
import type { RenderProgress, RenderRequest, RenderResult } from '../render/renderTypes';
import { createAssetStore } from '../store/assets';
import { openDb } from '../store/db';
import { startAnimaticJob, type AnimaticJobDeps, type AnimaticJobStage } from './animaticJob';

const SCENE = 's1' as SceneId;
const snapshot: ProjectSnapshot = {
  meta: { ...createProjectMeta('Night Shift') },
  scenes: [createScene({ id: SCENE, number: '1', heading: 'INT. LAB - NIGHT' })],
  shots: [
    createShot({ id: 'a' as ShotId, sceneId: SCENE, number: '1', durationMs: ms(2000) }),
    createShot({ id: 'b' as ShotId, sceneId: SCENE, number: '1A', durationMs: ms(1000) }),
  ],
  characters: [],
};

/** No frames stored: the render gets "Frame missing" cards, which is all these tests need. */
const noAssets = createAssetStore(openDb('animatic-job-test'));

const RESULT: RenderResult = {
  bytes: new ArrayBuffer(8),
  mimeType: 'video/mp4',
  durationMs: 3000,
  codecString: 'avc1.640028',
  audioCodec: null,
  sampleCount: 3,
  engine: 'webcodecs',
  warnings: [],
};

interface FakeRender {
  readonly render: AnimaticJobDeps['render'];
  readonly requests: RenderRequest[];
  progress(p: RenderProgress): void;
  finish(): void;
  fail(error: Error): void;
  cancelled(): boolean;
}

function fakeRender(): FakeRender {
  const requests: RenderRequest[] = [];
  let onProgress: ((p: RenderProgress) => void) | undefined;
  let resolve: (r: RenderResult) => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  let wasCancelled = false;
  return {
    requests,
    render: (request, options): RenderHandle => {
      requests.push(request);
      onProgress = options.onProgress;
      return {
        promise: new Promise<RenderResult>((res, rej) => {
          resolve = res;
          reject = rej;
        }),
        cancel: () => {
          wasCancelled = true;
          reject(new RenderCancelledError());
        },
      };
    },
    progress: (p) => onProgress?.(p),
    finish: () => resolve(RESULT),
    fail: (error) => reject(error),
    cancelled: () => wasCancelled,
  };
}

function deps(render: FakeRender, sketchesDone = () => Promise.resolve()): AnimaticJobDeps {
  return { snapshot: () => snapshot, sketchesDone, assets: noAssets, render: render.render };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('animatic job', () => {
  test('waits for sketches, renders the timeline with progress and names the file', async () => {
    const render = fakeRender();
    const stages: AnimaticJobStage[] = [];
    let sketched: () => void = () => undefined;
    const job = startAnimaticJob(
      deps(render, () => new Promise((resolve) => (sketched = resolve))),
      defaultRenderOptions(snapshot.meta.frameRate),
      (stage) => stages.push(stage),
    );
    await flush();
    expect(stages.map((s) => s.name)).toEqual(['sketching']);
    sketched();
    await flush();
    expect(render.requests).toHaveLength(1);
    expect(render.requests[0]!.plan.totalFrames).toBe(72); // 3 s at 24 fps
    render.progress({ framesDone: 10, framesTotal: 72, etaMs: 500 });
    render.finish();
    const last = await job.finished;
    expect(stages.map((s) => s.name)).toEqual(['sketching', 'rendering', 'rendering', 'done']);
    expect(last).toMatchObject({ name: 'done', fileName: 'night-shift-animatic.mp4' });
  });

  test('a render of shot 1A alone hears the music from 2 s, where 1A starts in the animatic', async () => {
    const render = fakeRender();
    const music = { assetHash: 'c'.repeat(64), volume: 0.8, fadeInMs: 0, fadeOutMs: 0 };
    const withMusic = { ...snapshot, meta: { ...snapshot.meta, music } } as ProjectSnapshot;
    const job = startAnimaticJob(
      { ...deps(render), snapshot: () => withMusic },
      {
        ...defaultRenderOptions(snapshot.meta.frameRate),
        range: { kind: 'shots', shotIds: ['b'] },
      },
      () => undefined,
    );
    await expect.poll(() => render.requests.length).toBe(1);
    const sources = render.requests[0]!.audio?.plan.sources ?? [];
    expect(sources.map((s) => [s.kind, s.startMs, s.fromMs, s.stopMs])).toEqual([
      ['music', -2000, 0, 1000],
    ]);
    render.finish();
    await job.finished;
  });

  test('cancel while sketches are still drawn stops at once and never starts the encoder', async () => {
    const render = fakeRender();
    const job = startAnimaticJob(
      deps(render, () => new Promise(() => undefined)),
      defaultRenderOptions(snapshot.meta.frameRate),
      () => undefined,
    );
    job.cancel();
    expect(await job.finished).toEqual({ name: 'cancelled' });
    expect(render.requests).toHaveLength(0);
  });

  test('cancel during the encode cancels the encoder', async () => {
    const render = fakeRender();
    const job = startAnimaticJob(
      deps(render),
      defaultRenderOptions(snapshot.meta.frameRate),
      () => undefined,
    );
    await flush();
    job.cancel();
    expect(await job.finished).toEqual({ name: 'cancelled' });
    expect(render.cancelled()).toBe(true);
  });

  test('a failed encode is a stage with the reason, not an exception', async () => {
    const render = fakeRender();
    const job = startAnimaticJob(
      deps(render),
      defaultRenderOptions(snapshot.meta.frameRate),
      () => undefined,
    );
    await flush();
    render.fail(new Error('The encoder ran out of memory.'));
    expect(await job.finished).toEqual({
      name: 'failed',
      message: 'The encoder ran out of memory.',
    });
  });
});
