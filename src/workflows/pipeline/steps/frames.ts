import { generateCharacterSheet } from '../../../ai/characters/characterSheet';
import { generateFrame } from '../../../ai/frames/generateFrame';
import { promptForShot } from '../../../ai/frames/promptBuilder';
import { NO_USAGE } from '../../../ai/providers/types';
import type { ProjectSnapshot } from '../../../model/project';
import type { Shot } from '../../../model/shot';
import { isClipTake, takeSource } from '../../../model/take';
import { AUTO, OFFLINE, type ProviderChoice } from '../types';
import {
  afterOf,
  eachShot,
  openFor,
  pendingShots,
  perShot,
  snapshotFor,
  step,
  tallyOf,
  type ProjectStepSetup,
  type ShotTally,
} from './projectStep';

export interface FramesOptions {
  /** Draw a sheet first for each character in the shots that has none (used as a reference). */
  readonly sheets: boolean;
}

/**
 * A shot needs a frame unless it has a generated picture for the prompt it would be sent now, or
 * its frame is the person's own (drawn or uploaded: never paid over).
 */
export function needsFrame(snapshot: ProjectSnapshot, shot: Shot): boolean {
  if (shot.frameSource === 'drawn' || shot.frameSource === 'upload') return false;
  const prompt = promptForShot(snapshot, shot);
  return !shot.takes.some(
    (t) =>
      !isClipTake(t) &&
      takeSource(t) === 'ai' &&
      t.providerKind !== 'sketch' &&
      t.prompt === prompt,
  );
}

/** Characters in these shots without a sheet, in cast order. */
export function sheetless(snapshot: ProjectSnapshot, shots: readonly Shot[]) {
  const wanted = new Set(shots.flatMap((s) => s.characterIds));
  return snapshot.characters.filter((c) => wanted.has(c.id) && !c.sheetHash);
}

const IMAGE = { ...NO_USAGE, images: 1 };

export const only = (choice: ProviderChoice) =>
  choice === AUTO || choice === OFFLINE ? {} : { only: choice };

export interface FramesResult extends ShotTally {
  readonly sheets: number;
  /** 'sketch': no image provider answered for the choice, the offline sketches are the frames. */
  readonly mode: 'generated' | 'sketch';
}

/**
 * Frames for every shot, with the characters' sheets as references: through the image providers
 * (one call per shot still without a frame for its prompt), or offline, the sketches.
 */
export function framesStep<P>(setup: ProjectStepSetup<P>, options: FramesOptions) {
  const { deps } = setup;
  return step<P>({
    id: setup.id ?? 'frames',
    label: 'Frames',
    after: afterOf(setup),
    version: 1,
    capability: 'image',
    reads: () => options,
    plan: (input) => {
      if (input.provider === OFFLINE) return [];
      const snapshot = snapshotFor(setup, input);
      if (!snapshot) return perShot('image', setup.source.guessShots?.(input) ?? 0, IMAGE);
      const shots = pendingShots(snapshot, needsFrame);
      const sheets = options.sheets ? sheetless(snapshot, shots).length : 0;
      return perShot('image', shots.length + sheets, IMAGE);
    },
    run: (input, ctx) =>
      openFor(setup, input, async ({ session, sketchesDone }): Promise<FramesResult> => {
        if (session.readOnly)
          throw new Error(session.readOnlyReason ?? 'The project is read-only.');
        const choice = input.provider;
        const online = choice !== OFFLINE && (await deps.canUse('image', choice));
        if (!online) {
          await sketchesDone();
          const shots = session.getState().snapshot.shots.filter((s) => !s.omitted).length;
          return {
            made: 0,
            skipped: shots,
            failed: 0,
            mode: 'sketch',
            sheets: 0,
            note: 'Offline sketches',
          };
        }
        let sheets = 0;
        const notes: string[] = [];
        if (options.sheets) {
          const snapshot = session.getState().snapshot;
          for (const character of sheetless(snapshot, pendingShots(snapshot, needsFrame))) {
            if (ctx.signal.aborted) break;
            ctx.onProgress({ done: 0, total: 1, note: `Sheet of ${character.name}` });
            try {
              const hash = await ctx.paid(
                { key: `sheet:${character.id}`, what: 'character sheet' },
                () =>
                  generateCharacterSheet(deps.router, deps.assets, character, snapshot.meta, {
                    signal: ctx.signal,
                    ...only(choice),
                  }),
              );
              const set = session.run('character/setSheet', { characterId: character.id, hash });
              if (set.ok) sheets++;
            } catch (error) {
              if (ctx.signal.aborted) break;
              notes.push(
                `No sheet for ${character.name}: ${error instanceof Error ? error.message : String(error)}`,
              );
            }
          }
        }
        const snapshot = session.getState().snapshot;
        const shots = pendingShots(snapshot, needsFrame);
        const skipped = snapshot.shots.filter((s) => !s.omitted).length - shots.length;
        const counted = await eachShot(shots, ctx, async (shot) => {
          const outcome = await ctx.paid({ key: `frame:${shot.id}`, what: 'frame' }, () =>
            generateFrame({ session, router: deps.router, assets: deps.assets }, shot.id, {
              signal: ctx.signal,
              ...only(choice),
            }),
          );
          ctx.onCost(outcome.costUsd);
          if (!outcome.take)
            throw new Error(outcome.trouble || 'Only the offline sketch answered.');
        });
        return {
          ...tallyOf(counted, skipped, 'frames', notes.join(' ')),
          mode: 'generated',
          sheets,
        };
      }),
  });
}
