/** Picking the nearest size or aspect-ratio name an API accepts for the project's frame shape. */

/** Aspect names as `w:h`; the nearest in log space (so 2:1 and 1:2 are equally far from 1:1). */
export function nearestAspectName(aspect: number, names: readonly string[]): string {
  let best = names[0] ?? '1:1';
  let bestDistance = Infinity;
  for (const name of names) {
    const [w, h] = name.split(':').map(Number);
    if (!w || !h) continue;
    const distance = Math.abs(Math.log(aspect) - Math.log(w / h));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Sizes OpenAI's image models accept, by model family. */
export function openAiImageSize(model: string, aspect: number): string {
  const wide = aspect > 1.2;
  const tall = aspect < 1 / 1.2;
  if (model.startsWith('dall-e-3')) return wide ? '1792x1024' : tall ? '1024x1792' : '1024x1024';
  if (model.startsWith('dall-e-2')) return '1024x1024';
  return wide ? '1536x1024' : tall ? '1024x1536' : '1024x1024';
}

/** Stable Diffusion sizes: the long side given, both sides multiples of 64 (latent blocks). */
export const SD_LONG_SIDE_PX = 1024;
const SD_MULTIPLE_PX = 64;

export function diffusionSize(
  aspect: number,
  longSide = SD_LONG_SIDE_PX,
): { width: number; height: number } {
  const round = (n: number) =>
    Math.max(SD_MULTIPLE_PX, Math.round(n / SD_MULTIPLE_PX) * SD_MULTIPLE_PX);
  return aspect >= 1
    ? { width: round(longSide), height: round(longSide / aspect) }
    : { width: round(longSide * aspect), height: round(longSide) };
}
