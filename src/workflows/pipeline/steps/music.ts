import { DEFAULT_MUSIC_VOLUME, MAX_VOLUME } from '../../../model/audio';
import { ms } from '../../../model/units';
import { afterOf, openFor, step, type ProjectStepSetup } from './projectStep';

export interface MusicOptions {
  readonly volume: number;
  readonly fadeInMs: number;
  readonly fadeOutMs: number;
}

export const DEFAULT_MUSIC_STEP: MusicOptions = {
  volume: DEFAULT_MUSIC_VOLUME,
  fadeInMs: 1000,
  fadeOutMs: 2000,
};

export const NO_MUSIC_NOTE =
  'No music bed: add one under the timeline (Music), then run this step again.';

/**
 * Sets the music bed's level and fades for the render (no provider makes music: the bed is a
 * file the person adds). A project without one is told so; the render goes on without music.
 */
export function musicStep<P>(setup: ProjectStepSetup<P>, options: MusicOptions) {
  return step<P>({
    id: setup.id ?? 'music',
    label: 'Music',
    after: afterOf(setup),
    version: 1,
    capability: 'none',
    reads: () => options,
    plan: () => [],
    run: (input) =>
      openFor(setup, input, async ({ session }) => {
        const music = session.getState().snapshot.meta.music;
        if (!music) return { music: false, note: NO_MUSIC_NOTE };
        const set = session.run('project/setMusic', {
          music: {
            ...music,
            volume: Math.min(MAX_VOLUME, Math.max(0, options.volume)),
            fadeInMs: ms(options.fadeInMs),
            fadeOutMs: ms(options.fadeOutMs),
          },
        });
        if (!set.ok) throw set.error;
        return { music: true, note: `Music at ${Math.round(options.volume * 100)} %` };
      }),
  });
}
