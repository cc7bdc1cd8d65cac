import { FFMPEG_VIDEO_CODECS } from './ffmpeg/videoArgs';
import { VIDEO_CODEC_LABELS } from './renderOptions';
import type { OutputSpec } from './renderTypes';

export type EngineDecision =
  { readonly engine: 'webcodecs' | 'ffmpeg' } | { readonly error: string };

/**
 * Who encodes a job. WebCodecs when the browser has the codec (7–70× faster, PITFALLS.md) unless
 * the job insists on ffmpeg.wasm; ffmpeg.wasm for GIF and for codecs WebCodecs lacks. AV1 has no
 * encoder in the ffmpeg.wasm core, so without WebCodecs it cannot be made at all.
 */
export function chooseEngine(output: OutputSpec, webCodecsCanEncode: boolean): EngineDecision {
  if (output.format === 'gif') return { engine: 'ffmpeg' };
  const label = output.codec === null ? 'that' : VIDEO_CODEC_LABELS[output.codec];
  const ffmpegCan = output.codec !== null && FFMPEG_VIDEO_CODECS[output.codec] !== undefined;
  if (output.engine === 'ffmpeg') {
    return ffmpegCan
      ? { engine: 'ffmpeg' }
      : { error: `ffmpeg.wasm cannot encode ${label} video; choose H.264 or VP9.` };
  }
  if (webCodecsCanEncode) return { engine: 'webcodecs' };
  if (output.engine === 'webcodecs' || !ffmpegCan) {
    return {
      error: `This browser cannot encode ${label} video at this size; choose another codec or a smaller resolution.`,
    };
  }
  return { engine: 'ffmpeg' };
}
