import type { SketchInput } from '../sketch/sketchInput';

/**
 * The contract every provider adapter keeps. An adapter is plain `fetch` against one API; the
 * router (src/ai/router) adds timeouts, retries, fallback, limits and the log around it.
 */

export const CAPABILITIES = [
  'text',
  'image',
  'imageWithReferences',
  'imageFromDrawing',
  'removeBackground',
  'speech',
  'imageToVideo',
  'vision',
] as const;
/**
 * `imageWithReferences`: the adapter also sends reference images (character sheets) with a
 * prompt. `imageFromDrawing`: it works from the person's drawing (image edits with a mask,
 * image-to-image, inpainting), keeping its composition. `removeBackground`: it cuts a picture's
 * subject out (the background made transparent). `imageToVideo`: it animates a still into a short
 * clip, as a long-running job (submit, poll, fetch; see `VideoJobs`). `vision`: its text model
 * also reads pictures sent with the prompt (a generated frame checked against its shot).
 */
export type Capability = (typeof CAPABILITIES)[number];

/** What a caller asks the router for; reference images ride along on `image` requests. */
export const ROUTE_CAPABILITIES = ['image', 'text', 'speech'] as const;
export type RouteCapability = (typeof ROUTE_CAPABILITIES)[number];

/**
 * What a call does, for the log and the price table: a route, or a task that rides on one
 * (background removal goes down the image providers' order, but is its own model and price).
 */
export type ModelTask = RouteCapability | 'removeBackground' | 'imageToVideo';

export const PROVIDER_KINDS = [
  'openai',
  'anthropic',
  'gemini',
  'stability',
  'openaiCompatible',
  'comfyui',
  'automatic1111',
  'elevenlabs',
  'fal',
  'sketch',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly images: number;
  /** Characters turned into speech. */
  readonly characters: number;
  /** Seconds of video made (image to video); absent means none. */
  readonly videoSeconds?: number;
}

export const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, images: 0, characters: 0 };

export interface TextRequest {
  /** Instructions; empty for none. */
  readonly system: string;
  readonly prompt: string;
  readonly maxOutputTokens: number;
}

export interface TextResult {
  readonly text: string;
  readonly usage: Usage;
}

/** A picture the text model is asked to look at, with what it is ("the frame to check"). */
export interface VisionImage {
  readonly label: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mimeType: string;
}

/** A text request with pictures: each goes after a line naming it, then the prompt. */
export interface VisionRequest extends TextRequest {
  readonly images: readonly VisionImage[];
}

export interface ReferenceImage {
  /** Whose image it is (`ANNA`), for the note that tells the model which image is whom. */
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mimeType: string;
}

export interface ImageRequest {
  /** The whole prompt, character descriptions included (every provider gets those). */
  readonly prompt: string;
  /** What to keep out of the image, for the APIs that take it separately; may be empty. */
  readonly negativePrompt: string;
  /** Width / height the frame should have; adapters pick the nearest size their API offers. */
  readonly aspectRatio: number;
  /** For the APIs that take one, so a take can be repeated; 0 … 2^31 − 1. */
  readonly seed: number;
  /** Character sheets; only adapters with `imageWithReferences` send them. */
  readonly references: readonly ReferenceImage[];
  /** Said alongside the references ("Image 1 is ANNA's character sheet…"). */
  readonly referenceNote: string;
  /** The shot as the offline sketch generator sees it; null when there is no shot (sheets). */
  readonly sketch: SketchInput | null;
}

/** A picture sent to a provider. */
export interface ImageBytes {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mimeType: string;
}

/**
 * The region a provider may change, in the two forms APIs want: white on black (AUTOMATIC1111,
 * Stability) and transparent on opaque (OpenAI's edits), both PNG at the drawing's size.
 */
export interface DrawingMask {
  readonly whiteToChange: ImageBytes;
  readonly clearToChange: ImageBytes;
}

/** Finish the person's drawing: keep its composition, change only the masked part if any. */
export interface DrawingRequest {
  readonly prompt: string;
  readonly negativePrompt: string;
  readonly aspectRatio: number;
  readonly seed: number;
  /** The editor's flattened picture (PNG). */
  readonly drawing: ImageBytes;
  readonly mask: DrawingMask | null;
}

/** Cut the subject out of a picture: the same picture, its background transparent (PNG). */
export interface BackgroundRequest {
  /** PNG, JPEG or WebP, within the provider's size limits (the caller scales it down). */
  readonly image: ImageBytes;
}

/** Results are bytes, never URLs: provider URLs expire (dall-e-3's after an hour). */
export interface MediaResult {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mimeType: string;
  readonly usage: Usage;
}

export interface SpeechRequest {
  readonly text: string;
  /** A voice name or id; empty for the provider's default. */
  readonly voice: string;
}

/** Animate a still: the picture is the clip's first frame, the prompt says what moves. */
export interface VideoRequest {
  readonly prompt: string;
  /** PNG, JPEG or WebP: the shot's frame. */
  readonly image: ImageBytes;
  /** Width / height of the project; adapters pick the nearest their API offers. */
  readonly aspectRatio: number;
  /** How long the clip should be; adapters pick the nearest length their API makes. */
  readonly seconds: number;
}

/**
 * A job the provider accepted. Plain strings only, so a job can be written down and polled
 * again later (a pipeline step resuming after a reload); `id` is the provider's own name for it.
 */
export interface VideoJobRef {
  readonly id: string;
  readonly data: Readonly<Record<string, string>>;
}

/** Where a job is. A job that failed is not a status: `status` throws its ProviderError. */
export type VideoJobStatus =
  | { readonly state: 'queued'; readonly position: number | null }
  | { readonly state: 'running'; readonly fraction: number | null }
  | { readonly state: 'done' };

/**
 * The steps of a long-running image-to-video job, each one plain HTTP call, so the caller
 * (src/ai/router/videoJob.ts) owns the waiting: poll interval, backoff, progress, cancel, limits.
 */
export interface VideoJobs {
  /** The clip length this provider makes for a wanted length (for the estimate and the take). */
  secondsFor(wanted: number): number;
  /** Typical time from submit to result, for progress when the API reports none. */
  readonly typicalMs: number;
  submit(request: VideoRequest, ctx: CallContext): Promise<VideoJobRef>;
  status(job: VideoJobRef, ctx: CallContext): Promise<VideoJobStatus>;
  /** The finished clip's bytes (checked to be MP4 or WebM). */
  result(job: VideoJobRef, ctx: CallContext): Promise<MediaResult>;
  /** Tells the provider to stop; null where its API has no way to (the job runs on, billed). */
  readonly cancel: ((job: VideoJobRef, ctx: CallContext) => Promise<void>) | null;
}

export interface CallContext {
  readonly signal: AbortSignal;
  /** The key for this call, straight from the vault; null for providers without keys. */
  readonly apiKey: string | null;
  /** 0…1 while a long job runs (ComfyUI reports steps). */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Asks a text call to stream: called with the whole text so far each time more arrives. Absent,
   * the adapter asks for the whole answer at once. A streamed answer resolves only when the
   * provider said it was finished; a stream cut short rejects (never a silently short answer).
   */
  readonly onText?: (partial: string) => void;
}

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  readonly capabilities: ReadonlySet<Capability>;
  /** The model a call for `task` uses (for the log and the price table). */
  modelFor(task: ModelTask): string;
  text?(request: TextRequest, ctx: CallContext): Promise<TextResult>;
  /** With the `vision` capability: text about pictures, by the text model. */
  vision?(request: VisionRequest, ctx: CallContext): Promise<TextResult>;
  image?(request: ImageRequest, ctx: CallContext): Promise<MediaResult>;
  /** With the `imageFromDrawing` capability. */
  imageFromDrawing?(request: DrawingRequest, ctx: CallContext): Promise<MediaResult>;
  /** With the `removeBackground` capability. */
  removeBackground?(request: BackgroundRequest, ctx: CallContext): Promise<MediaResult>;
  speech?(request: SpeechRequest, ctx: CallContext): Promise<MediaResult>;
  /** With the `imageToVideo` capability. */
  readonly video?: VideoJobs;
  /** A cheap real call proving address, key and CORS; resolves with what it found. */
  testConnection(ctx: CallContext): Promise<string>;
}
