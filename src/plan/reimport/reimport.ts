import type { Character } from '../../model/character';
import type { CharacterId, SceneId, ShotId } from '../../model/ids';
import { letterSuffix, numberForNewShot } from '../../model/numbering';
import type { ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import type { Breakdown } from '../breakdown';
import { align } from './align';
import { jaccard, wordSet } from './similarity';

/**
 * Re-importing a new draft into boards that already exist. Pure: the current project and the new
 * draft's breakdown in, a plan out — the final scene and shot order, and what changed — which
 * the user reviews before store/projectDoc applies it in one undoable step.
 *
 * - Scenes are matched by heading and content, keeping script order (see align.ts); beats
 *   (shots) within a matched scene the same way by their text.
 * - Matched shots take the new draft's text and timing; everything else the team did (frames,
 *   framing, numbers, notes, shot type) stays.
 * - New beats and scenes are added where the draft has them, numbered without renumbering
 *   anyone (3A.1, 12A).
 * - A shot the draft dropped is deleted only when it holds no one's work: a drawn, generated or
 *   uploaded frame keeps it, marked OMITTED.
 */

/** Weight of the heading against the content when matching scenes. */
const HEADING_WEIGHT = 0.35;
/** Scenes scoring under this are not the same scene. */
const SCENE_MATCH_THRESHOLD = 0.3;
/** Beats scoring under this are not the same beat. */
const SHOT_MATCH_THRESHOLD = 0.3;

export type ShotChange =
  | {
      readonly kind: 'updated';
      readonly shotId: ShotId;
      readonly number: string;
      readonly fields: readonly string[];
    }
  | { readonly kind: 'added'; readonly shot: Shot }
  | { readonly kind: 'removed'; readonly shotId: ShotId; readonly number: string }
  | { readonly kind: 'omitted'; readonly shotId: ShotId; readonly number: string };

export type SceneChange =
  | {
      readonly kind: 'renamed';
      readonly sceneId: SceneId;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'added'; readonly scene: Scene }
  | { readonly kind: 'removed'; readonly sceneId: SceneId; readonly heading: string };

export interface ReimportPlan {
  /** The scenes after applying, in order (kept scenes carry their new heading). */
  readonly scenes: readonly Scene[];
  /** Every shot after applying, in board order, with the new text and timing. */
  readonly shots: readonly Shot[];
  /** Characters the draft brings that the project does not have yet. */
  readonly newCharacters: readonly Character[];
  readonly sceneChanges: readonly SceneChange[];
  readonly shotChanges: readonly ShotChange[];
  /** Ids of shots and scenes that disappear. */
  readonly deletedShotIds: readonly ShotId[];
  readonly deletedSceneIds: readonly SceneId[];
}

export interface ReimportSummary {
  readonly scenesAdded: number;
  readonly scenesRemoved: number;
  readonly scenesRenamed: number;
  readonly shotsUpdated: number;
  readonly shotsAdded: number;
  readonly shotsRemoved: number;
  readonly shotsOmitted: number;
  readonly unchanged: boolean;
}

function shotText(shot: Shot): string {
  return [shot.action, ...shot.dialogue.map((d) => `${d.speaker} ${d.line}`)].join(' ');
}

function hasArtwork(shot: Shot): boolean {
  return shot.frameSource === 'drawn' || shot.frameSource === 'ai' || shot.frameSource === 'upload';
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What the script editor knows beyond the text (plan/scriptFollow.ts): which beat of the draft
 * each board came from, by stable anchor rather than by likeness.
 */
export interface ReimportOptions {
  /** Project shot id → the draft shot (beat) it is tied to; the tie wins over any likeness. */
  readonly ties?: ReadonlyMap<ShotId, ShotId>;
  /**
   * Shots the script does not tell (added on the boards): when no beat matches them they stay
   * as they are, rather than being deleted or OMITTED. Absent: every shot came from a script.
   */
  readonly fromBoards?: (shot: Shot) => boolean;
  /**
   * When `current` holds only some scenes of the project (the scenes a script edit touched): the
   * numbers every other scene uses, and the number of the scene right before these, so a new
   * scene is numbered as it would be among all of them.
   */
  readonly outside?: { readonly sceneNumbers: readonly string[]; readonly previousNumber: string };
}

/** A tie scores above any likeness; a tied shot or beat scores nothing against anything else. */
const TIE_SCORE = 2;

export function planReimport(
  current: ProjectSnapshot,
  draft: Breakdown,
  options: ReimportOptions = {},
): ReimportPlan {
  const ties = options.ties ?? new Map<ShotId, ShotId>();
  const tiedBeats = new Set(ties.values());
  const fromBoards = options.fromBoards ?? (() => false);
  const draftSceneOf = new Map(draft.shots.map((s) => [s.id, s.sceneId]));
  /** Old scene index → new scene ids its shots are tied into. */
  const sceneTies = current.scenes.map(
    (scene) =>
      new Set(
        current.shots
          .filter((s) => s.sceneId === scene.id && ties.has(s.id))
          .map((s) => draftSceneOf.get(ties.get(s.id) as ShotId)),
      ),
  );
  // Characters: the project's own ids by name; new names join the project.
  const idByName = new Map(current.characters.map((c) => [c.name, c.id]));
  const newCharacters = draft.characters.filter((c) => !idByName.has(c.name));
  for (const c of newCharacters) idByName.set(c.name, c.id);
  const draftNameById = new Map(draft.characters.map((c) => [c.id, c.name]));
  const projectIds = (ids: readonly CharacterId[]) =>
    ids.map((id) => idByName.get(draftNameById.get(id) ?? '') ?? id);

  const oldShotsOf = (sceneId: SceneId) => current.shots.filter((s) => s.sceneId === sceneId);
  const newShotsOf = (sceneId: SceneId) => draft.shots.filter((s) => s.sceneId === sceneId);
  const sceneWords = (shots: readonly Shot[]) => wordSet(shots.map(shotText).join(' '));

  const oldSceneWords = current.scenes.map((s) => sceneWords(oldShotsOf(s.id)));
  const newSceneWords = draft.scenes.map((s) => sceneWords(newShotsOf(s.id)));
  const oldHeadings = current.scenes.map((s) => wordSet(s.heading));
  const newHeadings = draft.scenes.map((s) => wordSet(s.heading));
  const scenePairs = align(
    current.scenes.length,
    draft.scenes.length,
    (i, j) =>
      (sceneTies[i]?.has(draft.scenes[j]?.id) ? TIE_SCORE : 0) +
      HEADING_WEIGHT * jaccard(oldHeadings[i] ?? new Set(), newHeadings[j] ?? new Set()) +
      (1 - HEADING_WEIGHT) * jaccard(oldSceneWords[i] ?? new Set(), newSceneWords[j] ?? new Set()),
    SCENE_MATCH_THRESHOLD,
  );
  const oldForNew = new Map(scenePairs.map((p) => [p.newIndex, p.oldIndex]));
  const matchedOld = new Set(scenePairs.map((p) => p.oldIndex));

  const scenes: Scene[] = [];
  const shots: Shot[] = [];
  const sceneChanges: SceneChange[] = [];
  const shotChanges: ShotChange[] = [];
  const deletedShotIds: ShotId[] = [];
  const deletedSceneIds: SceneId[] = [];
  const usedSceneNumbers = new Set([
    ...current.scenes.map((s) => s.number),
    ...(options.outside?.sceneNumbers ?? []),
  ]);

  /** Old scenes the draft dropped, placed right after the last kept scene before them. */
  const flushRemovedBefore = (oldIndexLimit: number, from: { next: number }) => {
    for (; from.next < oldIndexLimit; from.next++) {
      if (matchedOld.has(from.next)) continue;
      const old = current.scenes[from.next];
      if (!old) continue;
      const kept = oldShotsOf(old.id).filter((s) => hasArtwork(s) || fromBoards(s));
      for (const shot of oldShotsOf(old.id)) {
        if (fromBoards(shot)) continue;
        if (hasArtwork(shot))
          shotChanges.push({ kind: 'omitted', shotId: shot.id, number: shot.number });
        else {
          shotChanges.push({ kind: 'removed', shotId: shot.id, number: shot.number });
          deletedShotIds.push(shot.id);
        }
      }
      sceneChanges.push({ kind: 'removed', sceneId: old.id, heading: old.heading });
      if (kept.length === 0) deletedSceneIds.push(old.id);
      else {
        scenes.push(old);
        shots.push(...kept.map((s) => (fromBoards(s) ? s : { ...s, omitted: true })));
      }
    }
  };

  const cursor = { next: 0 };
  draft.scenes.forEach((newScene, newIndex) => {
    const oldIndex = oldForNew.get(newIndex);
    if (oldIndex !== undefined) flushRemovedBefore(oldIndex, cursor);
    const old = oldIndex === undefined ? undefined : current.scenes[oldIndex];
    if (old) {
      cursor.next = Math.max(cursor.next, (oldIndex ?? 0) + 1);
      const heading = newScene.heading || old.heading;
      if (heading !== old.heading)
        sceneChanges.push({ kind: 'renamed', sceneId: old.id, from: old.heading, to: heading });
      const kept: Scene = {
        ...old,
        heading,
        intExt: newScene.intExt,
        location: newScene.location,
        timeOfDay: newScene.timeOfDay,
      };
      scenes.push(kept);
      shots.push(
        ...mergeSceneShots(
          kept,
          oldShotsOf(old.id),
          newShotsOf(newScene.id),
          projectIds,
          shotChanges,
          deletedShotIds,
          { ties, tiedBeats, fromBoards },
        ),
      );
    } else {
      const number = freeSceneNumber(
        newScene.number,
        scenes.at(-1)?.number ?? options.outside?.previousNumber ?? '0',
        usedSceneNumbers,
      );
      usedSceneNumbers.add(number);
      const added: Scene = { ...newScene, number };
      sceneChanges.push({ kind: 'added', scene: added });
      scenes.push(added);
      const numbers: string[] = [];
      for (const shot of newShotsOf(newScene.id)) {
        const numbered: Shot = {
          ...shot,
          number: numberForNewShot(number, numbers, numbers.length),
          characterIds: projectIds(shot.characterIds),
        };
        numbers.push(numbered.number);
        shots.push(numbered);
        shotChanges.push({ kind: 'added', shot: numbered });
      }
    }
  });
  flushRemovedBefore(current.scenes.length, cursor);

  return {
    scenes,
    shots,
    newCharacters,
    sceneChanges,
    shotChanges,
    deletedShotIds,
    deletedSceneIds,
  };
}

/** The beats of one matched scene: aligned, updated, added and dropped. */
function mergeSceneShots(
  scene: Scene,
  oldShots: readonly Shot[],
  newShots: readonly Shot[],
  projectIds: (ids: readonly CharacterId[]) => CharacterId[],
  changes: ShotChange[],
  deleted: ShotId[],
  known: {
    readonly ties: ReadonlyMap<ShotId, ShotId>;
    readonly tiedBeats: ReadonlySet<ShotId>;
    readonly fromBoards: (shot: Shot) => boolean;
  },
): Shot[] {
  const oldWords = oldShots.map((s) => wordSet(shotText(s)));
  const newWords = newShots.map((s) => wordSet(shotText(s)));
  const score = (i: number, j: number): number => {
    const old = oldShots[i];
    const fresh = newShots[j];
    if (!old || !fresh) return 0;
    const tie = known.ties.get(old.id);
    if (tie !== undefined) return tie === fresh.id ? TIE_SCORE : 0;
    if (known.tiedBeats.has(fresh.id)) return 0;
    return jaccard(oldWords[i] ?? new Set(), newWords[j] ?? new Set());
  };
  const pairs = align(oldShots.length, newShots.length, score, SHOT_MATCH_THRESHOLD);
  const oldForNew = new Map(pairs.map((p) => [p.newIndex, p.oldIndex]));
  const matchedOld = new Set(pairs.map((p) => p.oldIndex));

  const result: Shot[] = [];
  let nextOld = 0;
  const keepDropped = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (matchedOld.has(nextOld)) continue;
      const old = oldShots[nextOld];
      if (!old) continue;
      if (known.fromBoards(old)) result.push(old);
      else if (hasArtwork(old)) {
        changes.push({ kind: 'omitted', shotId: old.id, number: old.number });
        result.push({ ...old, omitted: true });
      } else {
        changes.push({ kind: 'removed', shotId: old.id, number: old.number });
        deleted.push(old.id);
      }
    }
  };

  newShots.forEach((fresh, j) => {
    const i = oldForNew.get(j);
    const characterIds = projectIds(fresh.characterIds);
    if (i !== undefined) {
      keepDropped(i);
      nextOld = Math.max(nextOld, i + 1);
      const old = oldShots[i];
      if (!old) return;
      const updated: Shot = {
        ...old,
        action: fresh.action,
        dialogue: fresh.dialogue,
        durationMs: fresh.durationMs,
        characterIds,
        omitted: false,
      };
      const fields = (['action', 'dialogue', 'durationMs', 'characterIds'] as const).filter(
        (field) => !sameList([old[field]], [updated[field]]),
      );
      if (fields.length > 0 || old.omitted)
        changes.push({ kind: 'updated', shotId: old.id, number: old.number, fields });
      result.push(updated);
    } else {
      result.push({ ...fresh, sceneId: scene.id, characterIds, number: '' });
    }
  });
  keepDropped(oldShots.length);

  // Number the added beats by where they landed, so no existing number moves.
  const numbers: string[] = [];
  return result.map((shot, position) => {
    if (shot.number !== '') {
      numbers.push(shot.number);
      return shot;
    }
    const numbered = { ...shot, number: numberForNewShot(scene.number, numbers, position) };
    numbers.push(numbered.number);
    changes.push({ kind: 'added', shot: numbered });
    return numbered;
  });
}

/** The draft's own scene number when free, else the previous scene's number plus a letter (5A). */
function freeSceneNumber(wanted: string, previous: string, used: ReadonlySet<string>): string {
  if (wanted && !used.has(wanted)) return wanted;
  for (let k = 1; ; k++) {
    const candidate = previous + letterSuffix(k);
    if (!used.has(candidate)) return candidate;
  }
}

export function summarizeReimport(plan: ReimportPlan): ReimportSummary {
  const count = <K extends string>(list: readonly { kind: K }[], kind: K) =>
    list.filter((c) => c.kind === kind).length;
  const summary = {
    scenesAdded: count(plan.sceneChanges, 'added'),
    scenesRemoved: count(plan.sceneChanges, 'removed'),
    scenesRenamed: count(plan.sceneChanges, 'renamed'),
    shotsUpdated: count(plan.shotChanges, 'updated'),
    shotsAdded: count(plan.shotChanges, 'added'),
    shotsRemoved: count(plan.shotChanges, 'removed'),
    shotsOmitted: count(plan.shotChanges, 'omitted'),
  };
  return { ...summary, unchanged: Object.values(summary).every((n) => n === 0) };
}
