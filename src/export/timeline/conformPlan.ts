import type { ConformClip, ConformPlan } from '../../model/conform';
import type { Shot } from '../../model/shot';
import { CUT, MAX_TRANSITION_DURATION_MS, type Transition } from '../../model/transition';
import type { SceneId, ShotId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import { clampShotDuration, ms } from '../../model/units';
import { buildEditTimeline } from './editTimeline';
import type { ImportedEdit } from './importedEdit';
import { fileStemOf } from './mediaNames';
import { frameToMs } from './rates';

/**
 * Matches an edited timeline to the project it came from and says what applying it would do.
 * A clip is matched, in this order, by the shot id it carries, by its media file (frames are
 * named by shot number) and by its name. The first clip of a shot is that shot; later ones are
 * copies. A clip whose length in frames is what Frameline exported keeps the shot's duration to
 * the millisecond (so an untouched shot never drifts by a rounding); another length is retimed.
 */

export interface ConformRow {
  readonly label: string;
  readonly change: 'unchanged' | 'moved' | 'retimed' | 'moved and retimed' | 'duplicated' | 'new';
  readonly beforeMs: number | null;
  readonly afterMs: number;
  /** The transition into the next clip changed (length, or a cut became a dissolve). */
  readonly transitionChanged: boolean;
}

export interface ConformSummary {
  readonly plan: ConformPlan;
  readonly rows: readonly ConformRow[];
  readonly deleted: readonly { readonly shotId: ShotId; readonly label: string }[];
  readonly counts: {
    readonly moved: number;
    readonly retimed: number;
    readonly deleted: number;
    readonly duplicated: number;
    readonly added: number;
    readonly transitions: number;
  };
  /** True when applying it would change nothing. */
  readonly unchanged: boolean;
}

export function planConform(snapshot: ProjectSnapshot, edit: ImportedEdit): ConformSummary {
  const exported = buildEditTimeline(snapshot, edit.rate.id);
  const shots = timelineShots(snapshot);
  const byId = new Map(shots.map((s) => [s.id as string, s]));
  const byStem = new Map(
    exported.clips.map((c) => [fileStemOf(c.media.path).toLowerCase(), c.shotId]),
  );
  const byNumber = new Map(shots.map((s) => [s.number.toLowerCase(), s.id]));
  const exportedFrames = new Map(exported.clips.map((c) => [c.shotId, c.duration]));
  const exportedTransition = new Map(
    exported.transitions.map((t) => [exported.clips[t.outgoing]?.shotId, t.inOffset + t.outOffset]),
  );
  /** The transition a clip brings, or null when it is the one Frameline exported for the shot. */
  const transitionOf = (frames: number, original: Shot | undefined): Transition | null => {
    if (original && (exportedTransition.get(original.id) ?? 0) === frames) return null;
    if (frames <= 0) return original && original.transitionOut.kind !== 'cut' ? CUT : null;
    const kind = original && original.transitionOut.kind !== 'cut' ? original.transitionOut : null;
    const durationMs = ms(Math.min(MAX_TRANSITION_DURATION_MS, frameToMs(frames, edit.rate)));
    return kind ? { ...kind, durationMs } : { kind: 'crossfade', durationMs };
  };
  const originalIndex = new Map(shots.map((s, i) => [s.id, i]));

  const matched = edit.clips.map((clip): ShotId | null => {
    if (clip.shotId && byId.has(clip.shotId)) return byId.get(clip.shotId)?.id ?? null;
    const stem = clip.mediaStem?.toLowerCase();
    const fromStem = stem ? byStem.get(stem) : undefined;
    return fromStem ?? byNumber.get(clip.name.toLowerCase()) ?? null;
  });

  const sceneOf = placeInScenes(
    snapshot,
    matched.map((id) => (id ? (byId.get(id)?.sceneId ?? null) : null)),
  );

  const seen = new Set<ShotId>();
  const clips: ConformClip[] = [];
  const rows: ConformRow[] = [];
  let lastKeptIndex = -1;
  edit.clips.forEach((clip, i) => {
    const id = matched[i] ?? null;
    const original = id ? byId.get(id) : undefined;
    const own = original?.sceneId;
    const sceneId = sceneOf[i];
    if (!sceneId) return;
    const sameLength = id !== null && exportedFrames.get(id) === clip.duration;
    const durationMs =
      original && sameLength
        ? original.durationMs
        : clampShotDuration(frameToMs(clip.duration, edit.rate));
    const transitionOut = transitionOf(clip.transitionOut, original);
    if (id && original && !seen.has(id)) {
      seen.add(id);
      const index = originalIndex.get(id) ?? 0;
      const moved = index < lastKeptIndex || sceneId !== own;
      lastKeptIndex = Math.max(lastKeptIndex, index);
      const retimed = durationMs !== original.durationMs;
      clips.push({ shotId: id, copyOf: null, sceneId, durationMs, name: clip.name, transitionOut });
      rows.push({
        label: original.number,
        change:
          moved && retimed
            ? 'moved and retimed'
            : moved
              ? 'moved'
              : retimed
                ? 'retimed'
                : 'unchanged',
        beforeMs: original.durationMs,
        afterMs: durationMs,
        transitionChanged: transitionOut !== null,
      });
    } else if (id && original) {
      clips.push({ shotId: null, copyOf: id, sceneId, durationMs, name: clip.name, transitionOut });
      rows.push({
        label: `${original.number} (copy)`,
        change: 'duplicated',
        beforeMs: null,
        afterMs: durationMs,
        transitionChanged: false,
      });
    } else {
      clips.push({
        shotId: null,
        copyOf: null,
        sceneId,
        durationMs,
        name: clip.name,
        transitionOut,
      });
      rows.push({
        label: clip.name || 'Untitled clip',
        change: 'new',
        beforeMs: null,
        afterMs: durationMs,
        transitionChanged: false,
      });
    }
  });

  const deleted = shots
    .filter((s) => !seen.has(s.id))
    .map((s) => ({ shotId: s.id, label: s.number }));
  const count = (...changes: ConformRow['change'][]) =>
    rows.filter((r) => changes.includes(r.change)).length;
  const counts = {
    moved: count('moved', 'moved and retimed'),
    retimed: count('retimed', 'moved and retimed'),
    deleted: deleted.length,
    duplicated: count('duplicated'),
    added: count('new'),
    transitions: rows.filter((r) => r.transitionChanged).length,
  };
  return {
    plan: { clips, deleted: deleted.map((d) => d.shotId) },
    rows,
    deleted,
    counts,
    unchanged: Object.values(counts).every((n) => n === 0),
  };
}

/**
 * The scene each clip lands in. The board is grouped by scene in scene order, so the clips that
 * keep their scene are the longest run of the edit whose scenes never go backwards (fewest
 * moves); any other clip, and every copy or new clip, joins the scene of the clip before it
 * (the one after it at the very start).
 */
function placeInScenes(
  snapshot: ProjectSnapshot,
  own: readonly (SceneId | null)[],
): (SceneId | undefined)[] {
  const order = new Map(snapshot.scenes.map((s, i) => [s.id, i]));
  const rank = own.map((id) => (id ? (order.get(id) ?? null) : null));
  // Longest non-decreasing subsequence of the ranks, O(n²): edits have hundreds of clips.
  const length: number[] = rank.map(() => 0);
  const previous: number[] = rank.map(() => -1);
  let best = -1;
  rank.forEach((r, i) => {
    if (r === null) return;
    length[i] = 1;
    for (let j = 0; j < i; j++) {
      const rj = rank[j];
      if (rj !== null && rj !== undefined && rj <= r && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  });
  const keeps = new Set<number>();
  for (let i = best; i >= 0; i = previous[i] ?? -1) keeps.add(i);
  const result: (SceneId | undefined)[] = own.map((id, i) => (keeps.has(i) && id ? id : undefined));
  let current: SceneId | undefined;
  result.forEach((scene, i) => {
    if (scene) current = scene;
    else result[i] = current;
  });
  const first = result.find((scene) => scene !== undefined) ?? snapshot.scenes[0]?.id;
  return result.map((scene) => scene ?? first);
}
