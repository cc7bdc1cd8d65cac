import { NO_USAGE } from '../../../ai/providers/types';
import type { AiRouter } from '../../../ai/router/router';
import type { Shot } from '../../../model/shot';
import { speakShot } from '../../shotSound';
import { OFFLINE, type ProviderChoice, type StepContext } from '../types';
import { only } from './frames';
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

const GUESSED_LINE_CHARS = 60;

const spokenLines = (shot: Shot) => shot.dialogue.filter((l) => l.line.trim());

/** A shot with lines and no speech yet (a shot already voiced is never voiced again). */
export function needsVoice(_: unknown, shot: Shot): boolean {
  return spokenLines(shot).length > 0 && !shot.audio.some((clip) => clip.kind === 'tts');
}

export const NO_SPEECH_NOTE =
  'No speech provider: the lines stay silent (add one in Settings, or record them on the shots).';

/** The router's speech, for one provider when the step names one, its cost told to the step. */
function speechFor(router: AiRouter, choice: ProviderChoice, ctx: StepContext) {
  return {
    speech: async (...[request, options]: Parameters<AiRouter['speech']>) => {
      const routed = await ctx.paid(
        { key: `speech:${request.voice}:${request.text}`, what: 'spoken line' },
        () => router.speech(request, { ...options, ...only(choice) }),
      );
      ctx.onCost(routed.costUsd);
      return routed;
    },
  };
}

/**
 * Text to speech for every line (each character keeps one voice), as clips on the shots. Without
 * a speech provider it is not an error: the result says so and the render goes on silent.
 */
export function voicesStep<P>(setup: ProjectStepSetup<P>) {
  const { deps } = setup;
  return step<P>({
    id: setup.id ?? 'voices',
    label: 'Voices',
    after: afterOf(setup),
    version: 1,
    capability: 'speech',
    reads: () => null,
    plan: (input) => {
      if (input.provider === OFFLINE) return [];
      const snapshot = snapshotFor(setup, input);
      if (!snapshot) {
        // Before the plan: about a line for every other shot, of a few words.
        const guess = Math.round((setup.source.guessShots?.(input) ?? 0) / 2);
        const usage = { ...NO_USAGE, characters: GUESSED_LINE_CHARS };
        return guess > 0 ? [{ capability: 'speech', calls: guess, usage }] : [];
      }
      const lines = pendingShots(snapshot, needsVoice).flatMap(spokenLines);
      if (lines.length === 0) return [];
      const characters = Math.round(lines.reduce((n, l) => n + l.line.length, 0) / lines.length);
      return [{ capability: 'speech', calls: lines.length, usage: { ...NO_USAGE, characters } }];
    },
    run: (input, ctx) =>
      openFor(setup, input, async ({ session }): Promise<ShotTally> => {
        if (session.readOnly)
          throw new Error(session.readOnlyReason ?? 'The project is read-only.');
        const snapshot = session.getState().snapshot;
        const shots = pendingShots(snapshot, needsVoice);
        const voiced = snapshot.shots.filter((s) => !s.omitted && spokenLines(s).length > 0);
        const skipped = voiced.length - shots.length;
        const choice = input.provider;
        if (choice === OFFLINE || !(await deps.canUse('speech', choice)))
          return { made: 0, skipped: voiced.length, failed: 0, note: NO_SPEECH_NOTE };
        const counted = await eachShot(shots, ctx, async (shot) => {
          await speakShot(session, shot.id, {
            router: speechFor(deps.router, choice, ctx),
            signal: ctx.signal,
            store: (bytes, mimeType) => deps.assets.put(bytes, mimeType),
            measure: deps.measureAudio,
          });
        });
        return tallyOf(counted, skipped, 'shots’ voices');
      }),
  });
}
