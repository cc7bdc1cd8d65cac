import type { AssetHash, ShotId } from '../../model/ids';
import type { AssetStore } from '../../store/assets';
import type { ProjectSession } from '../../store/projectSession';
import { ProviderError } from '../providers/errors';
import type { ImageBytes } from '../providers/types';
import type { AiRouter } from '../router/router';
import { describeFailures } from './generateFrame';

/**
 * Stability AI's documented limits for Remove Background: every side at least 64 px, at most
 * 4,194,304 pixels in all. A picture outside them is scaled to fit before it is sent.
 */
export const CUTOUT_MAX_PIXELS = 4_194_304;
export const CUTOUT_MIN_SIDE_PX = 64;

/** The size to send a `width` × `height` picture at: proportions kept, within the limits. */
export function cutoutSize(width: number, height: number): { width: number; height: number } {
  const down = Math.min(1, Math.sqrt(CUTOUT_MAX_PIXELS / (width * height)));
  const up = Math.max(1, CUTOUT_MIN_SIDE_PX / Math.min(width, height));
  const scale = down < 1 ? down : up;
  // Floor when shrinking (never over the limit), ceil when growing (never under the side).
  const round = scale < 1 ? Math.floor : Math.ceil;
  return {
    width: Math.max(1, round(width * scale)),
    height: Math.max(1, round(height * scale)),
  };
}

export interface CutoutDeps {
  readonly session: ProjectSession;
  readonly router: AiRouter;
  readonly assets: AssetStore;
}

export interface CutoutInput {
  readonly shotId: ShotId;
  /** The image item whose picture is cut out. */
  readonly itemId: string;
  /** Its picture, already fitted with `cutoutSize`. */
  readonly image: ImageBytes;
  readonly signal?: AbortSignal;
}

export interface CutoutOutcome {
  readonly hash: AssetHash;
  readonly providerLabel: string;
  readonly costUsd: number;
  /** What failed on the way, in words (empty when the first provider answered). */
  readonly trouble: string;
}

/**
 * "Remove background" on an image layer: the picture goes to the first image provider that
 * offers background removal (router.removeBackground: costed and logged), the cut-out is
 * stored as an asset of its own and replaces the picture where it stands, in one undo step
 * (`drawing/replaceImage`; the item keeps its first picture). Nothing is written when the
 * person cancelled, even if the answer was already on its way.
 */
export async function removeBackground(
  deps: CutoutDeps,
  input: CutoutInput,
): Promise<CutoutOutcome> {
  const { session, router, assets } = deps;
  const stillThere = () =>
    session.drawing(input.shotId).layers.some((l) => l.items.some((i) => i.id === input.itemId));
  if (!stillThere()) throw new Error('The picture was deleted.');
  const routed = await router.removeBackground(
    { image: input.image },
    input.signal ? { signal: input.signal } : {},
  );
  const hash = await assets.put(routed.result.bytes, routed.result.mimeType);
  if (input.signal?.aborted) throw new ProviderError('cancelled', 'The call was stopped.');
  const result = session.run('drawing/replaceImage', {
    shotId: input.shotId,
    itemId: input.itemId,
    hash,
  });
  if (!result.ok) throw result.error;
  if (!result.value) throw new Error('The picture was deleted while its background was removed.');
  const failures = routed.attempts.filter((a) => a.outcome !== 'ok');
  return {
    hash,
    providerLabel: routed.provider.label,
    costUsd: routed.costUsd,
    trouble: failures.length > 0 ? describeFailures(failures) : '',
  };
}
