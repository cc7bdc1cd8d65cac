import type { HoldStrategy } from './holds';
import type { RenderPlan } from './renderPlan';

export interface RenderJob {
  readonly plan: RenderPlan;
  /** frameKey → image blob (PNG, JPEG or WebP). Blobs cross to the worker without a copy. */
  readonly frames: Readonly<Record<string, Blob>>;
  readonly codec: 'avc';
  /** Bits per second; when absent the encoder's "high" quality preset decides. */
  readonly bitrate?: number;
  /** Benchmarks compare strategies; the app leaves this to DEFAULT_HOLD_STRATEGY. */
  readonly holds?: HoldStrategy;
}

export interface RenderProgress {
  /** Frames of the timeline already encoded (a hold counts all the frames it covers). */
  readonly framesDone: number;
  readonly framesTotal: number;
  /** Estimated time left; null until there is something to extrapolate from. */
  readonly etaMs: number | null;
}

export interface RenderResult {
  readonly bytes: ArrayBuffer;
  readonly mimeType: 'video/mp4';
  /** Duration written into the MP4 (end of the last sample), in milliseconds. */
  readonly durationMs: number;
  /** The codec string the encoder was configured with, e.g. `avc1.640028`. */
  readonly codecString: string;
  /** Encoded samples in the file (frames as ffprobe counts them). */
  readonly sampleCount: number;
}

export type ProgressListener = (progress: RenderProgress) => void;

/** What workers/render.worker.ts exposes over Comlink. */
export interface RenderWorkerApi {
  renderAnimatic(job: RenderJob, onProgress: ProgressListener): Promise<RenderResult>;
}
