import * as Comlink from 'comlink';
import type { SketchInput } from './sketchInput';
import type { SketchWorkerApi } from './sketchWorkerApi';

/** A sketch takes tens of milliseconds; one still running after this has hung. */
export const SKETCH_WATCHDOG_MS = 20_000;

/** One running sketch worker, as the client sees it. */
export interface SketchWorkerHandle {
  readonly api: SketchWorkerApi;
  terminate(): void;
  /** Registers the listener for the worker dying on its own (a load or script error). */
  onCrash(listener: (error: Error) => void): void;
}

export type SpawnSketchWorker = () => SketchWorkerHandle;

export interface SketchClient {
  /** PNG bytes of the sketch for `input` at `width`×`height`, drawn off the main thread. */
  sketchFrame(input: SketchInput, width: number, height: number): Promise<Uint8Array>;
  /** Stops the worker; calls still running reject. The next call starts a new worker. */
  dispose(): void;
}

export interface SketchClientOptions {
  readonly spawn?: SpawnSketchWorker;
  readonly timeoutMs?: number;
}

/** The real worker. The `new URL(…)` must stay literal so Vite finds and bundles the worker. */
export const spawnSketchWorker: SpawnSketchWorker = () => {
  const worker = new Worker(new URL('../../../workers/sketch.worker.ts', import.meta.url), {
    type: 'module',
  });
  const remote = Comlink.wrap<SketchWorkerApi>(worker);
  return {
    api: { sketch: (input, width, height) => remote.sketch(input, width, height) },
    terminate: () => worker.terminate(),
    onCrash(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(new Error(`The sketch worker failed: ${event.message || 'it could not start'}`));
      });
    },
  };
};

interface Running {
  readonly handle: SketchWorkerHandle;
  /** Each running call's rejecter and shot number, so a restart can fail them all by name. */
  readonly pending: Map<(error: Error) => void, string>;
}

/**
 * Lazily starts one worker and sends every sketch to it. A watchdog stops a call that runs too
 * long: the worker is terminated (it may be stuck in a loop), the call fails with a clear error,
 * and the next call gets a fresh worker.
 */
export function createSketchClient(options: SketchClientOptions = {}): SketchClient {
  const spawn = options.spawn ?? spawnSketchWorker;
  const timeoutMs = options.timeoutMs ?? SKETCH_WATCHDOG_MS;
  let running: Running | null = null;

  const stop = (target: Running, reason: (shotNumber: string) => Error): void => {
    if (running === target) running = null;
    target.handle.terminate();
    for (const [reject, shotNumber] of [...target.pending]) reject(reason(shotNumber));
    target.pending.clear();
  };

  const current = (): Running => {
    if (running) return running;
    const started: Running = { handle: spawn(), pending: new Map() };
    started.handle.onCrash((error) => stop(started, () => error));
    running = started;
    return started;
  };

  return {
    sketchFrame(input, width, height) {
      const worker = current();
      return new Promise<Uint8Array>((resolve, reject) => {
        let settled = false;
        const finish = (): boolean => {
          if (settled) return false;
          settled = true;
          clearTimeout(timer);
          worker.pending.delete(fail);
          return true;
        };
        const fail = (error: Error): void => {
          if (finish()) reject(error);
        };
        const timer = setTimeout(() => {
          if (!finish()) return;
          reject(new Error(`Sketching frame ${input.shotNumber} took too long and was stopped`));
          stop(
            worker,
            (other) =>
              new Error(
                `Sketching frame ${other} was stopped because frame ${input.shotNumber} hung the sketch worker`,
              ),
          );
        }, timeoutMs);
        worker.pending.set(fail, input.shotNumber);
        worker.handle.api.sketch(input, width, height).then(
          (bytes) => {
            if (finish()) resolve(new Uint8Array(bytes));
          },
          (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
    dispose() {
      if (running) {
        stop(running, (shotNumber) => new Error(`Sketching frame ${shotNumber} was cancelled`));
      }
    },
  };
}

let shared: SketchClient | null = null;

function sharedClient(): SketchClient {
  shared ??= createSketchClient();
  return shared;
}

/** PNG bytes of the sketch for `input`, from the app's one shared sketch worker. */
export function sketchFrame(
  input: SketchInput,
  width: number,
  height: number,
): Promise<Uint8Array> {
  return sharedClient().sketchFrame(input, width, height);
}

/** Stops the shared sketch worker (e.g. when the project closes). */
export function dispose(): void {
  shared?.dispose();
}
