import * as Comlink from 'comlink';

/** What a job needs of a worker; a real `Worker` fits, tests pass a fake. */
export type WorkerHandle = Comlink.Endpoint & { terminate(): void };

/** The person pressed Cancel: nothing was written, and nothing needs saying. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError';
  constructor() {
    super('The import was cancelled.');
  }
}

export interface WorkerJob<T> {
  /**
   * Settles once: the result (what `onTimeout` gives when the time runs out),
   * ImportCancelledError after `cancel`, or an Error when the worker itself failed.
   */
  readonly promise: Promise<T>;
  /** Stops the job at once (the worker is terminated mid-work if need be). */
  cancel(): void;
}

export interface WorkerJobSpec<Api, T> {
  readonly worker: WorkerHandle;
  /** Who failed, for messages: “The screenplay reader”. */
  readonly who: string;
  /** The job's time budget; past it the worker is terminated. */
  readonly timeMs: number;
  /** What the job ends with when its time runs out (a refusal in words). */
  readonly onTimeout: () => T;
  /**
   * `live()` is false once the job has settled: listeners must not report after that.
   * `rearm(ms)` restarts the watchdog with `ms` from now: a long job that reports steady progress
   * (OCR, page by page) is bounded per step instead of as a whole.
   */
  readonly call: (
    remote: Comlink.Remote<Api>,
    live: () => boolean,
    rearm: (milliseconds: number) => void,
  ) => Promise<T>;
}

/**
 * Runs one job in its own worker (ARCHITECTURE.md, Workers): the page's main thread only posts
 * the input and receives the result, so a big file cannot freeze the tab. A watchdog enforces the
 * time budget, Cancel terminates the worker at once, a crashed or unloadable worker fails the job
 * with a message, and the worker is always terminated afterwards.
 */
export function runWorkerJob<Api, T>(spec: WorkerJobSpec<Api, T>): WorkerJob<T> {
  const { worker, who } = spec;
  // Held until the job settles: Comlink releases the worker's end when the proxy is collected,
  // and a proxy only the pending call referred to could be collected mid-call (the reply was then
  // dropped: a job hung until its watchdog, seen in CI).
  const remote = Comlink.wrap<Api>(worker);
  let settled = false;
  let settle: (outcome: { result: T } | { error: Error }) => void = () => undefined;
  const promise = new Promise<T>((resolve, reject) => {
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
  const expire = () => settle({ result: spec.onTimeout() });
  let watchdog = setTimeout(expire, spec.timeMs);
  const rearm = (milliseconds: number): void => {
    if (settled) return;
    clearTimeout(watchdog);
    watchdog = setTimeout(expire, milliseconds);
  };

  function onWorkerError(event: Event): void {
    // Uncaught errors, out-of-memory and a worker script that fails to load all land here.
    event.preventDefault();
    const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
    settle({ error: new Error(`${who} stopped: ${detail || 'it failed to start or crashed'}`) });
  }
  function onMessageError(): void {
    settle({ error: new Error(`${who} sent a message that could not be read.`) });
  }
  worker.addEventListener('error', onWorkerError);
  worker.addEventListener('messageerror', onMessageError);

  spec
    .call(remote, () => !settled, rearm)
    .then(
      (result) => settle({ result }),
      (error: unknown) =>
        settle({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
  return { promise, cancel: () => settle({ error: new ImportCancelledError() }) };
}
