import type { AudioMixPlan } from './audioPlan';
import type { HoldStrategy } from './holds';
import type { RenderPlan } from './renderPlan';
import type { EnginePreference, OutputFormat, VideoCodecChoice } from './renderOptions';

/** What to write: container, codec and bitrate (GIF has neither codec choice nor bitrate). */
export interface OutputSpec {
  readonly format: OutputFormat;
  /** Null for GIF. */
  readonly codec: VideoCodecChoice | null;
  /** Video bits per second (ignored for GIF). */
  readonly bitrate: number;
  readonly engine: EnginePreference;
}

/** The sound to mix: the plan and each source's bytes (asset hash → blob). */
export interface AudioMixInput {
  readonly plan: AudioMixPlan;
  readonly sources: Readonly<Record<string, Blob>>;
}

/** Mixed sound, planar: one Float32Array per channel, all of the same length. */
export interface MixedAudio {
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
}

/** What the page asks for (src/export/animatic.ts builds it from a project). */
export interface RenderRequest {
  readonly plan: RenderPlan;
  /** frameKey → image blob (PNG, JPEG or WebP). Blobs cross to the worker without a copy. */
  readonly frames: Readonly<Record<string, Blob>>;
  /** clipKey → MP4 or WebM blob: clips that play instead of shots' pictures. */
  readonly clips?: Readonly<Record<string, Blob>>;
  readonly output: OutputSpec;
  /** Null: a silent animatic (and GIFs are always silent). */
  readonly audio: AudioMixInput | null;
  /** How holds are encoded (renderOptions.ts holdStrategyFor); DEFAULT_HOLD_STRATEGY when absent. */
  readonly holds?: HoldStrategy;
}

/**
 * What the worker gets. OfflineAudioContext does not exist in Chromium's workers, so the client
 * mixes on the page and sends PCM (`pcm`); a worker that has it mixes there (`mix`).
 */
export interface RenderJob extends Omit<RenderRequest, 'audio'> {
  readonly audio:
    | { readonly kind: 'pcm'; readonly mixed: MixedAudio }
    | { readonly kind: 'mix'; readonly input: AudioMixInput }
    | null;
  /** Problems met before the worker started (an audio file that would not decode…). */
  readonly warnings: readonly string[];
}

export type RenderStage = 'starting' | 'mixing' | 'video' | 'audio' | 'finishing';

export interface RenderProgress {
  /** Frames of the timeline already encoded (a hold counts all the frames it covers). */
  readonly framesDone: number;
  readonly framesTotal: number;
  /** Estimated time left; null until there is something to extrapolate from. */
  readonly etaMs: number | null;
  /** What is happening; absent means 'video'. */
  readonly stage?: RenderStage;
}

export interface RenderResult {
  readonly bytes: ArrayBuffer;
  readonly mimeType: string;
  /** Duration of the file's timeline (end of the last video sample), in milliseconds. */
  readonly durationMs: number;
  /** The codec string or name the encoder was configured with, e.g. `avc1.640028`, `libx264`. */
  readonly codecString: string;
  /** `aac`, `opus` or null for a silent file. */
  readonly audioCodec: string | null;
  /** Encoded video samples in the file (frames as ffprobe counts them). */
  readonly sampleCount: number;
  readonly engine: 'webcodecs' | 'ffmpeg';
  /** Things the user should know that did not stop the render. */
  readonly warnings: readonly string[];
}

export type ProgressListener = (progress: RenderProgress) => void;

export interface WorkerCapabilities {
  /** Whether this worker can mix audio itself. */
  readonly offlineAudioContext: boolean;
}

/** What workers/render.worker.ts exposes over Comlink. */
export interface RenderWorkerApi {
  capabilities(): Promise<WorkerCapabilities>;
  renderAnimatic(job: RenderJob, onProgress: ProgressListener): Promise<RenderResult>;
}
