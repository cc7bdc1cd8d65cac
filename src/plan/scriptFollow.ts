import type { ShotId } from '../model/ids';
import type { ProjectSnapshot } from '../model/project';
import type { Shot } from '../model/shot';
import { parseFountain } from '../script/fountain/read';
import { breakdownScript, type Breakdown } from './breakdown';
import { planReimport, type ReimportOptions, type ReimportPlan } from './reimport';
import { headingsOf, speakersOf, type FollowedScript } from './scriptRegion';

/**
 * Boards following the script text the team writes (issue 17). Pure: the project, the script
 * and where each board's anchor sits in the script now, in; the re-import plan and where each
 * board's beat starts, out. src/store resolves and writes the anchors (Yjs relative positions,
 * which move with the text as anyone edits it).
 *
 * A shot is tied to the beat whose text its anchor falls in (the beat runs from its start to the
 * next beat's start); the tie wins over the likeness re-import uses, so rewriting a line never
 * hands its board to another beat. Shots with no anchor (added on the boards, or before a script
 * existed) are matched by likeness, and left alone when nothing matches.
 */

export interface ScriptFollow {
  readonly plan: ReimportPlan;
  /** Every shot of the plan that a beat tells → where its beat starts in the text. */
  readonly beatStarts: ReadonlyMap<ShotId, number>;
}

export function followScript(
  current: ProjectSnapshot,
  text: string,
  anchors: ReadonlyMap<ShotId, number>,
  createId?: () => string,
): ScriptFollow & { readonly followed: FollowedScript } {
  const parsed = parseFountain(text);
  const draft = breakdownScript(parsed, createId ? { createId } : {});
  const followed: FollowedScript = {
    text,
    headings: headingsOf(text, parsed),
    coldOpen: draft.scenes[0]?.heading === '',
    speakers: speakersOf(parsed),
  };
  return { ...followDraft(current, text, draft, anchors), followed };
}

/** The alignment of a parsed draft (the whole text, or a slice of whole scenes) with the boards. */
export function followDraft(
  current: ProjectSnapshot,
  text: string,
  draft: Breakdown,
  anchors: ReadonlyMap<ShotId, number>,
  outside?: ReimportOptions['outside'],
): ScriptFollow {
  const starts = beatStartsOf(text, draft);
  const ties = tieShots(current.shots, anchors, draft, starts);
  const plan = planReimport(current, draft, {
    ties,
    fromBoards: (shot) => !anchors.has(shot.id),
    ...(outside ? { outside } : {}),
  });
  const beatIds = new Set(draft.shots.map((s) => s.id));
  const beatStarts = new Map<ShotId, number>();
  const pending = pairByOrder(current, draft, plan, beatIds);
  for (const [shotId, beatId] of pending) {
    const start = starts.get(beatId);
    if (start !== undefined) beatStarts.set(shotId, start);
  }
  return { plan, beatStarts };
}

/**
 * Which beat each shot of the plan took: added shots are the beat itself (same id); kept shots
 * are found scene by scene in order, the same order-preserving walk re-import made.
 */
function pairByOrder(
  current: ProjectSnapshot,
  draft: Breakdown,
  plan: ReimportPlan,
  beatIds: ReadonlySet<ShotId>,
): Map<ShotId, ShotId> {
  const pairs = new Map<ShotId, ShotId>();
  const existing = new Set(current.shots.map((s) => s.id));
  const beatsByText = new Map<string, ShotId[]>();
  for (const beat of draft.shots) {
    const key = textKey(beat);
    const list = beatsByText.get(key) ?? [];
    list.push(beat.id);
    beatsByText.set(key, list);
  }
  const taken = new Set<ShotId>();
  for (const shot of plan.shots) {
    if (shot.omitted) continue;
    if (beatIds.has(shot.id) && !existing.has(shot.id)) {
      pairs.set(shot.id, shot.id);
      taken.add(shot.id);
      continue;
    }
    // A kept, updated shot carries its beat's text exactly: the first beat with it not yet taken.
    const beat = (beatsByText.get(textKey(shot)) ?? []).find((id) => !taken.has(id));
    if (beat !== undefined) {
      pairs.set(shot.id, beat);
      taken.add(beat);
    }
  }
  return pairs;
}

function textKey(shot: Shot): string {
  return JSON.stringify([shot.action, shot.dialogue]);
}

/**
 * Where each beat starts in the text, found by searching forward for its first words (the
 * parser gives lines per element, the breakdown none per beat; the text is in script order, so
 * a forward search from the previous beat finds each one once). An establishing shot starts at
 * its scene heading.
 */
export function beatStartsOf(text: string, draft: Breakdown): Map<ShotId, number> {
  const starts = new Map<ShotId, number>();
  let cursor = 0;
  const find = (needle: string): number | null => {
    if (needle === '') return null;
    const at = text.indexOf(needle, cursor);
    if (at < 0) return null;
    cursor = at + 1;
    return at;
  };
  let sceneIndex = -1;
  let firstOfScene = false;
  for (const shot of draft.shots) {
    const scene = draft.scenes[sceneIndex];
    if (!scene || scene.id !== shot.sceneId) {
      sceneIndex = draft.scenes.findIndex((s) => s.id === shot.sceneId);
      firstOfScene = true;
    }
    const heading = draft.scenes[sceneIndex]?.heading ?? '';
    const at =
      firstOfScene && heading !== ''
        ? find(heading)
        : find(firstWords(shot.action) || firstWords(shot.dialogue[0]?.line ?? ''));
    firstOfScene = false;
    if (at !== null) starts.set(shot.id, at);
  }
  return starts;
}

/** The start of a beat's first line, short enough that a wrapped paragraph still contains it. */
function firstWords(text: string): string {
  return (text.split('\n')[0] ?? '').trim().slice(0, 40);
}

/**
 * Each shot's beat, by its anchor: the beat whose span holds it. When two shots fall in one
 * beat (the text between them was deleted), the one whose anchor is nearest the beat's start
 * keeps it; the other is matched by likeness or dropped like any other.
 */
export function tieShots(
  shots: readonly Shot[],
  anchors: ReadonlyMap<ShotId, number>,
  draft: Breakdown,
  starts: ReadonlyMap<ShotId, number>,
): Map<ShotId, ShotId> {
  const beats = draft.shots
    .filter((s) => starts.has(s.id))
    .map((s) => ({ id: s.id, start: starts.get(s.id) as number }))
    .sort((a, b) => a.start - b.start);
  const best = new Map<ShotId, { shotId: ShotId; distance: number }>();
  for (const shot of shots) {
    const at = anchors.get(shot.id);
    if (at === undefined) continue;
    const index = lastAtOrBefore(beats, at);
    const beat = beats[index];
    if (!beat) continue;
    const distance = at - beat.start;
    const held = best.get(beat.id);
    if (!held || distance < held.distance) best.set(beat.id, { shotId: shot.id, distance });
  }
  return new Map([...best].map(([beatId, { shotId }]) => [shotId, beatId]));
}

function lastAtOrBefore(beats: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = beats.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((beats[mid]?.start ?? Infinity) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
