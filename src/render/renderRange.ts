import type { ProjectSnapshot } from '../model/project';
import type { Shot } from '../model/shot';
import { CUT } from '../model/transition';

/**
 * What part of the animatic to render. Shot and scene ids, not positions, so a range picked in
 * the dialog still means the same shots if a collaborator inserts one before the render starts.
 * - `all`: the whole timeline.
 * - `scene`: one scene's shots.
 * - `shots`: the boards selected in the grid (need not be next to each other).
 * - `span`: from one shot to another, inclusive, in timeline order (either way round).
 */
export type RenderRange =
  | { readonly kind: 'all' }
  | { readonly kind: 'scene'; readonly sceneId: string }
  | { readonly kind: 'shots'; readonly shotIds: readonly string[] }
  | { readonly kind: 'span'; readonly fromShotId: string; readonly toShotId: string };

export const WHOLE_ANIMATIC: RenderRange = { kind: 'all' };

function inRange(timeline: readonly Shot[], range: RenderRange): (shot: Shot) => boolean {
  switch (range.kind) {
    case 'all':
      return () => true;
    case 'scene':
      return (shot) => shot.sceneId === range.sceneId;
    case 'shots': {
      const ids = new Set(range.shotIds);
      return (shot) => ids.has(shot.id);
    }
    case 'span': {
      const a = timeline.findIndex((s) => s.id === range.fromShotId);
      const b = timeline.findIndex((s) => s.id === range.toShotId);
      if (a < 0 || b < 0) return () => false;
      const ids = new Set(timeline.slice(Math.min(a, b), Math.max(a, b) + 1).map((s) => s.id));
      return (shot) => ids.has(shot.id);
    }
  }
}

/**
 * The snapshot as the render of `range` sees it: only the shots in the range (OMITTED shots are
 * never in it), so the plan, the captions and the sound mix all start at the range's first shot
 * with nothing else to shift. A transition into a shot that is not rendered next (the end of the
 * range, or a gap in a selection) becomes a cut: it would blend into the wrong picture.
 * Empty when nothing of the range is left (the caller says so rather than render nothing).
 */
export function snapshotForRange<S extends Pick<ProjectSnapshot, 'shots'>>(
  snapshot: S,
  range: RenderRange,
): S {
  if (range.kind === 'all') return snapshot;
  const timeline = snapshot.shots.filter((shot) => !shot.omitted);
  const keep = inRange(timeline, range);
  const kept = timeline.filter(keep);
  const shots = kept.map((shot, i) => {
    const nextInTimeline = timeline[timeline.indexOf(shot) + 1];
    const next = kept[i + 1];
    return next !== undefined && next === nextInTimeline ? shot : { ...shot, transitionOut: CUT };
  });
  return { ...snapshot, shots };
}

/**
 * A run of the render's shots that follow one another on the whole timeline too: where it starts
 * in the render and on the timeline, and whether it goes on to the timeline's end. The music bed
 * is placed by these, so a scene rendered alone hears the music it has in the whole animatic.
 */
export interface RangePart {
  readonly atMs: number;
  readonly timelineMs: number;
  readonly toTimelineEnd: boolean;
}

/** The whole animatic is one part; a selection with gaps has one part per run of shots. */
export const WHOLE_TIMELINE: readonly RangePart[] = [
  { atMs: 0, timelineMs: 0, toTimelineEnd: true },
];

/** The range's runs of consecutive timeline shots, in render order (see RangePart). */
export function rangeParts(
  snapshot: Pick<ProjectSnapshot, 'shots'>,
  range: RenderRange,
): readonly RangePart[] {
  if (range.kind === 'all') return WHOLE_TIMELINE;
  const timeline = snapshot.shots.filter((shot) => !shot.omitted);
  const keep = inRange(timeline, range);
  const parts: RangePart[] = [];
  let timelineMs = 0;
  let atMs = 0;
  let previous = -2;
  for (const [index, shot] of timeline.entries()) {
    if (keep(shot)) {
      const last = index === timeline.length - 1;
      const part = parts.at(-1);
      if (part && previous === index - 1)
        parts[parts.length - 1] = { ...part, toTimelineEnd: last };
      else parts.push({ atMs, timelineMs, toTimelineEnd: last });
      atMs += shot.durationMs;
      previous = index;
    }
    timelineMs += shot.durationMs;
  }
  return parts;
}

/** `''` for the whole animatic, else `shots-3-7` (or `shot-3`): files of parts do not collide. */
export function rangeFileSuffix(
  snapshot: Pick<ProjectSnapshot, 'shots'>,
  range: RenderRange,
): string {
  if (range.kind === 'all') return '';
  const shots = snapshotForRange(snapshot, range).shots;
  const first = shots[0];
  const last = shots.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? `shot-${first.number}` : `shots-${first.number}-${last.number}`;
}
