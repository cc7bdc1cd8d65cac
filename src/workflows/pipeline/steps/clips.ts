import { animateShot, wantedSeconds } from '../../../ai/frames/animateShot';
import { NO_USAGE } from '../../../ai/providers/types';
import type { Shot } from '../../../model/shot';
import { isClipTake } from '../../../model/take';
import { OFFLINE, type StepContext } from '../types';
import {
  afterOf,
  eachShot,
  openFor,
  pendingShots,
  snapshotFor,
  step,
  tallyOf,
  type ProjectStepSetup,
  type ShotTally,
} from './projectStep';

/** A shot with a still and no clip yet (a shot animated before is never sent again). */
export function needsClip(_: unknown, shot: Shot): boolean {
  return shot.frameHash !== null && shot.clipHash === null && !shot.takes.some(isClipTake);
}

/**
 * An image-to-video call whose submission is noted in the run as a paid call under way. Only the
 * submission can be lost to a reload: until the provider answers with the job's id, a page closed
 * meanwhile leaves a job (and a charge) the run cannot find, so it is told of afterwards like a
 * frame cut off. Once taken, the job is kept and polled again, never sent twice.
 */
async function submissionNoted<T>(
  ctx: StepContext,
  key: string,
  start: (onTaken: () => void) => Promise<T>,
): Promise<T> {
  // Wrapped in an object: a promise resolved with a promise would wait for it to settle.
  const { running } = await ctx.paid(
    { key, what: 'video clip' },
    () =>
      new Promise<{ running: Promise<T> }>((resolve, reject) => {
        const running = start(() => resolve({ running }));
        running.then(() => resolve({ running }), reject);
      }),
  );
  return running;
}

export const NO_VIDEO_NOTE = 'No image-to-video provider: the shots keep their stills.';

/**
 * Image to video: each shot's still animated by the provider chosen (Veo, fal.ai, ComfyUI…),
 * the clip kept as a take that plays over the still. Priced by the seconds of video asked for.
 */
export function clipsStep<P>(setup: ProjectStepSetup<P>) {
  const { deps } = setup;
  return step<P>({
    id: setup.id ?? 'clips',
    label: 'Moving shots',
    after: afterOf(setup),
    version: 1,
    capability: 'imageToVideo',
    reads: () => null,
    plan: (input) => {
      if (input.provider === OFFLINE) return [];
      const snapshot = snapshotFor(setup, input);
      if (!snapshot) return [];
      const shots = pendingShots(snapshot, needsClip);
      if (shots.length === 0) return [];
      const seconds = shots.reduce((n, s) => n + wantedSeconds(s), 0) / shots.length;
      return [
        {
          capability: 'imageToVideo',
          calls: shots.length,
          usage: { ...NO_USAGE, videoSeconds: seconds },
        },
      ];
    },
    run: (input, ctx) =>
      openFor(setup, input, async ({ session }): Promise<ShotTally> => {
        if (session.readOnly)
          throw new Error(session.readOnlyReason ?? 'The project is read-only.');
        const snapshot = session.getState().snapshot;
        const shots = pendingShots(snapshot, needsClip);
        const skipped = snapshot.shots.filter((s) => !s.omitted).length - shots.length;
        const provider =
          input.provider === OFFLINE ? null : await deps.videoProvider(input.provider);
        if (!provider)
          return { made: 0, skipped: skipped + shots.length, failed: 0, note: NO_VIDEO_NOTE };
        const keeper = deps.videoJobs;
        const counted = await eachShot(shots, ctx, async (shot) => {
          const kept = keeper.kept(session.id, shot.id);
          const resume = kept?.providerId === provider.id ? kept : null;
          const animate = (onTaken: () => void) =>
            animateShot({ session, router: deps.router, assets: deps.assets }, shot.id, {
              provider,
              signal: ctx.signal,
              onProgress: (p) =>
                ctx.onProgress({
                  done: shots.indexOf(shot),
                  total: shots.length,
                  note: `Shot ${shot.number}: ${p.stage} ${Math.round(p.fraction * 100)} %`,
                }),
              onSubmitted: (job, prompt) => {
                keeper.keep({
                  projectId: session.id,
                  shotId: shot.id,
                  providerId: provider.id,
                  job,
                  prompt,
                });
                onTaken();
              },
              ...(resume ? { resume: { job: resume.job, prompt: resume.prompt } } : {}),
            });
          try {
            const outcome = resume
              ? await animate(() => undefined)
              : await submissionNoted(ctx, `clip:${shot.id}`, animate);
            keeper.drop(session.id, shot.id);
            ctx.onCost(outcome.costUsd);
          } catch (error) {
            // Paused or stopped: a provider that cannot cancel makes (and bills) the clip anyway,
            // so its job is kept for the run to pick up; any other ending forgets it.
            if (!(ctx.signal.aborted && !provider.adapter.video?.cancel))
              keeper.drop(session.id, shot.id);
            throw error;
          }
        });
        return tallyOf(counted, skipped, 'clips');
      }),
  });
}
