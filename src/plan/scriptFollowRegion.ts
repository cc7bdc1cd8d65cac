import type { SceneId, ShotId } from '../model/ids';
import type { ProjectSnapshot } from '../model/project';
import type { Shot } from '../model/shot';
import { parseFountain } from '../script/fountain/read';
import { breakdownScript } from './breakdown';
import type { ReimportPlan } from './reimport';
import { sceneNumbers } from './sceneChunks';
import { followDraft } from './scriptFollow';
import { changedRegion, headingsOf, speakersOf, type FollowedScript } from './scriptRegion';

/**
 * Boards following an edit by re-reading only the scenes it touched (scriptRegion.ts), the rest
 * of the boards left as they are. Pure. Gives what the full follow (scriptFollow.ts) gives for the
 * same text and boards — a property test holds it to that — or null when it cannot be sure, and
 * the caller follows the whole text.
 */
export interface RegionFollow {
  /** The plan for the boards' scenes in the region only (deleted ids included). */
  readonly plan: ReimportPlan;
  /** Every scene of the project after the plan, in order. */
  readonly sceneOrder: readonly SceneId[];
  /** Where the beats of the region's shots start in the whole text. */
  readonly beatStarts: ReadonlyMap<ShotId, number>;
  readonly followed: FollowedScript;
}

export function followScriptRegion(
  current: ProjectSnapshot,
  before: FollowedScript,
  text: string,
  /** Where a shot's anchor is in the text now (resolved on demand: most shots are never asked). */
  anchorOf: (shotId: ShotId) => number | undefined,
  createId?: () => string,
): RegionFollow | null {
  const region = changedRegion(before, text);
  if (!region) return null;
  const { start, stop } = region;
  const slice = text.slice(start, stop);
  const parsed = parseFountain(slice);
  // The slice must open on its first scene's heading, as the whole text has it there.
  if (Object.keys(parsed.titlePage).length > 0) return null;
  if (parsed.elements[0]?.type !== 'scene_heading' || parsed.elements[0].line !== 1) return null;
  const sliceHeadings = headingsOf(slice, parsed, start);
  const shift = text.length - before.text.length;
  const headings = [
    ...before.headings.slice(0, region.first),
    ...sliceHeadings,
    ...before.headings.slice(region.end).map((h) => ({ ...h, offset: h.offset + shift })),
  ];
  // Who speaks is the whole script's (names mentioned in action anywhere, first spellings):
  // when the region's cues change, only reading the whole text gives the cast right.
  const sliceSpeakers = speakersOf(parsed).slice(1);
  const cues = (chunks: readonly (readonly string[])[]) => [...new Set(chunks.flat())].join('\n');
  if (cues(sliceSpeakers) !== cues(before.speakers.slice(region.first + 1, region.end + 1)))
    return null;
  const speakers = [
    ...before.speakers.slice(0, region.first + 1),
    ...sliceSpeakers,
    ...before.speakers.slice(region.end + 1),
  ];
  const draft = breakdownScript(parsed, {
    ...(createId ? { createId } : {}),
    speakers: speakers.flat(),
  });
  // Scene numbers are positions in the whole script (or its own `#n#`), as the full read gives.
  const numbers = sceneNumbers(
    headings.map((h) => h.sceneNumber),
    before.coldOpen ? ['0'] : [],
  );
  draft.scenes = draft.scenes.map((scene, k) => ({
    ...scene,
    number: numbers[region.first + k] ?? scene.number,
  }));

  const parts = partitionScenes(current, anchorOf, start, stop);
  if (!parts) return null;
  const inRegion = new Set(parts.region.map((s) => s.id));
  const shots = current.shots.filter((s) => inRegion.has(s.sceneId));
  const anchors = new Map<ShotId, number>();
  for (const shot of shots) {
    const at = anchorOf(shot.id);
    if (at === undefined) continue;
    // A shot of these scenes tied outside them: only the whole alignment can place it.
    if (at < start || at >= stop) return null;
    anchors.set(shot.id, at - start);
  }
  const { plan, beatStarts } = followDraft(
    { ...current, scenes: parts.region, shots },
    slice,
    draft,
    anchors,
    {
      sceneNumbers: [...parts.before, ...parts.after].map((s) => s.number),
      previousNumber: parts.before.at(-1)?.number ?? '0',
    },
  );
  return {
    plan,
    sceneOrder: [
      ...parts.before.map((s) => s.id),
      ...plan.scenes.map((s) => s.id),
      ...parts.after.map((s) => s.id),
    ],
    beatStarts: new Map([...beatStarts].map(([id, at]) => [id, at + start])),
    followed: { text, headings, coldOpen: before.coldOpen, speakers },
  };
}

/**
 * The boards' scenes before, in and after the region, by where each scene's first tied shot
 * sits in the text. Scenes with no tied shot (all added on the boards, or all OMITTED) go with
 * the region unless a tied scene before the region follows them. Null when the scenes' places
 * are not in script order (a scene moved on the boards): only the whole alignment can say then.
 */
function partitionScenes(
  current: ProjectSnapshot,
  anchorOf: (shotId: ShotId) => number | undefined,
  start: number,
  stop: number,
): {
  before: ProjectSnapshot['scenes'];
  region: ProjectSnapshot['scenes'];
  after: ProjectSnapshot['scenes'];
} | null {
  const shotsOf = new Map<SceneId, Shot[]>();
  for (const shot of current.shots) {
    const list = shotsOf.get(shot.sceneId);
    if (list) list.push(shot);
    else shotsOf.set(shot.sceneId, [shot]);
  }
  const places = current.scenes.map((scene) => {
    for (const shot of shotsOf.get(scene.id) ?? []) {
      const at = anchorOf(shot.id);
      if (at !== undefined) return at;
    }
    return undefined;
  });
  let lastBefore = -1;
  let firstAfter = current.scenes.length;
  let previous = -1;
  for (let k = 0; k < places.length; k++) {
    const at = places[k];
    if (at === undefined) continue;
    if (at <= previous) return null;
    previous = at;
    if (at < start) lastBefore = k;
    else if (at >= stop && firstAfter === current.scenes.length) firstAfter = k;
  }
  return {
    before: current.scenes.slice(0, lastBefore + 1),
    region: current.scenes.slice(lastBefore + 1, firstAfter),
    after: current.scenes.slice(firstAfter),
  };
}
