import type { VideoCodecChoice } from '../renderOptions';

/**
 * Encoder arguments for the ffmpeg.wasm path, per codec asked for. Chosen for a single-threaded
 * wasm encoder: the fastest presets, with the bitrate the quality setting asked for.
 */
export interface FfmpegVideoCodec {
  /** The ffmpeg encoder. */
  readonly name: string;
  /** What the user sees, when it is not the codec they asked for. */
  readonly substitute?: string;
  readonly extension: 'mp4' | 'webm';
  args(bitrate: number, frameRate: number): string[];
}

/** Seek granularity: a key frame every two seconds. */
const KEYFRAME_INTERVAL_S = 2;

/**
 * The frames arrive as JPEG (full-range BT.601 YCbCr); convert to limited-range BT.709 4:2:0 and
 * tag it so, which is what WebCodecs writes for canvas pixels and what players assume for HD.
 */
const COLOUR_ARGS = [
  '-vf',
  'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p',
  '-colorspace',
  'bt709',
  '-color_primaries',
  'bt709',
  '-color_trc',
  'bt709',
];

const rate = (bitrate: number) => [
  '-b:v',
  String(bitrate),
  '-maxrate',
  String(Math.round(bitrate * 1.5)),
  '-bufsize',
  String(bitrate * 2),
];

const gop = (frameRate: number) => ['-g', String(Math.round(frameRate * KEYFRAME_INTERVAL_S))];

export const FFMPEG_VIDEO_CODECS: Partial<Record<VideoCodecChoice, FfmpegVideoCodec>> = {
  avc: {
    name: 'libx264',
    extension: 'mp4',
    args: (bitrate, frameRate) => [
      ...COLOUR_ARGS,
      ...['-c:v', 'libx264', '-preset', 'ultrafast'],
      ...rate(bitrate),
      ...gop(frameRate),
    ],
  },
  // The core's libvpx-vp9 dies with "memory access out of bounds" at 1080p (measured here, also
  // with one thread and no row-mt), so a WebM made by ffmpeg.wasm is VP8, which plays wherever
  // VP9 WebM does.
  vp9: {
    name: 'libvpx',
    substitute: 'VP8',
    extension: 'webm',
    args: (bitrate, frameRate) => [
      ...COLOUR_ARGS,
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8'],
      ...rate(bitrate),
      ...gop(frameRate),
    ],
  },
};
