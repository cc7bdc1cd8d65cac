import type { VideoCodecChoice } from '../renderOptions';

/**
 * Encoder arguments for the ffmpeg.wasm path, per codec. Chosen for a single-threaded wasm
 * encoder: the fastest presets, with the bitrate the quality setting asked for.
 */
export interface FfmpegVideoCodec {
  readonly name: string;
  readonly extension: 'mp4' | 'webm';
  args(bitrate: number, frameRate: number): string[];
}

/** Seek granularity: a key frame every two seconds. */
const KEYFRAME_INTERVAL_S = 2;

/** Canvas pixels are sRGB; tag and convert as BT.709 like WebCodecs does, not swscale's BT.601. */
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

export const FFMPEG_VIDEO_CODECS: Partial<Record<VideoCodecChoice, FfmpegVideoCodec>> = {
  avc: {
    name: 'libx264',
    extension: 'mp4',
    args: (bitrate, frameRate) => [
      ...COLOUR_ARGS,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      ...rate(bitrate),
      '-g',
      String(Math.round(frameRate * KEYFRAME_INTERVAL_S)),
    ],
  },
  vp9: {
    name: 'libvpx-vp9',
    extension: 'webm',
    args: (bitrate, frameRate) => [
      ...COLOUR_ARGS,
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-threads',
      '1',
      '-row-mt',
      '0',
      '-lag-in-frames',
      '0',
      ...rate(bitrate),
      '-g',
      String(Math.round(frameRate * KEYFRAME_INTERVAL_S)),
    ],
  },
};
