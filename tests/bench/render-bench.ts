// Bench page: renders a synthetic animatic through the real client + worker and reports figures.
// Driven by tests/bench/render.bench.mjs; nothing here asserts, it only measures.
import { fps } from '../../src/model/units';
import { buildAudioMixPlan } from '../../src/render/audioPlan';
import { compositionAt } from '../../src/render/compose/composition';
import { drawComposition } from '../../src/render/compose/draw';
import { createPictureCache } from '../../src/render/pictureCache';
import type { HoldStrategy } from '../../src/render/holds';
import { startRender } from '../../src/render/renderClient';
import { buildRenderPlan, frameTimeMs, type RenderPlan } from '../../src/render/renderPlan';
import {
  videoBitrate,
  type EnginePreference,
  type OutputFormat,
} from '../../src/render/renderOptions';
import type { AudioMixInput, RenderProgress } from '../../src/render/renderTypes';
import { resolutionFor } from '../../src/render/resolution';
import { makeAnimaticBoard, type AnimaticBoard } from './bench-board';
import { checkInVideo, type ProbeRequest, type VideoCheck } from './bench-video-check';

export interface BenchConfig {
  readonly name: string;
  readonly format: OutputFormat;
  readonly codec: 'avc' | 'vp9' | 'av1' | null;
  readonly engine: EnginePreference;
  /** Output height class (16:9 box), or the GIF width for GIFs. */
  readonly resolution: 720 | 1080 | 2160 | number;
  readonly frameRate: number;
  readonly shotCount: number;
  readonly totalMs: number;
  readonly moves: number;
  readonly crossfades: number;
  /** A music bed (a generated tone) mixed under the animatic. */
  readonly audio?: boolean;
  /** How holds are encoded: `cfr` (constant frame rate, the app's default) or `repeat-1s` (VFR). */
  readonly holds?: HoldStrategy;
}

export interface BenchRun {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
  readonly wallMs: number;
  /** startRender → first progress event: worker start-up and module load. */
  readonly firstProgressMs: number;
  readonly framesTotal: number;
  /** Frames drawn and encoded one by one (camera moves, crossfades). */
  readonly motionFrames: number;
  readonly holdRuns: number;
  readonly planDurationUs: number;
  readonly resultDurationMs: number;
  readonly codecString: string;
  readonly audioCodec: string | null;
  readonly engine: string;
  readonly sampleCount: number;
  readonly sizeBytes: number;
  readonly progressEvents: number;
  readonly maxProgressGapMs: number;
  readonly lastProgress: { framesDone: number; framesTotal: number } | null;
  readonly warnings: readonly string[];
  readonly moveCount: number;
  readonly crossfadeCount: number;
  /** The third shot (still, cuts both sides): middle and 1.5 frames before its end. */
  readonly thirdShot: { readonly midS: number; readonly lateS: number; readonly rgb: number[] };
  /** A time in the middle of the first crossfade, and the shots either side. */
  readonly crossfade: {
    readonly timeS: number;
    readonly before: number[];
    readonly after: number[];
  } | null;
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
      finishLast(videoCheck: boolean): Promise<VideoCheck | null>;
      exportFrames(
        config: BenchConfig,
        quality: number,
      ): Promise<{ frames: number; files: number; wallMs: number }>;
      behaviour(): Promise<BehaviourChecks>;
    };
  }
}

const ASPECT_16_9 = 16 / 9;
const MUSIC_TONE_HZ = 330;
const MUSIC_GAIN = 0.2;
const SAMPLE_RATE = 48_000;
const boards = new Map<string, Promise<AnimaticBoard>>();

function boardFor(config: BenchConfig): Promise<AnimaticBoard> {
  const key = `${config.shotCount}/${config.totalMs}/${config.moves}/${config.crossfades}`;
  let board = boards.get(key);
  if (board === undefined) {
    board = makeAnimaticBoard(config.shotCount, config.totalMs, config.moves, config.crossfades);
    boards.set(key, board);
  }
  return board;
}

function sizeFor(config: BenchConfig) {
  if (config.format === 'gif') {
    const width = config.resolution;
    return { width, height: Math.round(width / ASPECT_16_9 / 2) * 2 };
  }
  return resolutionFor(ASPECT_16_9, config.resolution as 720 | 1080 | 2160);
}

async function planFor(config: BenchConfig): Promise<{ plan: RenderPlan; board: AnimaticBoard }> {
  const board = await boardFor(config);
  const plan = buildRenderPlan({
    shots: board.shots,
    frameRate: fps(config.frameRate),
    ...sizeFor(config),
  });
  return { plan, board };
}

/** A 16-bit PCM WAV of a soft tone: the "music" of the audio runs. */
async function toneWav(seconds: number): Promise<Blob> {
  const length = Math.round(seconds * SAMPLE_RATE);
  const ctx = new OfflineAudioContext(1, length, SAMPLE_RATE);
  const osc = ctx.createOscillator();
  osc.frequency.value = MUSIC_TONE_HZ;
  const gain = ctx.createGain();
  gain.gain.value = MUSIC_GAIN;
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  const data = (await ctx.startRendering()).getChannelData(0);
  const out = new DataView(new ArrayBuffer(44 + length * 2));
  const text = (at: number, s: string) =>
    [...s].forEach((c, i) => out.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  out.setUint32(4, 36 + length * 2, true);
  text(8, 'WAVEfmt ');
  out.setUint32(16, 16, true);
  out.setUint16(20, 1, true);
  out.setUint16(22, 1, true);
  out.setUint32(24, SAMPLE_RATE, true);
  out.setUint32(28, SAMPLE_RATE * 2, true);
  out.setUint16(32, 2, true);
  out.setUint16(34, 16, true);
  text(36, 'data');
  out.setUint32(40, length * 2, true);
  data.forEach((v, i) => out.setInt16(44 + i * 2, Math.max(-1, Math.min(1, v)) * 0x7fff, true));
  return new Blob([out.buffer], { type: 'audio/wav' });
}

async function audioFor(plan: RenderPlan): Promise<AudioMixInput | null> {
  const durationMs = plan.totalDurationUs / 1000;
  const key = 'f'.repeat(64);
  const mix = buildAudioMixPlan(
    [],
    { assetHash: key as never, volume: 1, fadeInMs: 500 as never, fadeOutMs: 1000 as never },
    durationMs,
  );
  if (mix === null) return null;
  return { plan: mix, sources: { [key]: await toneWav(durationMs / 1000) } };
}

/**
 * Pieces an upload is cut into. Every request passes through Playwright's router (the bench
 * refuses anything but loopback), and a 100 MB body in one request reaches Playwright as a single
 * protocol message over its 512 MB string limit (the body is inlined and escaped, twice).
 */
const UPLOAD_PIECE_BYTES = 8 * 1024 * 1024;

/** Saves a file through the bench server (127.0.0.1) into tests/.artifacts/render-bench. */
async function saveArtifact(name: string, bytes: ArrayBuffer): Promise<void> {
  for (let offset = 0; offset === 0 || offset < bytes.byteLength; offset += UPLOAD_PIECE_BYTES) {
    const piece = bytes.slice(offset, offset + UPLOAD_PIECE_BYTES);
    const query = `name=${encodeURIComponent(name)}&offset=${offset}`;
    const response = await fetch(`/__bench/artifact?${query}`, { method: 'POST', body: piece });
    if (!response.ok) throw new Error(`saving ${name} failed: ${response.status}`);
  }
}

function probesFor(plan: RenderPlan, board: AnimaticBoard): ProbeRequest[] {
  const frameS = 1 / plan.frameRate;
  const probes: ProbeRequest[] = [];
  for (const index of board.stillShots) {
    const segment = plan.segments[index];
    const expected = board.probeColours[index];
    if (!segment || !expected) continue;
    const startS = segment.startUs / 1e6;
    const endS = (segment.startUs + segment.durationUs) / 1e6;
    probes.push({ shot: index + 1, timeS: (startS + endS) / 2, expected });
    probes.push({ shot: index + 1, timeS: endS - 1.5 * frameS, expected });
  }
  return probes;
}

async function run(config: BenchConfig): Promise<BenchRun> {
  const { plan, board } = await planFor(config);
  const audio = config.audio ? await audioFor(plan) : null;
  let progressEvents = 0;
  let firstProgressMs = Number.NaN;
  let lastProgressAt = performance.now();
  let maxProgressGapMs = 0;
  let lastProgress: BenchRun['lastProgress'] = null;
  const startedAt = performance.now();
  const handle = startRender(
    {
      plan,
      frames: board.frames,
      audio,
      ...(config.holds ? { holds: config.holds } : {}),
      output: {
        format: config.format,
        codec: config.codec,
        bitrate: videoBitrate('high', config.codec ?? 'avc', plan, config.frameRate),
        engine: config.engine,
      },
    },
    {
      onProgress: (p: RenderProgress) => {
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
  lastRender = { name: `${config.name}.${config.format}`, result, plan, board };
  const third = plan.segments[2];
  const fade = plan.timeline.transitions[0];
  return {
    name: config.name,
    width: plan.width,
    height: plan.height,
    frameRate: config.frameRate,
    wallMs,
    firstProgressMs,
    framesTotal: plan.totalFrames,
    motionFrames: plan.runs
      .filter((r) => r.kind === 'motion')
      .reduce((n, r) => n + r.frameCount, 0),
    holdRuns: plan.runs.filter((r) => r.kind === 'hold').length,
    planDurationUs: plan.totalDurationUs,
    resultDurationMs: result.durationMs,
    codecString: result.codecString,
    audioCodec: result.audioCodec,
    engine: result.engine,
    sampleCount: result.sampleCount,
    sizeBytes: result.bytes.byteLength,
    progressEvents,
    maxProgressGapMs,
    lastProgress,
    warnings: result.warnings,
    moveCount: board.moveCount,
    crossfadeCount: board.crossfadeCount,
    thirdShot: {
      midS: third ? (third.startUs + third.durationUs / 2) / 1e6 : 0,
      lateS: third ? (third.startUs + third.durationUs) / 1e6 - 1.5 / config.frameRate : 0,
      rgb: [...(board.probeColours[2] ?? [0, 0, 0])],
    },
    crossfade: fade
      ? {
          timeS: fade.cutMs / 1000,
          before: [...(board.probeColours[fade.outgoing] ?? [])],
          after: [...(board.probeColours[fade.outgoing + 1] ?? [])],
        }
      : null,
  };
}

let lastRender: {
  name: string;
  result: { bytes: ArrayBuffer; mimeType: string };
  plan: RenderPlan;
  board: AnimaticBoard;
} | null = null;

/**
 * After the measured render: saves the file for ffprobe and plays it in a <video> (playback
 * allocates decoder memory that must not count as the render's).
 */
async function finishLast(videoCheck: boolean): Promise<VideoCheck | null> {
  if (lastRender === null) throw new Error('nothing rendered yet');
  const { name, result, plan, board } = lastRender;
  lastRender = null;
  await saveArtifact(name, result.bytes);
  return videoCheck && !name.endsWith('.gif')
    ? checkInVideo(result.bytes, result.mimeType, plan, probesFor(plan, board))
    : null;
}

/**
 * Writes the animatic's composed frames as numbered JPEGs (through the bench server) for the
 * native ffmpeg reference: the same compose functions, the same frame grid. A hold is drawn and
 * encoded once and the server writes it under each of its frame numbers.
 */
async function exportFrames(config: BenchConfig, quality: number) {
  const startedAt = performance.now();
  const { plan, board } = await planFor(config);
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (ctx === null) throw new Error('no 2d context');
  const pictures = createPictureCache(plan.runs, board.frames);
  let files = 0;
  const send = async (frame: number, repeat: number) => {
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    const response = await fetch(`/__bench/frame?index=${frame}&repeat=${repeat}`, {
      method: 'POST',
      body: jpeg,
    });
    if (!response.ok) throw new Error(`frame ${frame}: ${response.status}`);
    files += 1;
  };
  try {
    for (const [index, run] of plan.runs.entries()) {
      const lookup = await pictures.acquire(index);
      const frames =
        run.kind === 'hold'
          ? [run.startFrame]
          : Array.from({ length: run.frameCount }, (_, i) => run.startFrame + i);
      for (const f of frames) {
        drawComposition(
          ctx,
          plan,
          compositionAt(plan.timeline, frameTimeMs(f, plan.frameRate)),
          lookup,
        );
        await send(f, run.kind === 'hold' ? run.frameCount : 1);
      }
      pictures.releaseThrough(index);
    }
  } finally {
    pictures.close();
  }
  return { frames: plan.totalFrames, files, wallMs: performance.now() - startedAt };
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

async function behaviour(): Promise<BehaviourChecks> {
  const config: BenchConfig = {
    name: 'behaviour',
    format: 'mp4',
    codec: 'avc',
    engine: 'webcodecs',
    resolution: 1080,
    frameRate: 30,
    shotCount: 40,
    totalMs: 120_000,
    moves: 40,
    crossfades: 0,
  };
  const { plan, board } = await planFor(config);
  const output = {
    format: 'mp4' as const,
    codec: 'avc' as const,
    bitrate: 6_000_000,
    engine: 'auto' as const,
  };
  let cancelledAt = 0;
  const handle = startRender(
    { plan, frames: board.frames, output, audio: null },
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
    output: { ...output, engine: 'webcodecs' },
    audio: null,
  }).promise.then(
    () => ({ rejectedWith: 'resolved (encoded 16384×16384?)' }),
    (error: unknown) => ({ rejectedWith: describeError(error) }),
  );
  return { cancel, oversize };
}

window.renderBench = { run, finishLast, exportFrames, behaviour };
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
