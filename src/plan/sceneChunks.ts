import { letterSuffix } from '../model/numbering';
import type { SceneHeadingElement, ScriptElement } from '../script/types';
import { putsSomethingOnScreen } from './onScreen';

/** A scene's heading and the elements under it, up to the next heading. */
export interface SceneChunk {
  /** Null for the cold open: what comes before the first heading. */
  readonly heading: SceneHeadingElement | null;
  readonly elements: readonly ScriptElement[];
  readonly number: string;
}

/** The cold open is scene 0, so the script's first heading is still scene 1. */
export const COLD_OPEN_SCENE_NUMBER = '0';

/**
 * Splits a script into scenes at its headings. Action or dialogue before the first heading (a
 * cold open) becomes a scene of its own with an empty heading; titles, sections and notes alone
 * before the first heading make no scene.
 */
export function splitIntoScenes(elements: readonly ScriptElement[]): SceneChunk[] {
  const groups: { heading: SceneHeadingElement | null; elements: ScriptElement[] }[] = [
    { heading: null, elements: [] },
  ];
  for (const element of elements) {
    if (element.type === 'scene_heading') groups.push({ heading: element, elements: [] });
    else groups.at(-1)?.elements.push(element);
  }
  const [coldOpen, ...headed] = groups;
  const hasColdOpen = coldOpen?.elements.some(putsSomethingOnScreen) ?? false;
  const numbers = sceneNumbers(
    headed.map((group) => group.heading?.sceneNumber),
    hasColdOpen ? [COLD_OPEN_SCENE_NUMBER] : [],
  );
  const chunks = headed.map((group, index) => ({ ...group, number: numbers[index] ?? '' }));
  if (coldOpen && hasColdOpen) chunks.unshift({ ...coldOpen, number: COLD_OPEN_SCENE_NUMBER });
  return chunks;
}

/**
 * The script's own number where it has one, else the scene's 1-based position. Shot numbers are
 * built on scene numbers, so two scenes must never share one: a clash (a repeated `#3#`, or a
 * position that another scene claims explicitly) takes the next free letter, `3A`, `3B`, …
 */
export function sceneNumbers(
  explicit: readonly (string | undefined)[],
  taken: readonly string[] = [],
): string[] {
  const reserved = new Set(explicit.filter((number) => number !== undefined));
  const used = new Set<string>(taken);
  return explicit.map((number, index) => {
    const wanted = number ?? String(index + 1);
    const free = (candidate: string): boolean =>
      !used.has(candidate) && (candidate === number || !reserved.has(candidate));
    let chosen = wanted;
    for (let letter = 1; !free(chosen); letter++) chosen = wanted + letterSuffix(letter);
    used.add(chosen);
    return chosen;
  });
}
