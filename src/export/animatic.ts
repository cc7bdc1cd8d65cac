import { aspectValue, type ProjectSnapshot } from '../model/project';
import { buildRenderPlan } from '../render/renderPlan';
import type { RenderJob } from '../render/renderTypes';
import { resolutionFor, type ResolutionClass } from '../render/resolution';
import type { AssetStore } from '../store/assets';

/** The foundation renders at 720p: sketches are drawn at 1280 px on their long side. */
export const DEFAULT_ANIMATIC_RESOLUTION: ResolutionClass = 720;

/**
 * Gathers what a render needs from a project: the plan (timing on the frame grid) and each
 * distinct frame's bytes once. A frame missing from the store renders as a "No frame yet" card
 * rather than failing the whole animatic.
 */
export async function prepareAnimaticJob(
  snapshot: ProjectSnapshot,
  assets: AssetStore,
  resolution: ResolutionClass = DEFAULT_ANIMATIC_RESOLUTION,
): Promise<RenderJob> {
  const frames: Record<string, Blob> = {};
  for (const hash of new Set(snapshot.shots.map((s) => s.frameHash))) {
    if (!hash) continue;
    const blob = await assets.get(hash);
    if (blob) frames[hash] = blob;
  }
  const { width, height } = resolutionFor(aspectValue(snapshot.meta.aspectRatio), resolution);
  const plan = buildRenderPlan({
    shots: snapshot.shots.map((shot) => ({
      id: shot.id,
      durationMs: shot.durationMs,
      frameKey: shot.frameHash && frames[shot.frameHash] ? shot.frameHash : null,
      number: shot.number,
    })),
    frameRate: snapshot.meta.frameRate,
    width,
    height,
  });
  return { plan, frames, codec: 'avc' };
}
