import * as Comlink from 'comlink';
import { mixAudio, offlineAudioAvailable } from './audioMix';
import type {
  AudioMixInput,
  MixedAudio,
  ProgressListener,
  RenderJob,
  RenderRequest,
  RenderResult,
  RenderWorkerApi,
} from './renderTypes';

/**
 * A render that reports nothing for this long is treated as hung. Progress is reported at least
 * once per encoded sample or frame handed to ffmpeg, and long steps without frames (audio, the
 * final mux) send heartbeats, so only a stuck encoder or a dead worker trips it. ffmpeg.wasm has
 * no error event for a crashed core (PITFALLS.md): this is what turns that into a message.
 */
export const WATCHDOG_TIMEOUT_MS = 30_000;

export class RenderCancelledError extends Error {
  override readonly name = 'RenderCancelledError';
  constructor() {
    super('The render was cancelled.');
  }
}

/** What startRender needs of a worker; a real `Worker` fits, tests pass a fake. */
export type RenderWorkerHandle = Comlink.Endpoint & { terminate(): void };

/** Mixes audio where the worker cannot; tests pass a fake. */
export type PageMixer = (
  input: AudioMixInput,
) => Promise<{ mixed: MixedAudio; warnings: string[] }>;

export interface StartRenderOptions {
  readonly onProgress?: ProgressListener;
  /** Tests only. */
  readonly mixOnPage?: PageMixer;
  /** Tests only. */
  readonly createWorker?: () => RenderWorkerHandle;
  /** Tests only. */
  readonly watchdogTimeoutMs?: number;
}

export interface RenderHandle {
  readonly promise: Promise<RenderResult>;
  /** Stops the render at once; `promise` rejects with RenderCancelledError. */
  cancel(): void;
}

function createRenderWorker(): RenderWorkerHandle {
  // A fresh worker per job: encoders and bitmaps die with it, and one crashed job cannot poison
  // the next (ffmpeg.wasm taught everyone that lesson, see PITFALLS.md).
  return new Worker(new URL('../../workers/render.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-render',
  });
}

/**
 * Runs a render in its own worker. The promise always settles (result, cancel, worker error or
 * watchdog) and the worker is always terminated afterwards.
 *
 * Audio: the worker says whether it can mix (OfflineAudioContext); Chromium's workers cannot, so
 * then the page mixes and the PCM moves to the worker (transferred, not copied).
 */
export function startRender(
  request: RenderRequest,
  options: StartRenderOptions = {},
): RenderHandle {
  const { onProgress, createWorker = createRenderWorker, mixOnPage = mixAudio } = options;
  const watchdogTimeoutMs = options.watchdogTimeoutMs ?? WATCHDOG_TIMEOUT_MS;
  const worker = createWorker();
  // Held until the render settles (export/workerJob.ts says why).
  const remote = Comlink.wrap<RenderWorkerApi>(worker);
  let settled = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let settle: (outcome: { result: RenderResult } | { error: Error }) => void = () => undefined;

  const promise = new Promise<RenderResult>((resolve, reject) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      worker.removeEventListener('error', onWorkerError);
      worker.removeEventListener('messageerror', onMessageError);
      remote[Comlink.releaseProxy]();
      worker.terminate();
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
  });

  function armWatchdog(): void {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      const seconds = Math.round(watchdogTimeoutMs / 1000);
      settle({
        error: new Error(
          `The render stopped responding (no progress for ${seconds} s) and was stopped.`,
        ),
      });
    }, watchdogTimeoutMs);
  }

  function onWorkerError(event: Event): void {
    // Uncaught errors, out-of-memory and a worker script that fails to load all land here; a
    // load failure carries no message, so say what it most likely was.
    event.preventDefault();
    const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
    const message = detail || 'it failed to start or crashed';
    settle({ error: new Error(`The render worker stopped: ${message}`) });
  }

  function onMessageError(): void {
    settle({ error: new Error('The render worker sent a message that could not be read.') });
  }

  worker.addEventListener('error', onWorkerError);
  worker.addEventListener('messageerror', onMessageError);
  armWatchdog();

  const progressListener: ProgressListener = (progress) => {
    if (settled) return;
    armWatchdog();
    onProgress?.(progress);
  };
  async function run(): Promise<RenderResult> {
    const { audio, ...rest } = request;
    const warnings: string[] = [];
    let jobAudio: RenderJob['audio'] = null;
    if (audio !== null && request.output.format !== 'gif') {
      const capabilities = await remote.capabilities();
      if (capabilities.offlineAudioContext) {
        jobAudio = { kind: 'mix', input: audio };
      } else if (offlineAudioAvailable() || options.mixOnPage) {
        // The worker idles while the page mixes: no watchdog, the mix cannot hang.
        clearTimeout(watchdog);
        onProgress?.({
          framesDone: 0,
          framesTotal: request.plan.totalFrames,
          etaMs: null,
          stage: 'mixing',
        });
        const result = await mixOnPage(audio);
        if (settled) throw new RenderCancelledError();
        armWatchdog();
        jobAudio = { kind: 'pcm', mixed: result.mixed };
        warnings.push(...result.warnings);
      } else {
        warnings.push('This browser cannot mix audio; the animatic was rendered without sound.');
      }
    }
    const job: RenderJob = { ...rest, audio: jobAudio, warnings };
    const transfers = jobAudio?.kind === 'pcm' ? jobAudio.mixed.channels.map((c) => c.buffer) : [];
    return remote.renderAnimatic(Comlink.transfer(job, transfers), Comlink.proxy(progressListener));
  }

  run().then(
    (result) => settle({ result }),
    (error: unknown) =>
      settle({
        error: error instanceof Error ? error : new Error(`Render failed: ${String(error)}`),
      }),
  );

  return {
    promise,
    cancel: () => settle({ error: new RenderCancelledError() }),
  };
}
