// Bench page: renders a synthetic board through the real client + worker and reports figures.
// Driven by tests/bench/render.bench.mjs; nothing here asserts, it only measures.
import { fps } from '../../src/model/units';
import type { HoldStrategy } from '../../src/render/holds';
import { startRender } from '../../src/render/renderClient';
import { buildRenderPlan } from '../../src/render/renderPlan';
import { resolutionFor, type ResolutionClass } from '../../src/render/resolution';
import { makeBoard, type BenchBoard } from './bench-board';
import { checkInVideo, type VideoCheck } from './bench-video-check';

export interface BenchConfig {
  readonly name: string;
  readonly resolution: ResolutionClass;
  readonly frameRate: number;
  readonly holds: HoldStrategy;
  readonly shotCount: number;
  readonly totalMs: number;
  /** Skip the <video> playback check (the warm-up run). */
  readonly skipVideoCheck?: boolean;
}

export interface BenchRun {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
  readonly holds: HoldStrategy;
  readonly wallMs: number;
  /** startRender → first progress: worker start-up and module load. */
  readonly firstProgressMs: number;
  readonly framesTotal: number;
  readonly planDurationUs: number;
  readonly resultDurationMs: number;
  readonly codecString: string;
  readonly sampleCount: number;
  readonly sizeBytes: number;
  readonly progressEvents: number;
  readonly maxProgressGapMs: number;
  readonly lastProgress: { framesDone: number; framesTotal: number } | null;
  readonly segments: { startUs: number; durationUs: number }[];
  readonly probeColours: (readonly number[])[];
  readonly video: VideoCheck | null;
}

export interface BehaviourChecks {
  /** cancel() right after the first progress event: what the promise rejected with, and when. */
  readonly cancel: { readonly rejectedWith: string; readonly afterMs: number };
  /** A size no H.264 encoder takes: the error the caller sees. */
  readonly oversize: { readonly rejectedWith: string };
}

declare global {
  interface Window {
    renderBench?: {
      run(config: BenchConfig): Promise<BenchRun>;
      behaviour(): Promise<BehaviourChecks>;
    };
  }
}

const ASPECT_16_9 = 16 / 9;
const boards = new Map<string, Promise<BenchBoard>>();

function boardFor(shotCount: number, totalMs: number): Promise<BenchBoard> {
  const key = `${shotCount}/${totalMs}`;
  let board = boards.get(key);
  if (board === undefined) {
    board = makeBoard(shotCount, totalMs);
    boards.set(key, board);
  }
  return board;
}

/** Saves the MP4 through the bench server (127.0.0.1) into tests/.artifacts. */
async function saveArtifact(name: string, bytes: ArrayBuffer): Promise<void> {
  const response = await fetch(`/__bench/artifact?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body: bytes,
  });
  if (!response.ok) throw new Error(`saving ${name} failed: ${response.status}`);
}

async function run(config: BenchConfig): Promise<BenchRun> {
  const board = await boardFor(config.shotCount, config.totalMs);
  const { width, height } = resolutionFor(ASPECT_16_9, config.resolution);
  const plan = buildRenderPlan({
    shots: board.shots,
    frameRate: fps(config.frameRate),
    width,
    height,
  });

  let progressEvents = 0;
  let firstProgressMs = Number.NaN;
  let lastProgressAt = performance.now();
  let maxProgressGapMs = 0;
  let lastProgress: BenchRun['lastProgress'] = null;
  const startedAt = performance.now();
  const handle = startRender(
    { plan, frames: board.frames, codec: 'avc', holds: config.holds },
    {
      onProgress: (p) => {
        const now = performance.now();
        if (progressEvents === 0) firstProgressMs = now - startedAt;
        maxProgressGapMs = Math.max(maxProgressGapMs, now - lastProgressAt);
        lastProgressAt = now;
        progressEvents += 1;
        lastProgress = { framesDone: p.framesDone, framesTotal: p.framesTotal };
      },
    },
  );
  const result = await handle.promise;
  const wallMs = performance.now() - startedAt;

  const sizeBytes = result.bytes.byteLength;
  const video = config.skipVideoCheck
    ? null
    : await checkInVideo(result.bytes, plan, board.probeColours);
  await saveArtifact(`${config.name}.mp4`, result.bytes);
  return {
    name: config.name,
    width,
    height,
    frameRate: config.frameRate,
    holds: config.holds,
    wallMs,
    firstProgressMs,
    framesTotal: plan.totalFrames,
    planDurationUs: plan.totalDurationUs,
    resultDurationMs: result.durationMs,
    codecString: result.codecString,
    sampleCount: result.sampleCount,
    sizeBytes,
    progressEvents,
    maxProgressGapMs,
    lastProgress,
    segments: plan.segments.map((s) => ({ startUs: s.startUs, durationUs: s.durationUs })),
    probeColours: board.probeColours.map((c) => [...c]),
    video,
  };
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

async function behaviour(): Promise<BehaviourChecks> {
  const board = await boardFor(40, 120_000);
  const plan = buildRenderPlan({
    shots: board.shots,
    frameRate: fps(30),
    width: 1920,
    height: 1080,
  });
  let cancelledAt = 0;
  const handle = startRender(
    { plan, frames: board.frames, codec: 'avc', holds: 'cfr' },
    {
      onProgress: (p) => {
        if (p.framesDone > 0 && cancelledAt === 0) {
          cancelledAt = performance.now();
          handle.cancel();
        }
      },
    },
  );
  const cancel = await handle.promise.then(
    () => ({ rejectedWith: 'resolved (not cancelled)', afterMs: Number.NaN }),
    (error: unknown) => ({
      rejectedWith: describeError(error),
      afterMs: performance.now() - cancelledAt,
    }),
  );

  const huge = buildRenderPlan({
    shots: board.shots.slice(0, 2),
    frameRate: fps(24),
    width: 16384,
    height: 16384,
  });
  const oversize = await startRender({
    plan: huge,
    frames: board.frames,
    codec: 'avc',
  }).promise.then(
    () => ({ rejectedWith: 'resolved (encoded 16384×16384?)' }),
    (error: unknown) => ({ rejectedWith: describeError(error) }),
  );
  return { cancel, oversize };
}

window.renderBench = { run, behaviour };
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
