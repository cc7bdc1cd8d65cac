import { generateCharacterSheet } from '../../../ai/characters/characterSheet';
import { NO_USAGE } from '../../../ai/providers/types';
import type { CharacterId } from '../../../model/ids';
import type { ProjectSnapshot } from '../../../model/project';
import { OFFLINE, type StepInput } from '../types';
import { only } from './frames';
import {
  afterOf,
  openFor,
  perShot,
  snapshotFor,
  step,
  StepStopped,
  type ProjectStepDeps,
  type ProjectStepSetup,
} from './projectStep';

/**
 * The character bible's sheets as a step of their own, so they are seen (and one redrawn) before
 * any frame is paid for: one image call per character on screen without a sheet. The sheets live
 * in the project's bible, so a run resumed after a reload or a failure draws only those missing,
 * and the frames after it take them as references.
 */

export interface SheetOfCharacter {
  readonly characterId: string;
  readonly name: string;
  /** The sheet's picture in the asset store; null while the character has none. */
  readonly hash: string | null;
}

export interface SheetsResult {
  readonly kind: 'sheets';
  readonly projectId: string;
  /** Every character on screen, in cast order, with its sheet (or none). */
  readonly sheets: readonly SheetOfCharacter[];
  /** How many were drawn by this run of the step. */
  readonly drawn: number;
  readonly note: string;
}

export const NO_SHEETS_NOTE =
  'No image provider for this step: the characters have no sheets (the offline sketch cannot draw one), and the frames go without references.';

const IMAGE = { ...NO_USAGE, images: 1 };

export function isSheetsResult(value: unknown): value is SheetsResult {
  const v = value as Partial<SheetsResult> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.kind === 'sheets' &&
    typeof v.projectId === 'string' &&
    Array.isArray(v.sheets)
  );
}

/** The characters seen in the shots that are not left out, in cast order. */
function onScreen(snapshot: ProjectSnapshot) {
  const seen = new Set(snapshot.shots.filter((s) => !s.omitted).flatMap((s) => s.characterIds));
  return snapshot.characters.filter((c) => seen.has(c.id));
}

export interface SheetsOptions<P> {
  /** Before the plan exists: how many characters there will probably be (for estimates). */
  readonly guessCharacters?: (input: StepInput<P>) => number;
}

export function sheetsStep<P>(setup: ProjectStepSetup<P>, options: SheetsOptions<P> = {}) {
  const { deps } = setup;
  return step<P>({
    id: setup.id ?? 'sheets',
    label: 'Character sheets',
    after: afterOf(setup),
    version: 1,
    capability: 'image',
    reads: () => null,
    plan: (input) => {
      if (input.provider === OFFLINE) return [];
      const snapshot = snapshotFor(setup, input);
      if (!snapshot) return perShot('image', options.guessCharacters?.(input) ?? 0, IMAGE);
      return perShot('image', onScreen(snapshot).filter((c) => !c.sheetHash).length, IMAGE);
    },
    run: (input, ctx) =>
      openFor(setup, input, async ({ session }): Promise<SheetsResult> => {
        if (session.readOnly)
          throw new Error(session.readOnlyReason ?? 'The project is read-only.');
        const choice = input.provider;
        const result = (drawn: number, note: string): SheetsResult => {
          const snapshot = session.getState().snapshot;
          return {
            kind: 'sheets',
            projectId: session.id,
            sheets: onScreen(snapshot).map((c) => ({
              characterId: c.id,
              name: c.name,
              hash: c.sheetHash,
            })),
            drawn,
            note,
          };
        };
        if (choice === OFFLINE || !(await deps.canUse('image', choice)))
          return result(0, NO_SHEETS_NOTE);
        const snapshot = session.getState().snapshot;
        const missing = onScreen(snapshot).filter((c) => !c.sheetHash);
        const failures: string[] = [];
        let drawn = 0;
        for (const [i, character] of missing.entries()) {
          if (ctx.signal.aborted) throw new StepStopped();
          ctx.onProgress({ done: i, total: missing.length, note: `Sheet of ${character.name}` });
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
            if (!set.ok) throw set.error;
            drawn++;
          } catch (error) {
            if (ctx.signal.aborted) throw new StepStopped();
            failures.push(`${character.name}: ${error instanceof Error ? error.message : error}`);
          }
        }
        ctx.onProgress({ done: missing.length, total: missing.length, note: '' });
        if (failures.length > 0)
          throw new Error(
            `${failures.length} of ${missing.length} character sheets failed (${drawn} drawn; run again to draw only those): ${failures.join('; ')}`,
          );
        return result(drawn, '');
      }),
  });
}

/**
 * Forgets one character's sheet in the project, so running the sheets step again draws it anew
 * (the person's "Redraw"); the old picture stays in the asset store, for the project's undo.
 */
export function forgetSheet(
  deps: ProjectStepDeps,
  projectId: string,
  characterId: string,
): Promise<void> {
  return deps.withProject(projectId, async ({ session }) => {
    if (session.readOnly) throw new Error(session.readOnlyReason ?? 'The project is read-only.');
    const done = session.run('character/setSheet', {
      characterId: characterId as CharacterId,
      hash: null,
    });
    if (!done.ok) throw new Error(`The sheet could not be removed: ${done.error.message}`);
  });
}
