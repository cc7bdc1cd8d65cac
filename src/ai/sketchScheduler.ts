import type { ProjectSnapshot } from '../model/project';
import type { AssetStore } from '../store/assets';
import type { ProjectSession } from '../store/projectSession';
import type { SketchInput } from './sketch/sketchInput';
import { isSketchStillWanted, sketchJobsFor, sketchSize, type SketchJob } from './sketchForShot';

/** Draws a sketch and returns PNG bytes (the worker client in the app, a fake in tests). */
export type SketchFn = (input: SketchInput, width: number, height: number) => Promise<Uint8Array>;

export interface SketchProgress {
  /** Sketches finished in the current batch. */
  readonly done: number;
  /** Size of the current batch; 0 when idle. */
  readonly total: number;
  readonly lastError: string | null;
}

/** Waits for edits to settle before sketching, so typing a caption does not redraw per key. */
export const SKETCH_DEBOUNCE_MS = 400;

const IDLE: SketchProgress = { done: 0, total: 0, lastError: null };

/**
 * Keeps every shot of an open project supplied with an up-to-date sketch: shots without a frame
 * get one, and sketches whose shot changed are redrawn. One sketch at a time (the worker is one
 * thread anyway); results are stored as assets and set on the shot as app edits (not undo
 * steps). An input that failed is not retried until it changes, so a broken shot cannot loop.
 */
export class SketchScheduler {
  private progress: SketchProgress = IDLE;
  private readonly listeners = new Set<() => void>();
  private readonly failedSignatures = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly session: ProjectSession,
    private readonly assets: AssetStore,
    private readonly sketch: SketchFn,
  ) {
    this.unsubscribe = session.subscribe(() => this.schedule());
    this.schedule(0);
  }

  getProgress = (): SketchProgress => this.progress;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves when no sketch is pending (tests, and the render button waits on it). */
  async idle(): Promise<void> {
    while (!this.stopped && (this.running || this.timer || this.pendingJobs().length > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Tries again the sketches that failed (after the user fixed what was wrong, or just hoped). */
  retryFailed(): void {
    this.failedSignatures.clear();
    this.setProgress({ ...this.progress, lastError: null });
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
    this.listeners.clear();
  }

  private schedule(delayMs = SKETCH_DEBOUNCE_MS) {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
  }

  private pendingJobs(): SketchJob[] {
    if (this.session.readOnly) return [];
    return sketchJobsFor(this.snapshot()).filter(
      (job) => !this.failedSignatures.has(job.signature),
    );
  }

  private snapshot(): ProjectSnapshot {
    return this.session.getState().snapshot;
  }

  private async run() {
    this.running = true;
    try {
      for (
        let jobs = this.pendingJobs();
        jobs.length > 0 && !this.stopped;
        jobs = this.pendingJobs()
      ) {
        let done = 0;
        this.setProgress({ done, total: jobs.length, lastError: this.progress.lastError });
        for (const job of jobs) {
          if (this.stopped) return;
          await this.runJob(job);
          this.setProgress({ ...this.progress, done: ++done });
        }
      }
      this.setProgress({ ...IDLE, lastError: this.progress.lastError });
    } finally {
      this.running = false;
    }
  }

  private async runJob(job: SketchJob) {
    // The shot may have changed or gone while earlier jobs ran: only draw what is still wanted.
    const stillWanted = () => isSketchStillWanted(this.snapshot(), job);
    if (!stillWanted()) return;
    try {
      const { width, height } = sketchSize(job.input.aspectRatio);
      const bytes = await this.sketch(job.input, width, height);
      const hash = await this.assets.put(bytes, 'image/png');
      if (this.stopped || !stillWanted()) return;
      this.session.run('frame/set', {
        shotId: job.shotId,
        frame: { hash, source: 'sketch', signature: job.signature },
      });
    } catch (error) {
      this.failedSignatures.add(job.signature);
      const reason = error instanceof Error ? error.message : String(error);
      this.setProgress({ ...this.progress, lastError: `Shot ${job.input.shotNumber}: ${reason}` });
    }
  }

  private setProgress(progress: SketchProgress) {
    this.progress = progress;
    for (const listener of this.listeners) listener();
  }
}
