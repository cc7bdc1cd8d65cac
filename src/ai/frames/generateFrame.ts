import type { ShotId } from '../../model/ids';
import { aspectValue } from '../../model/project';
import { newTakeId, type Take } from '../../model/take';
import type { AssetStore } from '../../store/assets';
import type { ProjectSession } from '../../store/projectSession';
import type { AiRouter, AttemptSummary } from '../router/router';
import { sketchInputFor, sketchLookOf } from '../sketchForShot';
import { improvePrompt } from './improvePrompt';
import { promptForShot } from './promptBuilder';
import { referencesFor } from './references';
import { negativePromptFor } from './stylePresets';

export interface GenerateFrameDeps {
  readonly session: ProjectSession;
  readonly router: AiRouter;
  readonly assets: AssetStore;
}

export interface GenerateFrameOptions {
  readonly signal?: AbortSignal;
  readonly batchId?: string | null;
  /** Rewrite automatic prompts with the text provider first (user-written ones are kept). */
  readonly enhance?: boolean;
  readonly onProgress?: (fraction: number) => void;
  /** Corrections for this take (a frame check's notes), added after the prompt. */
  readonly notes?: string;
  /** Only this provider, not the whole order (a pipeline step set to one). */
  readonly only?: string;
}

export interface FrameOutcome {
  /** The take kept on the shot; null when only the offline sketch answered (the shot keeps its live sketch). */
  readonly take: Take | null;
  readonly providerLabel: string;
  readonly costUsd: number;
  /** What failed on the way, in words (empty when the first provider answered). */
  readonly trouble: string;
}

/** A seed per take, so a take can be told apart and (where the API allows) repeated. */
const MAX_SEED = 2 ** 31 - 1;

/**
 * Generates one frame for a shot through the router and keeps it as a take. The new take
 * becomes the frame unless someone drew or uploaded the current one: their work is never
 * replaced. When every AI provider failed and the offline sketch ended the chain, no take is
 * added: the shot's live sketch is that same picture.
 */
export async function generateFrame(
  deps: GenerateFrameDeps,
  shotId: ShotId,
  options: GenerateFrameOptions = {},
): Promise<FrameOutcome> {
  const { session, router, assets } = deps;
  const snapshot = session.getState().snapshot;
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!shot) throw new Error('The shot was deleted.');
  const routeOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    batchId: options.batchId ?? null,
  };

  let prompt = promptForShot(snapshot, shot);
  let trouble = '';
  let costUsd = 0;
  if (options.enhance && !shot.prompt.trim()) {
    try {
      prompt = await improvePrompt(router, prompt, routeOptions);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      trouble = `Prompt not improved: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  const notes = options.notes?.trim();
  if (notes) prompt = `${prompt}\n\nCorrections to the previous take: ${notes}`;

  const scene = snapshot.scenes.find((s) => s.id === shot.sceneId);
  const aspectRatio = aspectValue(snapshot.meta.aspectRatio);
  const { references, note } = await referencesFor(snapshot, shot, assets);
  const routed = await router.image(
    {
      prompt,
      negativePrompt: negativePromptFor(snapshot.meta),
      aspectRatio,
      seed: Math.floor(Math.random() * MAX_SEED),
      references,
      referenceNote: note,
      sketch: sketchInputFor(
        shot,
        scene,
        snapshot.characters,
        aspectRatio,
        sketchLookOf(snapshot.meta),
        snapshot.meta.sketchCaptionBand,
      ),
    },
    {
      ...routeOptions,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.only ? { only: options.only } : {}),
    },
  );
  costUsd += routed.costUsd;
  const failures = routed.attempts.filter((a) => a.outcome !== 'ok');
  if (failures.length > 0)
    trouble = [trouble, describeFailures(failures)].filter(Boolean).join(' ');

  if (routed.provider.adapter.kind === 'sketch')
    return { take: null, providerLabel: routed.provider.label, costUsd, trouble };

  const hash = await assets.put(routed.result.bytes, routed.result.mimeType);
  const take: Take = {
    id: newTakeId(),
    hash,
    providerKind: routed.provider.adapter.kind,
    providerLabel: routed.provider.label,
    model: routed.model,
    prompt,
    createdAt: Date.now(),
  };
  const now = session.getState().snapshot.shots.find((s) => s.id === shotId);
  if (now && !session.readOnly) {
    const ownWork = now.frameSource === 'drawn' || now.frameSource === 'upload';
    session.run('take/add', { shotId, take, makeCurrent: !ownWork });
  }
  return { take, providerLabel: routed.provider.label, costUsd, trouble };
}

/** "OpenAI: server ×3; Local: timeout" — what the log shows, in one line. */
export function describeFailures(attempts: readonly AttemptSummary[]): string {
  const counts = new Map<string, number>();
  for (const a of attempts) {
    const key = `${a.providerLabel}: ${a.outcome}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => (n > 1 ? `${key} ×${n}` : key)).join('; ');
}
