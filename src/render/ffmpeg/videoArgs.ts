import type { VideoCodecChoice } from '../renderOptions';

/**
 * Encoder arguments for the ffmpeg.wasm path, per codec asked for. Chosen for a single-threaded
 * wasm encoder: the fastest presets, with the bitrate the quality setting asked for.
 */
export interface FfmpegVideoCodec {
  /** The ffmpeg encoder. */
  readonly name: string;
  /** The codec as the muxer (mediabunny) names it. */
  readonly packetCodec: 'avc' | 'vp8';
  /** What the user sees, when it is not the codec they asked for. */
  readonly substitute?: string;
  readonly extension: 'mp4' | 'webm';
  args(bitrate: number, frameRate: number): string[];
}

/** Seek granularity. */
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

/**
 * A key frame every two seconds, and constant frame rate at the output: every frame of the grid
 * is written (holds arrive as repeated images, see images.ts), never dropped or merged, so
 * editors get nb_frames = duration × rate. `-r` on the output is ffmpeg 5's spelling of
 * `-vsync cfr` at that rate.
 */
const gop = (frameRate: number) => [
  '-g',
  String(Math.round(frameRate * KEYFRAME_INTERVAL_S)),
  '-r',
  String(frameRate),
];

export const FFMPEG_VIDEO_CODECS: Partial<Record<VideoCodecChoice, FfmpegVideoCodec>> = {
  avc: {
    name: 'libx264',
    packetCodec: 'avc',
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
    packetCodec: 'vp8',
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
