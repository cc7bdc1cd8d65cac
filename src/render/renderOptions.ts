import { FRAME_RATES } from '../model/project';
import { fps, type FramesPerSecond } from '../model/units';
import { DEFAULT_HOLD_STRATEGY, type HoldStrategy } from './holds';
import { NO_OVERLAYS, type OverlayOptions } from './compose/timeline';
import { WHOLE_ANIMATIC, type RenderRange } from './renderRange';
import { evenDimensions, resolutionFor, type Dimensions, type ResolutionClass } from './resolution';

/** What the user picks in the render dialog. Pure data and pure functions: no browser needed. */
export const OUTPUT_FORMATS = ['mp4', 'webm', 'gif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const OUTPUT_FORMAT_LABELS: Record<OutputFormat, string> = {
  mp4: 'MP4',
  webm: 'WebM',
  gif: 'GIF',
};

export const VIDEO_CODECS = ['avc', 'vp9', 'av1'] as const;
export type VideoCodecChoice = (typeof VIDEO_CODECS)[number];

export const VIDEO_CODEC_LABELS: Record<VideoCodecChoice, string> = {
  avc: 'H.264',
  vp9: 'VP9',
  av1: 'AV1',
};

/** Codecs each container can carry, the first being the default (the most widely playable). */
export const CODECS_FOR_FORMAT: Record<'mp4' | 'webm', readonly VideoCodecChoice[]> = {
  mp4: ['avc', 'av1'],
  webm: ['vp9', 'av1'],
};

export const QUALITIES = ['low', 'medium', 'high'] as const;
export type Quality = (typeof QUALITIES)[number];

export const QUALITY_LABELS: Record<Quality, string> = {
  low: 'Low (small file)',
  medium: 'Medium',
  high: 'High',
};

/**
 * Bits per pixel per frame for H.264. 0.1 at 1080p30 is ~6.2 Mbit/s, what Chromium's encoder
 * chose on its own for "high" (measured in the foundation). Boards are flat drawings, so even
 * "low" keeps lines clean on holds; moves and dissolves are what eat bits.
 */
const BITS_PER_PIXEL: Record<Quality, number> = { low: 0.04, medium: 0.07, high: 0.1 };
/** VP9 and AV1 reach the same quality with fewer bits. */
const CODEC_EFFICIENCY: Record<VideoCodecChoice, number> = { avc: 1, vp9: 0.7, av1: 0.6 };
/** Encoders misbehave below this; a tiny output still gets a sane bitrate. */
const MIN_VIDEO_BITRATE = 200_000;

export function videoBitrate(
  quality: Quality,
  codec: VideoCodecChoice,
  size: Dimensions,
  frameRate: number,
): number {
  const bits =
    BITS_PER_PIXEL[quality] * CODEC_EFFICIENCY[codec] * size.width * size.height * frameRate;
  return Math.max(MIN_VIDEO_BITRATE, Math.round(bits));
}

/** Opus and AAC at these rates are transparent for speech and fine for a music bed. */
export const AUDIO_BITRATE = 128_000;

/** GIFs: few colours and every frame stored whole, so smaller and slower than video. */
export const GIF_WIDTHS = [320, 480, 640] as const;
export type GifWidth = (typeof GIF_WIDTHS)[number];
export const DEFAULT_GIF_WIDTH: GifWidth = 480;
export const GIF_FRAME_RATES = [10, 12, 15] as const;
export const DEFAULT_GIF_FRAME_RATE = fps(12);

/** Who encodes: WebCodecs (fast, when the browser has the codec) or ffmpeg.wasm (everything). */
export const ENGINES = ['auto', 'webcodecs', 'ffmpeg'] as const;
export type EnginePreference = (typeof ENGINES)[number];

export const ENGINE_LABELS: Record<EnginePreference, string> = {
  auto: 'Automatic',
  webcodecs: 'WebCodecs (fast)',
  ffmpeg: 'ffmpeg.wasm (slower, works everywhere)',
};

/**
 * Constant frame rate writes every frame of the grid (what editing applications expect: they
 * count frames and mis-time or refuse a file whose frames last different times); variable frame
 * rate writes each hold as a few long samples (holds.ts), the smallest and fastest file.
 */
export const FRAME_RATE_MODES = ['constant', 'variable'] as const;
export type FrameRateMode = (typeof FRAME_RATE_MODES)[number];

export const FRAME_RATE_MODE_LABELS: Record<FrameRateMode, string> = {
  constant: 'Constant frame rate — for editing',
  variable: 'Variable frame rate — smallest file',
};

/** How holds are encoded for a frame-rate mode. */
export function holdStrategyFor(mode: FrameRateMode): HoldStrategy {
  return mode === 'constant' ? 'cfr' : DEFAULT_HOLD_STRATEGY;
}

/**
 * Rates a video can be rendered at: the project rates and the NTSC ones editors work in.
 * 23.976 and 29.97 are exactly 24000/1001 and 30000/1001 (the container stores them so).
 */
export const NTSC_FILM = fps(24000 / 1001);
export const NTSC_VIDEO = fps(30000 / 1001);
export const VIDEO_FRAME_RATES: readonly number[] = [NTSC_FILM, 24, 25, NTSC_VIDEO, 30];

/** `23.976`, `24`, `29.97`: how a rate reads in the dialog. */
export function frameRateLabel(rate: number): string {
  return String(Math.round(rate * 1000) / 1000);
}

export interface RenderOptions {
  readonly format: OutputFormat;
  /** For MP4 and WebM; ignored for GIF. */
  readonly videoCodec: VideoCodecChoice;
  /** For MP4 and WebM. */
  readonly resolution: ResolutionClass;
  /** For GIF. */
  readonly gifWidth: GifWidth;
  readonly frameRate: FramesPerSecond;
  /** For MP4 and WebM (a GIF's frames are always constant). */
  readonly frameRateMode: FrameRateMode;
  readonly quality: Quality;
  readonly burnIn: OverlayOptions;
  readonly engine: EnginePreference;
  /** Which shots: the whole animatic, a scene, the selected boards or a span of shots. */
  readonly range: RenderRange;
}

/** 720p: frames are drawn at 1280 px on their long side, so a bigger render only adds bytes. */
export const DEFAULT_RESOLUTION: ResolutionClass = 720;

export function defaultRenderOptions(projectFrameRate: FramesPerSecond): RenderOptions {
  return {
    format: 'mp4',
    videoCodec: 'avc',
    resolution: DEFAULT_RESOLUTION,
    gifWidth: DEFAULT_GIF_WIDTH,
    frameRate: FRAME_RATES.includes(projectFrameRate as 24) ? projectFrameRate : fps(24),
    frameRateMode: 'constant',
    quality: 'medium',
    burnIn: NO_OVERLAYS,
    engine: 'auto',
    range: WHOLE_ANIMATIC,
  };
}

/** Frame rates offered for a format: the project rates for video, slower ones for GIF. */
export function frameRatesFor(format: OutputFormat): readonly number[] {
  return format === 'gif' ? GIF_FRAME_RATES : VIDEO_FRAME_RATES;
}

/** Output size for the options and the project's aspect ratio (width / height). */
export function outputSize(options: RenderOptions, aspectRatio: number): Dimensions {
  if (options.format === 'gif')
    return evenDimensions(options.gifWidth, options.gifWidth / aspectRatio);
  return resolutionFor(aspectRatio, options.resolution);
}

export const FILE_EXTENSIONS: Record<OutputFormat, string> = {
  mp4: 'mp4',
  webm: 'webm',
  gif: 'gif',
};
export const MIME_TYPES: Record<OutputFormat, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  gif: 'image/gif',
};

/** The codec actually used: the chosen one if the container takes it, else its default. */
export function codecFor(
  options: Pick<RenderOptions, 'format' | 'videoCodec'>,
): VideoCodecChoice | null {
  if (options.format === 'gif') return null;
  const allowed = CODECS_FOR_FORMAT[options.format];
  return allowed.includes(options.videoCodec) ? options.videoCodec : (allowed[0] ?? 'avc');
}
