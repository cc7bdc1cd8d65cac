import * as Comlink from 'comlink';
import type { ExecCallbacks, ExecTask } from './execTask';

/** What workers/ffmpeg.worker.ts exposes over Comlink. */
export interface FfmpegWorkerApi {
  run(
    task: ExecTask,
    onFrames: (framesRead: number) => void,
    onLog: (line: string) => void,
  ): Promise<Record<string, Uint8Array>>;
}

export type ExecWorkerHandle = Comlink.Endpoint & { terminate(): void };

function createExecWorker(): ExecWorkerHandle {
  return new Worker(new URL('../../../workers/ffmpeg.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-ffmpeg',
  });
}

/**
 * Runs one ffmpeg task in a fresh worker and terminates it afterwards, whatever happened. A
 * core that crashes or dies is reported as an error here; one that hangs stops sending progress
 * and the page's watchdog (renderClient.ts) ends the whole render, these workers with it.
 */
export function execInFreshWorker(
  task: ExecTask,
  callbacks: ExecCallbacks = {},
  createWorker: () => ExecWorkerHandle = createExecWorker,
): Promise<Record<string, Uint8Array>> {
  const worker = createWorker();
  // Held until the task ends (workerJob.ts says why): a collected proxy releases the worker's end.
  const remote = Comlink.wrap<FfmpegWorkerApi>(worker);
  return new Promise<Record<string, Uint8Array>>((resolve, reject) => {
    const onError = (event: Event) => {
      event.preventDefault();
      const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
      reject(
        new Error(`The ffmpeg.wasm worker stopped: ${detail || 'it failed to start or crashed'}`),
      );
    };
    worker.addEventListener('error', onError);
    const transfers = Object.values(task.streams ?? {}).flatMap((source) =>
      source.kind === 'images'
        ? source.images.map((image) => image.bytes.buffer as ArrayBuffer)
        : [],
    );
    remote
      .run(
        Comlink.transfer(task, transfers),
        Comlink.proxy((n: number) => callbacks.onFrames?.(n)),
        Comlink.proxy((line: string) => callbacks.onLog?.(line)),
      )
      .then(resolve, reject);
  }).finally(() => {
    remote[Comlink.releaseProxy]();
    worker.terminate();
  });
}
