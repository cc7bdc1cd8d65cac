import { CAMERA_MOVE_LABELS } from '../../model/camera';
import type { AssetHash, ShotId } from '../../model/ids';
import { aspectValue, type ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { newTakeId, type Take } from '../../model/take';
import type { AssetStore } from '../../store/assets';
import type { ProjectSession } from '../../store/projectSession';
import { ProviderError } from '../providers/errors';
import { sniffImageType } from '../providers/media';
import type { VideoJobRef } from '../providers/types';
import type { AiRouter, RouterProvider } from '../router/router';
import type { PollPolicy, VideoProgress } from '../router/videoJob';

/**
 * "Animate shot": the shot's still goes to the image-to-video provider the person chose, as a
 * long-running job (router.imageToVideo: polled, cancellable, costed and logged); the clip is
 * stored as a video asset (accepted by its bytes) and kept as a take that plays over the still
 * (`clipHash`), which stays the frame. A plain function — no React — so a pipeline step can call
 * it as well as the inspector. Nothing is written if the person cancelled, even when the clip
 * had already arrived.
 */

export interface AnimateShotDeps {
  readonly session: ProjectSession;
  readonly router: AiRouter;
  readonly assets: AssetStore;
}

export interface AnimateShotOptions {
  readonly provider: RouterProvider;
  /** What should move; empty or absent builds it from the shot (motionPromptFor). */
  readonly prompt?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: VideoProgress) => void;
  readonly batchId?: string | null;
  readonly poll?: PollPolicy;
  /** The provider took the job: what to keep to resume it after a reload. */
  readonly onSubmitted?: (job: VideoJobRef, prompt: string) => void;
  /** A job submitted before a reload, with the prompt it was sent: polled, not sent again. */
  readonly resume?: { readonly job: VideoJobRef; readonly prompt: string };
}

export interface AnimateOutcome {
  readonly take: Take;
  readonly providerLabel: string;
  readonly costUsd: number;
}

/** The wanted clip length for a shot: its own duration (the provider picks its nearest). */
export function wantedSeconds(shot: Pick<Shot, 'durationMs'>): number {
  return shot.durationMs / 1000;
}

/**
 * What to ask a video model for: the picture already shows who and where, so the prompt says
 * what happens and how the camera moves, and asks it to keep the board's composition.
 */
export function motionPromptFor(snapshot: ProjectSnapshot, shot: Shot): string {
  const scene = snapshot.scenes.find((s) => s.id === shot.sceneId);
  const parts = ['Animate this storyboard frame as a short film shot.'];
  if (scene?.heading) parts.push(`Setting: ${scene.heading}.`);
  if (shot.action.trim()) parts.push(`Action: ${shot.action.trim()}`);
  const spoken = shot.dialogue.map((d) => `${d.speaker} speaks`).join(', ');
  if (spoken) parts.push(`${spoken}.`);
  parts.push(
    shot.cameraMove === 'static'
      ? 'The camera holds still.'
      : `Camera: ${CAMERA_MOVE_LABELS[shot.cameraMove].toLowerCase()}.`,
  );
  parts.push('Keep the characters, the setting and the composition of the picture.');
  return parts.join(' ');
}

export async function animateShot(
  deps: AnimateShotDeps,
  shotId: ShotId,
  options: AnimateShotOptions,
): Promise<AnimateOutcome> {
  const { session, router, assets } = deps;
  const snapshot = session.getState().snapshot;
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!shot) throw new Error('The shot was deleted.');
  if (!shot.frameHash) throw new Error('The shot has no frame yet: make or pick one to animate.');
  const still = await assets.get(shot.frameHash);
  if (!still) throw new Error('The shot’s frame is not on this device yet.');
  const bytes = new Uint8Array(await still.arrayBuffer());
  const mimeType = sniffImageType(bytes);
  if (!mimeType) throw new Error('The shot’s frame is not a picture a provider can take.');
  const prompt =
    options.resume?.prompt ?? (options.prompt?.trim() || motionPromptFor(snapshot, shot));

  const routed = await router.imageToVideo(
    options.provider,
    {
      prompt,
      image: { bytes, mimeType },
      aspectRatio: aspectValue(snapshot.meta.aspectRatio),
      seconds: wantedSeconds(shot),
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.poll ? { poll: options.poll } : {}),
      ...(options.onSubmitted
        ? { onSubmitted: (job: VideoJobRef) => options.onSubmitted?.(job, prompt) }
        : {}),
      ...(options.resume ? { resume: options.resume.job } : {}),
      batchId: options.batchId ?? null,
    },
  );
  const hash: AssetHash = await assets.put(routed.result.bytes, routed.result.mimeType);
  if (options.signal?.aborted) throw new ProviderError('cancelled', 'The call was stopped.');
  const take: Take = {
    id: newTakeId(),
    hash,
    providerKind: routed.provider.adapter.kind,
    providerLabel: routed.provider.label,
    model: routed.model,
    prompt,
    createdAt: Date.now(),
    source: 'ai',
    kind: 'video',
    clipMs: (routed.result.usage.videoSeconds ?? 0) * 1000,
  };
  const result = session.run('take/add', { shotId, take, makeCurrent: true });
  if (!result.ok) throw result.error;
  return { take, providerLabel: routed.provider.label, costUsd: routed.costUsd };
}
