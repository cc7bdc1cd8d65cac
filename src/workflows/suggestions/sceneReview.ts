import { z } from 'zod';
import { NO_USAGE, type TextRequest, type Usage } from '../../ai/providers/types';
import {
  CAMERA_MOVE_LABELS,
  CAMERA_MOVES,
  SHOT_TYPE_LABELS,
  SHOT_TYPES,
  type CameraMove,
  type ShotType,
} from '../../model/camera';
import type { SceneId, ShotId } from '../../model/ids';
import { shotsOfScene, type ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot, ShotPatch } from '../../model/shot';
import { clampShotDuration, ms, type Milliseconds } from '../../model/units';

/**
 * "Suggest changes…" on a scene: the text model reads the scene's shot plan and answers with
 * changes to coverage, camera and pacing as JSON (checked here); the answer becomes a list of
 * items the person applies or skips one by one (applySuggestion.ts). Pure: no router, no session.
 */

/** A code ("CU") or its words ("close-up", "Close up"): models write either. */
function vocabulary<T extends string>(codes: readonly T[], labels: Record<T, string>) {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const byKey = new Map<string, T>();
  for (const code of codes) {
    byKey.set(key(code), code);
    byKey.set(key(labels[code]), code);
  }
  return z.preprocess(
    (value) => (typeof value === 'string' ? (byKey.get(key(value)) ?? value) : value),
    z.enum(codes as unknown as [T, ...T[]]),
  );
}

const shotTypeSchema = vocabulary<ShotType>(SHOT_TYPES, SHOT_TYPE_LABELS);
const cameraMoveSchema = vocabulary<CameraMove>(CAMERA_MOVES, CAMERA_MOVE_LABELS);
const secondsSchema = z.number().min(0.1).max(600);
const reasonSchema = z.string().trim().min(1, 'each suggestion needs a reason');
/** Shot numbers are strings ("3A"); a model may write 3 for "3". */
const shotNumberSchema = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const sceneReviewSchema = z.object({
  summary: z.string().default(''),
  changes: z
    .array(
      z.object({
        shot: shotNumberSchema,
        shotType: shotTypeSchema.optional(),
        cameraMove: cameraMoveSchema.optional(),
        seconds: secondsSchema.optional(),
        action: z.string().optional(),
        reason: reasonSchema,
      }),
    )
    .default([]),
  inserts: z
    .array(
      z.object({
        after: shotNumberSchema,
        shotType: shotTypeSchema,
        cameraMove: cameraMoveSchema.default('static'),
        seconds: secondsSchema,
        action: z.string().default(''),
        reason: reasonSchema,
      }),
    )
    .default([]),
  omits: z.array(z.object({ shot: shotNumberSchema, reason: reasonSchema })).default([]),
});
export type SceneReview = z.infer<typeof sceneReviewSchema>;

export const REVIEW_SYSTEM =
  'You are a storyboard supervisor reviewing the shot plan of one scene for coverage, camera ' +
  'and pacing. Suggest only changes that clearly help the scene read on screen: a tighter or ' +
  'wider shot, a camera move, a shorter or longer hold, a missing insert or reaction shot, a ' +
  'shot that repeats another. Give each a short reason. Refer to shots by their numbers. ' +
  `Shot types: ${SHOT_TYPES.join(', ')}. Camera moves: ${CAMERA_MOVES.join(', ')}. ` +
  'Answer with JSON only: {"summary": "...", "changes": [{"shot": "3A", "shotType": "CU", ' +
  '"cameraMove": "dolly", "seconds": 2.5, "action": "...", "reason": "..."}], "inserts": ' +
  '[{"after": "3A", "shotType": "INSERT", "cameraMove": "static", "seconds": 1.5, "action": ' +
  '"...", "reason": "..."}], "omits": [{"shot": "3C", "reason": "..."}]}. In a change, give ' +
  'only the fields that change. Empty lists when the plan is fine.';

/** The prompt carries the shots as JSON after this line (the fake provider reads it too). */
export const SHOTS_HEADER = 'Shots, in order (JSON):';

const seconds = (duration: Milliseconds) => Math.round(duration / 100) / 10;

function shotForModel(shot: Shot) {
  return {
    shot: shot.number,
    type: shot.shotType,
    camera: shot.cameraMove,
    seconds: seconds(shot.durationMs),
    action: shot.action,
    dialogue: shot.dialogue.map(
      (d) => `${d.speaker}${d.parenthetical ? ` (${d.parenthetical})` : ''}: ${d.line}`,
    ),
  };
}

/** The shots a review covers: the scene's, in board order, without OMITTED ones. */
export function reviewedShots(snapshot: ProjectSnapshot, sceneId: SceneId): Shot[] {
  return shotsOfScene(snapshot, sceneId).filter((s) => !s.omitted);
}

export function reviewRequest(snapshot: ProjectSnapshot, scene: Scene): TextRequest {
  const shots = reviewedShots(snapshot, scene.id).map(shotForModel);
  const title = snapshot.meta.title.trim();
  const prompt = [
    `${title ? `Project: ${title}. ` : ''}Scene ${scene.number}: ${scene.heading}`,
    'The scene as written is the shots’ action and dialogue, in order.',
    '',
    SHOTS_HEADER,
    JSON.stringify(shots, null, 1),
  ].join('\n');
  return { system: REVIEW_SYSTEM, prompt, maxOutputTokens: 400 + 150 * shots.length };
}

/** Roughly what a review costs, for the line before it is asked (4 characters a token). */
export function reviewUsage(request: TextRequest): Usage {
  const inputTokens = Math.ceil((request.system.length + request.prompt.length) / 4);
  return { ...NO_USAGE, inputTokens, outputTokens: Math.round(request.maxOutputTokens / 2) };
}

export type ReviewField = 'shotType' | 'cameraMove' | 'durationMs' | 'action';

export interface FieldChange {
  readonly field: ReviewField;
  readonly label: string;
  /** In words, as shown: "Medium shot", "3 s"; empty for a new shot. */
  readonly from: string;
  readonly to: string;
}

/** The shot's reviewed fields as they were when the model read them (to tell it changed). */
export type ShotBase = string;

interface ItemBase {
  /** Stable within one review, for keys and for the "applied / skipped" state. */
  readonly id: string;
  readonly reason: string;
}

export type SuggestionItem =
  | (ItemBase & {
      readonly kind: 'change';
      readonly shotId: ShotId;
      readonly shotNumber: string;
      readonly base: ShotBase;
      readonly patch: ShotPatch;
      readonly fields: readonly FieldChange[];
    })
  | (ItemBase & {
      readonly kind: 'insert';
      readonly sceneId: SceneId;
      readonly afterShotId: ShotId;
      readonly afterNumber: string;
      readonly base: ShotBase;
      readonly init: Pick<Shot, 'shotType' | 'cameraMove' | 'durationMs' | 'action'>;
      readonly fields: readonly FieldChange[];
    })
  | (ItemBase & {
      readonly kind: 'omit';
      readonly shotId: ShotId;
      readonly shotNumber: string;
      readonly base: ShotBase;
    })
  | (ItemBase & {
      /** It names a shot the scene does not have: shown, never applied. */
      readonly kind: 'unknownShot';
      readonly shotNumber: string;
      readonly what: string;
    });

export function shotBase(shot: Shot): ShotBase {
  return JSON.stringify([
    shot.shotType,
    shot.cameraMove,
    shot.durationMs,
    shot.action,
    shot.dialogue,
    shot.omitted,
    shot.sceneId,
  ]);
}

const FIELD_LABELS: Record<ReviewField, string> = {
  shotType: 'Shot type',
  cameraMove: 'Camera',
  durationMs: 'Duration',
  action: 'Action',
};

function words(field: ReviewField, value: unknown): string {
  if (field === 'shotType') return SHOT_TYPE_LABELS[value as ShotType];
  if (field === 'cameraMove') return CAMERA_MOVE_LABELS[value as CameraMove];
  if (field === 'durationMs') return `${seconds(value as Milliseconds)} s`;
  return String(value);
}

const durationOf = (s: number) => clampShotDuration(ms(Math.round(s * 1000)));

/**
 * The review as items against the scene as it was read (`snapshot`): changes that would change
 * nothing are left out; a change, insert or omit naming a shot the scene lacks is kept as an
 * `unknownShot` item so the person sees it.
 */
export function buildSuggestions(
  review: SceneReview,
  snapshot: ProjectSnapshot,
  sceneId: SceneId,
): SuggestionItem[] {
  const shots = reviewedShots(snapshot, sceneId);
  const byNumber = new Map(shots.map((s) => [s.number.toUpperCase(), s]));
  const find = (number: string) => byNumber.get(number.toUpperCase());
  const items: SuggestionItem[] = [];
  let n = 0;
  const id = (kind: string) => `${kind}-${++n}`;
  const unknown = (number: string, what: string, reason: string) =>
    items.push({ kind: 'unknownShot', id: id('unknown'), shotNumber: number, what, reason });

  for (const change of review.changes) {
    const shot = find(change.shot);
    if (!shot) {
      unknown(change.shot, 'a change', change.reason);
      continue;
    }
    const wanted: ShotPatch = {
      ...(change.shotType ? { shotType: change.shotType } : {}),
      ...(change.cameraMove ? { cameraMove: change.cameraMove } : {}),
      ...(change.seconds !== undefined ? { durationMs: durationOf(change.seconds) } : {}),
      ...(change.action?.trim() ? { action: change.action.trim() } : {}),
    };
    const fields: FieldChange[] = [];
    const patch: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(wanted) as [ReviewField, unknown][]) {
      if (shot[field] === value) continue;
      patch[field] = value;
      fields.push({
        field,
        label: FIELD_LABELS[field],
        from: words(field, shot[field]),
        to: words(field, value),
      });
    }
    if (fields.length === 0) continue;
    items.push({
      kind: 'change',
      id: id('change'),
      shotId: shot.id,
      shotNumber: shot.number,
      base: shotBase(shot),
      patch: patch as ShotPatch,
      fields,
      reason: change.reason,
    });
  }

  for (const insert of review.inserts) {
    const after = find(insert.after);
    if (!after) {
      unknown(insert.after, 'a new shot after it', insert.reason);
      continue;
    }
    const init = {
      shotType: insert.shotType,
      cameraMove: insert.cameraMove,
      durationMs: durationOf(insert.seconds),
      action: insert.action.trim(),
    };
    const fields = (Object.keys(init) as ReviewField[])
      .filter((field) => field !== 'action' || init.action)
      .map((field) => ({
        field,
        label: FIELD_LABELS[field],
        from: '',
        to: words(field, init[field]),
      }));
    items.push({
      kind: 'insert',
      id: id('insert'),
      sceneId,
      afterShotId: after.id,
      afterNumber: after.number,
      base: shotBase(after),
      init,
      fields,
      reason: insert.reason,
    });
  }

  for (const omit of review.omits) {
    const shot = find(omit.shot);
    if (!shot) {
      unknown(omit.shot, 'leaving it out', omit.reason);
      continue;
    }
    items.push({
      kind: 'omit',
      id: id('omit'),
      shotId: shot.id,
      shotNumber: shot.number,
      base: shotBase(shot),
      reason: omit.reason,
    });
  }
  return items;
}

/**
 * Whether an item still fits the project: `fresh`, `changed` (its shot was edited since the
 * review: shown, applied only when the person says so) or `gone` (its shot was deleted or moved
 * to another scene: it cannot be applied).
 */
export type Freshness = 'fresh' | 'changed' | 'gone';

export function freshness(
  item: SuggestionItem,
  snapshot: ProjectSnapshot,
  /** States of shots this review's own applied items made (they do not make others stale). */
  madeHere: ReadonlySet<string> = new Set(),
): Freshness {
  if (item.kind === 'unknownShot') return 'gone';
  const shotId = item.kind === 'insert' ? item.afterShotId : item.shotId;
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!shot) return 'gone';
  if (item.kind === 'insert' && shot.sceneId !== item.sceneId) return 'gone';
  const now = shotBase(shot);
  return now === item.base || madeHere.has(`${shotId}:${now}`) ? 'fresh' : 'changed';
}

/** The key `freshness` looks up in `madeHere` for a shot's state after an item was applied. */
export function madeHereKey(shot: Shot): string {
  return `${shot.id}:${shotBase(shot)}`;
}

/**
 * For a change whose shot was edited since the review: the fields it touches that hold something
 * else now, in words (field → now), so the person sees what applying would overwrite.
 */
export function changedSince(
  item: SuggestionItem,
  snapshot: ProjectSnapshot,
): ReadonlyMap<ReviewField, string> {
  const now = new Map<ReviewField, string>();
  if (item.kind !== 'change') return now;
  const shot = snapshot.shots.find((s) => s.id === item.shotId);
  if (!shot) return now;
  for (const f of item.fields) {
    const current = words(f.field, shot[f.field]);
    if (current !== f.from) now.set(f.field, current);
  }
  return now;
}

/**
 * Where an insert goes now: right after its shot in the scene's current order — and after the
 * shots this review already put there (`inserted`), so two new shots after 3A keep the review's
 * order — or null when its shot is gone.
 */
export function insertIndex(
  item: Extract<SuggestionItem, { kind: 'insert' }>,
  snapshot: ProjectSnapshot,
  inserted: ReadonlySet<string> = new Set(),
): number | null {
  const order = shotsOfScene(snapshot, item.sceneId);
  let index = order.findIndex((s) => s.id === item.afterShotId);
  if (index < 0) return null;
  for (let next = order[index + 1]; next && inserted.has(next.id); next = order[index + 1]) index++;
  return index + 1;
}
