import { captionsFor } from '../model/captions';
import type { AssetHash } from '../model/ids';
import { aspectValue, timelineShots, type ProjectSnapshot } from '../model/project';
import { buildAudioMixPlan } from '../render/audioPlan';
import { composeShotsFor } from '../render/compose/fromSnapshot';
import { buildRenderPlan } from '../render/renderPlan';
import { rangeParts, snapshotForRange, type RangePart } from '../render/renderRange';
import {
  codecFor,
  FILE_EXTENSIONS,
  holdStrategyFor,
  outputSize,
  videoBitrate,
  type RenderOptions,
} from '../render/renderOptions';
import type { AudioMixInput, RenderRequest } from '../render/renderTypes';
import type { AssetStore } from '../store/assets';
import { fileSlug } from './fileNames';

const MICROSECONDS_PER_MILLISECOND = 1000;

/** `<slug>-animatic.mp4` / `.webm` / `.gif`; a part is `<slug>-animatic-shots-3-7.mp4`. */
export function animaticFileNameFor(
  title: string,
  options: Pick<RenderOptions, 'format'>,
  rangeSuffix = '',
): string {
  const suffix = rangeSuffix === '' ? '' : `-${fileSlug(rangeSuffix)}`;
  return `${fileSlug(title)}-animatic${suffix}.${FILE_EXTENSIONS[options.format]}`;
}

async function blobsFor(
  hashes: Iterable<string | null>,
  assets: AssetStore,
): Promise<Record<string, Blob>> {
  const blobs: Record<string, Blob> = {};
  for (const hash of new Set(hashes)) {
    if (!hash) continue;
    const blob = await assets.get(hash as AssetHash);
    if (blob) blobs[hash] = blob;
  }
  return blobs;
}

/**
 * Gathers what a render needs from a project: the plan (timing, camera moves and transitions on
 * the frame grid), each distinct frame's bytes once, and the sound to mix. OMITTED shots are not
 * on the timeline. A frame missing from the store renders as a "Frame missing" card and a missing
 * sound file is left out with a warning, rather than failing the whole animatic.
 */
export async function prepareAnimaticRequest(
  project: ProjectSnapshot,
  assets: AssetStore,
  options: RenderOptions,
): Promise<RenderRequest> {
  const snapshot = snapshotForRange(project, options.range);
  const shots = timelineShots(snapshot);
  if (shots.length === 0 && options.range.kind !== 'all') {
    throw new RangeError('Nothing to render: the chosen part of the animatic has no shots.');
  }
  const frames = await blobsFor(
    shots.map((s) => s.frameHash),
    assets,
  );
  const clips = await blobsFor(
    shots.map((s) => s.clipHash),
    assets,
  );
  const size = outputSize(options, aspectValue(snapshot.meta.aspectRatio));
  const plan = buildRenderPlan({
    shots: composeShotsFor(snapshot).map((shot) => ({ ...shot, number: shot.label })),
    frameRate: options.frameRate,
    ...size,
    overlays: options.burnIn,
    captions: options.burnIn.captions ? captionsFor(snapshot) : [],
    fit: snapshot.meta.frameFit,
  });
  const codec = codecFor(options);
  return {
    plan,
    frames,
    clips,
    output: {
      format: options.format,
      codec,
      bitrate: videoBitrate(options.quality, codec ?? 'avc', size, options.frameRate),
      engine: options.engine,
    },
    audio:
      options.format === 'gif'
        ? null
        : await audioFor(
            snapshot,
            plan.totalDurationUs,
            assets,
            rangeParts(project, options.range),
          ),
    holds: holdStrategyFor(options.frameRateMode),
  };
}

async function audioFor(
  snapshot: ProjectSnapshot,
  totalDurationUs: number,
  assets: AssetStore,
  parts: readonly RangePart[],
): Promise<AudioMixInput | null> {
  const plan = buildAudioMixPlan(
    timelineShots(snapshot),
    snapshot.meta.music,
    totalDurationUs / MICROSECONDS_PER_MILLISECOND,
    parts,
  );
  if (plan === null) return null;
  return {
    plan,
    sources: await blobsFor(
      plan.sources.map((s) => s.key),
      assets,
    ),
  };
}
