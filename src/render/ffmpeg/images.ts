import { compositionAt } from '../compose/composition';
import type { PictureLookup } from '../compose/context';
import { drawComposition } from '../compose/draw';
import { frameTimeMs, type RenderPlan } from '../renderPlan';
import type { EncodedImage } from './execTask';

/**
 * Frames go to ffmpeg.wasm as JPEG at this quality: visually lossless for drawn boards, a
 * fifth of a megabyte at 1080p instead of 8 MB of raw pixels, so a piece of the timeline can be
 * prepared while the previous one encodes without holding seconds of raw frames.
 */
export const FRAME_JPEG_QUALITY = 0.92;

/**
 * Composes frames `from`..`to` (exclusive) and encodes each as JPEG; a hold is encoded once with
 * the number of frames it lasts. Every picture the range shows must be in `pictures`. `onImage`
 * is the heartbeat: preparing a 4K piece takes longer than the watchdog waits for news.
 */
export async function encodeFrames(
  plan: RenderPlan,
  from: number,
  to: number,
  canvas: OffscreenCanvas,
  ctx: OffscreenCanvasRenderingContext2D,
  pictures: PictureLookup,
  onImage: () => void = () => undefined,
): Promise<EncodedImage[]> {
  const images: EncodedImage[] = [];
  const draw = async (frame: number, repeat: number) => {
    const composition = compositionAt(plan.timeline, frameTimeMs(frame, plan.frameRate));
    drawComposition(ctx, plan, composition, pictures);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: FRAME_JPEG_QUALITY });
    images.push({ bytes: new Uint8Array(await blob.arrayBuffer()), repeat });
    onImage();
  };
  for (const run of plan.runs) {
    const start = Math.max(from, run.startFrame);
    const end = Math.min(to, run.startFrame + run.frameCount);
    if (end <= start) continue;
    if (run.kind === 'hold') await draw(start, end - start);
    else for (let f = start; f < end; f++) await draw(f, 1);
  }
  return images;
}
