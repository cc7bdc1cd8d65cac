import type { Shot } from '../../../model/shot';
import { newTakeId } from '../../../model/take';
import {
  afterOf,
  eachShot,
  openFor,
  pendingShots,
  step,
  tallyOf,
  type ProjectStepSetup,
  type ShotTally,
} from './projectStep';

export interface UpscaleOptions {
  /** Pixels on the long side the frames should have at least. */
  readonly longSide: 1920 | 2560 | 3840;
}

export const UPSCALE_KIND = 'upscale';

/** A generated frame that is not an upscaled copy already (drawings and sketches are left). */
export function needsUpscale(_: unknown, shot: Shot): boolean {
  if (shot.frameSource !== 'ai' || !shot.frameHash) return false;
  const current = shot.takes.find((t) => t.hash === shot.frameHash);
  return current?.providerKind !== UPSCALE_KIND;
}

/**
 * Enlarges generated frames on this device (high-quality resampling) for big renders and prints:
 * each becomes a new take made current, the original kept. Frames big enough already are left.
 */
export function upscaleStep<P>(setup: ProjectStepSetup<P>, options: UpscaleOptions) {
  const { deps } = setup;
  return step<P>({
    id: setup.id ?? 'upscale',
    label: 'Upscale',
    after: afterOf(setup),
    version: 1,
    capability: 'none',
    reads: () => options,
    plan: () => [],
    run: (input, ctx) =>
      openFor(setup, input, async ({ session }): Promise<ShotTally> => {
        if (session.readOnly)
          throw new Error(session.readOnlyReason ?? 'The project is read-only.');
        const snapshot = session.getState().snapshot;
        const shots = pendingShots(snapshot, needsUpscale);
        let big = 0;
        const counted = await eachShot(shots, ctx, async (shot) => {
          const picture = shot.frameHash ? await deps.assets.get(shot.frameHash) : null;
          if (!picture) throw new Error('Its frame is not on this device.');
          const bytes = await deps.upscale(picture, options.longSide);
          if (!bytes) {
            big++;
            return;
          }
          const was = shot.takes.find((t) => t.hash === shot.frameHash);
          const hash = await deps.assets.put(bytes, 'image/png');
          const added = session.run('take/add', {
            shotId: shot.id,
            take: {
              id: newTakeId(),
              hash,
              providerKind: UPSCALE_KIND,
              providerLabel: 'Upscaled on this device',
              model: `${options.longSide} px`,
              prompt: was?.prompt ?? '',
              createdAt: Date.now(),
              source: 'ai',
            },
            makeCurrent: true,
          });
          if (!added.ok) throw added.error;
        });
        const skipped = snapshot.shots.filter((s) => !s.omitted).length - shots.length + big;
        return tallyOf({ ...counted, made: counted.made - big }, skipped, 'upscales');
      }),
  });
}
