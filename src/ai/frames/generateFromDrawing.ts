import type { ShotId } from '../../model/ids';
import { aspectValue } from '../../model/project';
import { newTakeId, type Take } from '../../model/take';
import type { AssetStore } from '../../store/assets';
import type { ProjectSession } from '../../store/projectSession';
import type { DrawingMask, ImageBytes } from '../providers/types';
import type { AiRouter } from '../router/router';
import { describeFailures } from './generateFrame';
import { negativePromptFor } from './stylePresets';

export interface FromDrawingDeps {
  readonly session: ProjectSession;
  readonly router: AiRouter;
  readonly assets: AssetStore;
}

export interface FromDrawingInput {
  readonly shotId: ShotId;
  /** What the finished frame should be; the drawing gives the composition. */
  readonly prompt: string;
  /** The editor's flattened picture (PNG). */
  readonly drawing: ImageBytes;
  readonly mask: DrawingMask | null;
  readonly signal?: AbortSignal;
}

export interface FromDrawingOutcome {
  readonly take: Take;
  readonly providerLabel: string;
  readonly costUsd: number;
  /** What failed on the way, in words (empty when the first provider answered). */
  readonly trouble: string;
}

const MAX_SEED = 2 ** 31 - 1;

/**
 * "Generate from drawing": the drawing (and the brushed mask) goes to the first image provider
 * that can work from one (router.imageFromDrawing: costed and logged like any generation); the
 * answer is kept as a take with source 'ai' and becomes the frame, since the person asked for
 * it. The drawing's layers are not touched: they stay the editable drawing under it.
 */
export async function generateFromDrawing(
  deps: FromDrawingDeps,
  input: FromDrawingInput,
): Promise<FromDrawingOutcome> {
  const { session, router, assets } = deps;
  const snapshot = session.getState().snapshot;
  if (!snapshot.shots.some((s) => s.id === input.shotId)) throw new Error('The shot was deleted.');
  const prompt = input.prompt.trim() || 'A finished storyboard frame of this drawing.';
  const routed = await router.imageFromDrawing(
    {
      prompt,
      negativePrompt: negativePromptFor(snapshot.meta),
      aspectRatio: aspectValue(snapshot.meta.aspectRatio),
      seed: Math.floor(Math.random() * MAX_SEED),
      drawing: input.drawing,
      mask: input.mask,
    },
    input.signal ? { signal: input.signal } : {},
  );
  const hash = await assets.put(routed.result.bytes, routed.result.mimeType);
  const take: Take = {
    id: newTakeId(),
    hash,
    providerKind: routed.provider.adapter.kind,
    providerLabel: routed.provider.label,
    model: routed.model,
    prompt,
    createdAt: Date.now(),
    source: 'ai',
  };
  if (!session.readOnly) session.run('take/add', { shotId: input.shotId, take, makeCurrent: true });
  const failures = routed.attempts.filter((a) => a.outcome !== 'ok');
  return {
    take,
    providerLabel: routed.provider.label,
    costUsd: routed.costUsd,
    trouble: failures.length > 0 ? describeFailures(failures) : '',
  };
}
