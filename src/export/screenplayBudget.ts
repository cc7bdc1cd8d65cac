import type { Breakdown } from '../plan';
import { splitIntoScenes } from '../plan/sceneChunks';
import type { ScriptDocument, ScriptElement } from '../script/types';

/**
 * How much screenplay one import may turn into a project. A file under the byte limit can still
 * hold far more than a project can carry: a 1 MB script made 8,885 shots, and every edit of that
 * project then took 1.5 s. An import over any of these is refused before anything is written,
 * with the count, the limit and where to split the script.
 *
 * - `maxElements`: paragraphs the parser found (headings, action, cues, dialogue…): checked before
 *   planning, so a pathological file costs no planning time. A feature film has about 3,000–5,000.
 * - `maxScenes`, `maxShots`, `maxCharacters`: what the planned board would hold. A feature plans
 *   to roughly 400 scenes and 1,600 shots here (tests/bench/parseCorpus.ts).
 * - `timeMs`: the whole job (reading, parsing, planning) runs in a worker that is stopped after
 *   this long; the person is told why.
 */
export interface ScreenplayBudget {
  readonly maxElements: number;
  readonly maxScenes: number;
  readonly maxShots: number;
  readonly maxCharacters: number;
  readonly timeMs: number;
}

export const SCREENPLAY_BUDGET: ScreenplayBudget = {
  maxElements: 50_000,
  maxScenes: 1_000,
  maxShots: 2_000,
  maxCharacters: 500,
  timeMs: 60_000,
};

const count = (n: number) => n.toLocaleString('en-US');

/** `“draft.fountain”` or “The pasted text”, as the refusal's subject. */
export function describeSource(fileName: string): string {
  return fileName ? `“${fileName}”` : 'The pasted text';
}

/** Where to cut a script: before this scene heading, named by its number, text and line. */
function splitPoint(heading: ScriptElement | null, sceneNumber: string): string {
  if (!heading) return `before scene ${sceneNumber}`;
  const text = heading.text.length > 60 ? `${heading.text.slice(0, 57)}…` : heading.text;
  return `before scene ${sceneNumber} “${text}” (line ${count(heading.line)})`;
}

/**
 * Refuses a parsed script with more paragraphs than the budget, before it is planned. Null when
 * it fits.
 */
export function checkParsedBudget(
  script: ScriptDocument,
  fileName: string,
  budget: ScreenplayBudget = SCREENPLAY_BUDGET,
): string | null {
  const { elements } = script;
  if (elements.length <= budget.maxElements) return null;
  const lastLine = elements[budget.maxElements - 1]?.line ?? 0;
  return (
    `${describeSource(fileName)} has ${count(elements.length)} paragraphs of script (it reaches ` +
    `${count(budget.maxElements)} at line ${count(lastLine)}); Frameline reads up to ` +
    `${count(budget.maxElements)} per project. Split it into parts and import each as its own ` +
    `project.`
  );
}

/**
 * Refuses a planned board larger than the budget: too many scenes, shots or speaking characters.
 * Says how many it would make, the limit, and a scene to split before so the first part fits.
 * Null when it fits.
 */
export function checkBreakdownBudget(
  script: ScriptDocument,
  breakdown: Breakdown,
  fileName: string,
  budget: ScreenplayBudget = SCREENPLAY_BUDGET,
): string | null {
  const subject = describeSource(fileName);
  const { scenes, shots, characters } = breakdown;
  const tooManyShots = shots.length > budget.maxShots;
  const tooManyScenes = scenes.length > budget.maxScenes;
  if (tooManyShots || tooManyScenes) {
    // The first scene that would not fit: the scene of the first shot past the limit, or the
    // first scene past the scene limit, whichever comes first. Breakdown scenes are the script's
    // scene chunks in order, so the same index finds its heading.
    const firstShotOver = tooManyShots ? shots[budget.maxShots] : undefined;
    const byShots = firstShotOver
      ? scenes.findIndex((scene) => scene.id === firstShotOver.sceneId)
      : Number.POSITIVE_INFINITY;
    const byScenes = tooManyScenes ? budget.maxScenes : Number.POSITIVE_INFINITY;
    const index = Math.max(1, Math.min(byShots, byScenes));
    const chunk = splitIntoScenes(script.elements)[index];
    const scene = scenes[index];
    const where = splitPoint(chunk?.heading ?? null, scene?.number ?? String(index + 1));
    const what = tooManyShots
      ? `would make ${count(shots.length)} shots in ${count(scenes.length)} scenes; Frameline ` +
        `handles up to ${count(budget.maxShots)} shots`
      : `has ${count(scenes.length)} scenes; Frameline handles up to ${count(budget.maxScenes)} scenes`;
    return `${subject} ${what} per project. Split it into parts and import each as its own project, for example ${where}.`;
  }
  if (characters.length > budget.maxCharacters) {
    const first = characters[budget.maxCharacters];
    return (
      `${subject} has ${count(characters.length)} speaking characters; Frameline handles up to ` +
      `${count(budget.maxCharacters)} per project${first ? ` (${first.name} is the first past the limit)` : ''}. ` +
      `Split it into parts and import each as its own project.`
    );
  }
  return null;
}

/** Why a job was stopped by the time budget. */
export function timeBudgetMessage(
  fileName: string,
  budget: ScreenplayBudget = SCREENPLAY_BUDGET,
): string {
  const seconds = Math.round(budget.timeMs / 1000);
  return (
    `Reading ${describeSource(fileName).replace(/^The/, 'the')} took longer than ${seconds} s, so ` +
    `Frameline stopped. Split the script into parts, or save it from your screenplay app as ` +
    `Fountain or Final Draft (FDX) and import that.`
  );
}
