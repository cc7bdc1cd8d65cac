import type { ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { offlineOutline, offlineScript } from './offline';
import { outlineSchema, type Bible, type Outline } from './outputs';
import type { IdeaParams } from './params';

/**
 * Hand edits of the idea pipeline's results, as the wizard makes them: each returns a new value
 * (the engine stores it as the step's edited result) and leaves its argument as it was.
 */

export type Beat = Outline['beats'][number];

export function setBeat(outline: Outline, index: number, patch: Partial<Beat>): Outline {
  return {
    ...outline,
    beats: outline.beats.map((b, i) => (i === index ? { ...b, ...patch } : b)),
  };
}

/** Moves beat `index` by `delta` places, clamped to the list. */
export function moveBeat(outline: Outline, index: number, delta: number): Outline {
  const to = Math.max(0, Math.min(outline.beats.length - 1, index + delta));
  if (to === index || !outline.beats[index]) return outline;
  const beats = [...outline.beats];
  const [beat] = beats.splice(index, 1);
  beats.splice(to, 0, beat as Beat);
  return { ...outline, beats };
}

/** An outline keeps at least one beat (its schema asks for one). */
export function removeBeat(outline: Outline, index: number): Outline {
  if (outline.beats.length <= 1) return outline;
  return { ...outline, beats: outline.beats.filter((_, i) => i !== index) };
}

/** A blank beat after `index` (at the end when absent). */
export function addBeat(outline: Outline, index = outline.beats.length - 1): Outline {
  const beats = [...outline.beats];
  beats.splice(index + 1, 0, { title: `Beat ${outline.beats.length + 1}`, summary: '' });
  return { ...outline, beats };
}

export type BibleEntry = Bible[number];

export function setEntry(bible: Bible, index: number, patch: Partial<BibleEntry>): Bible {
  return bible.map((e, i) => (i === index ? { ...e, ...patch } : e));
}

export interface BreakdownCounts {
  readonly scenes: number;
  readonly shots: number;
  readonly characters: number;
  readonly dialogueLines: number;
  readonly seconds: number;
}

export function breakdownCounts(snapshot: ProjectSnapshot): BreakdownCounts {
  return {
    scenes: snapshot.scenes.length,
    shots: snapshot.shots.length,
    characters: snapshot.characters.length,
    dialogueLines: snapshot.shots.reduce((sum, s) => sum + s.dialogue.length, 0),
    seconds: Math.round(snapshot.shots.reduce((sum, s) => sum + s.durationMs, 0) / 1000),
  };
}

export interface SceneBoards {
  readonly scene: Pick<Scene, 'id' | 'number' | 'heading'>;
  readonly shots: readonly Shot[];
}

/** The plan as boards: each scene in script order with its shots in board order. */
export function boardsOf(snapshot: ProjectSnapshot): SceneBoards[] {
  return snapshot.scenes.map((scene) => ({
    scene: { id: scene.id, number: scene.number, heading: scene.heading },
    shots: snapshot.shots.filter((s) => s.sceneId === scene.id),
  }));
}

/** The words a shot's board shows: its action, else its first line of dialogue. */
export function boardText(shot: Shot): string {
  const line = shot.dialogue[0];
  return shot.action.trim() || (line ? `${line.speaker}: ${line.line}` : '');
}

export function setShotAction(snapshot: ProjectSnapshot, shotId: string, action: string) {
  return {
    ...snapshot,
    shots: snapshot.shots.map((s) => (s.id === shotId ? { ...s, action } : s)),
  };
}

/**
 * Where writing a failed step by hand starts: what the offline rules make from what is there
 * (the outline from the idea, the script skeleton from the outline, a card per character of the
 * breakdown with nothing filled in); null for a step that is not written by hand.
 */
export function handStart(
  stepId: string,
  params: IdeaParams,
  outputs: Readonly<Record<string, unknown>>,
): unknown {
  switch (stepId) {
    case 'outline':
      return offlineOutline(params);
    case 'script': {
      const outline = outlineSchema.safeParse(outputs.outline);
      return outline.success ? offlineScript(params, outline.data) : '';
    }
    case 'bible': {
      const breakdown = outputs.breakdown as ProjectSnapshot | null | undefined;
      return (breakdown?.characters ?? []).map((c) => ({
        name: c.name,
        description: '',
        look: '',
        wardrobe: '',
      }));
    }
    default:
      return null;
  }
}
