import type { ProjectSnapshot } from '../model/project';
import { nextTask, type ProjectSession } from '../store';

/**
 * Shots written per transaction when an import fills an open project. Each transaction is
 * validated, written, read back by the session and drawn before the next one starts, so a part
 * must stay well inside a frame budget on a slow machine; a 2,000-shot import is then ten parts.
 */
export const SHOTS_PER_PART = 200;

type Part = Omit<ProjectSnapshot, 'meta'>;

/**
 * Cuts a board into parts at scene boundaries, each with at most `maxShots` shots (a scene with
 * more is a part of its own). Every part carries the whole cast: appending reuses a name the
 * project already has, so later parts point at the characters the first one added.
 */
export function splitIntoParts(records: Part, maxShots = SHOTS_PER_PART): Part[] {
  const shotsByScene = new Map<string, ProjectSnapshot['shots'][number][]>();
  for (const shot of records.shots) {
    const list = shotsByScene.get(shot.sceneId) ?? [];
    list.push(shot);
    shotsByScene.set(shot.sceneId, list);
  }
  const parts: Part[] = [];
  let current: Part = { scenes: [], shots: [], characters: records.characters };
  for (const scene of records.scenes) {
    const shots = shotsByScene.get(scene.id) ?? [];
    if (current.scenes.length > 0 && current.shots.length + shots.length > maxShots) {
      parts.push(current);
      current = { scenes: [], shots: [], characters: records.characters };
    }
    current = {
      scenes: [...current.scenes, scene],
      shots: [...current.shots, ...shots],
      characters: records.characters,
    };
  }
  if (current.scenes.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

export interface AppendOptions {
  /** Names the project after the screenplay (an "Untitled" project being filled). */
  readonly title?: string;
  readonly onProgress?: (partsDone: number, parts: number) => void;
  /** Tests only. */
  readonly yieldToPage?: () => Promise<void>;
  readonly maxShotsPerPart?: number;
}

/**
 * Appends an imported board to an open project in several transactions, yielding to the page
 * between them so a big import never blocks it, and inside one gesture so the whole import is
 * one undo step. Resolves false when a part was refused (the session has told the person why);
 * the parts already written stay, as that one step.
 */
export async function appendInParts(
  session: ProjectSession,
  records: Part,
  options: AppendOptions = {},
): Promise<boolean> {
  const parts = splitIntoParts(records, options.maxShotsPerPart);
  const yieldToPage = options.yieldToPage ?? nextTask;
  const gesture = session.beginGesture();
  try {
    for (const [index, part] of parts.entries()) {
      const title = index === 0 ? options.title : undefined;
      const added = session.run('project/appendScenes', {
        part,
        ...(title === undefined ? {} : { title }),
      });
      if (!added.ok) return false;
      options.onProgress?.(index + 1, parts.length);
      if (index < parts.length - 1) await yieldToPage();
    }
    return true;
  } finally {
    gesture.end();
  }
}
