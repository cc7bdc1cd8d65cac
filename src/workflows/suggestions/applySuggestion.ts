import type { AiRouter, RouteOptions } from '../../ai/router/router';
import type { ShotId } from '../../model/ids';
import type { Scene } from '../../model/scene';
import type { ProjectSession } from '../../store/projectSession';
import { askStructured } from '../pipeline/structured';
import {
  buildSuggestions,
  freshness,
  insertIndex,
  madeHereKey,
  reviewRequest,
  sceneReviewSchema,
  type SceneReview,
  type SuggestionItem,
} from './sceneReview';

export interface ReviewOutcome {
  readonly review: SceneReview;
  readonly items: readonly SuggestionItem[];
  readonly providerLabel: string;
  readonly costUsd: number;
}

/**
 * Asks the text model (the router's order, the person's keys) to review a scene as it is now;
 * a malformed answer is asked for once more, then thrown as StructuredOutputError with the raw
 * text (pipeline/structured.ts).
 */
export async function reviewScene(
  router: AiRouter,
  session: ProjectSession,
  scene: Scene,
  options: RouteOptions = {},
): Promise<ReviewOutcome> {
  const snapshot = session.getState().snapshot;
  const request = reviewRequest(snapshot, scene);
  let costUsd = 0;
  let providerLabel = '';
  const review = await askStructured(sceneReviewSchema, async (correction) => {
    const routed = await router.text(
      correction ? { ...request, prompt: `${request.prompt}\n\n${correction}` } : request,
      options,
    );
    costUsd += routed.costUsd;
    providerLabel = routed.provider.label;
    return routed.result.text;
  });
  return {
    review,
    items: buildSuggestions(review, snapshot, scene.id),
    providerLabel,
    costUsd,
  };
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly madeHere: string | null;
      /** The new shot's id, for an insert. */
      readonly inserted: ShotId | null;
    }
  | { readonly ok: false; readonly why: string };

export interface ApplyOptions {
  /** Apply though the shot changed since the review (the person saw what changed). */
  readonly anyway?: boolean;
  /** `madeHere` of the items applied before from this review. */
  readonly madeHere?: ReadonlySet<string>;
  /** Shots this review inserted before (insertIndex). */
  readonly inserted?: ReadonlySet<string>;
}

/**
 * Applies one item as one command, so one Undo takes it back (a gesture around it keeps a
 * one-field change from merging with typing just before). A `gone` item is refused; a `changed`
 * one only with `anyway` (the person saw what changed). `madeHere` is the shot's new state, for
 * `freshness` to know the review's own change from someone else's.
 */
export function applySuggestion(
  session: ProjectSession,
  item: SuggestionItem,
  options: ApplyOptions = {},
): ApplyResult {
  const snapshot = session.getState().snapshot;
  const fresh = freshness(item, snapshot, options.madeHere);
  if (item.kind === 'unknownShot' || fresh === 'gone')
    return { ok: false, why: 'Its shot is no longer in the scene.' };
  if (fresh === 'changed' && !options.anyway)
    return { ok: false, why: 'Its shot changed since the review.' };
  const gesture = session.beginGesture();
  let result;
  let inserted: ShotId | null = null;
  try {
    if (item.kind === 'change')
      result = session.run('shot/update', { shotId: item.shotId, patch: item.patch });
    else if (item.kind === 'omit') result = session.run('shot/omit', { shotId: item.shotId });
    else {
      const index = insertIndex(item, snapshot, options.inserted);
      if (index === null) return { ok: false, why: 'Its shot is no longer in the scene.' };
      const added = session.run('shot/insert', { sceneId: item.sceneId, index, init: item.init });
      if (added.ok) inserted = added.value;
      result = added;
    }
  } finally {
    gesture.end();
  }
  if (!result.ok) return { ok: false, why: result.error.message };
  const shotId = item.kind === 'insert' ? item.afterShotId : item.shotId;
  const shot = session.getState().snapshot.shots.find((s) => s.id === shotId);
  return { ok: true, madeHere: shot ? madeHereKey(shot) : null, inserted };
}
