import * as Y from 'yjs';
import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { ShotPatch } from '../../model/shot';
import { followScript } from '../../plan/scriptFollow';
import { rewriteBeat } from '../../plan/scriptRewrite';
import { summarizeReimport, type ReimportPlan, type ReimportSummary } from '../../plan/reimport';
import { followScriptRegion } from '../../plan/scriptFollowRegion';
import { rootsOf, SCRIPT_ANCHORS, SCRIPT_FOLLOW, SCRIPT_TEXT } from './layout';
import { applyReimport } from './operations';
import { EMPTY_PLAN, followMemoryOf } from './scriptFollowMemory';

/**
 * The project's script as shared text (layout.ts `script`): its Fountain source, where each
 * board's beat starts in it, and whether boards follow it live. Writes run inside a command.
 */

export type ScriptFollowMode = 'live' | 'button';

/** One replacement in the text as it was before the edit (CodeMirror's change shape). */
export interface ScriptChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

export class ScriptEditError extends Error {
  override name = 'ScriptEditError';
}

export function scriptTextOf(doc: Y.Doc): Y.Text | null {
  const text = rootsOf(doc).script.get(SCRIPT_TEXT);
  return text instanceof Y.Text ? text : null;
}

export function readScriptFollow(doc: Y.Doc): ScriptFollowMode {
  return rootsOf(doc).script.get(SCRIPT_FOLLOW) === 'button' ? 'button' : 'live';
}

/**
 * Gives the project its script once. A new Y.Text under one key: two peers seeding at once end
 * with one of the two texts (a map key keeps one value), never both end to end. False when the
 * project already has one.
 */
export function seedScript(doc: Y.Doc, text: string, snapshot: ProjectSnapshot): boolean {
  if (scriptTextOf(doc)) return false;
  const ytext = new Y.Text(text);
  rootsOf(doc).script.set(SCRIPT_TEXT, ytext);
  // Tie the boards there are to the beats of the text they came from; the boards stay as they
  // are (only the anchors are written).
  const { beatStarts } = followScript(snapshot, text, new Map());
  writeAnchors(doc, ytext, beatStarts, () => undefined);
  return true;
}

/** Applies replacements given in the coordinates of the text before the edit, in order. */
export function editScript(doc: Y.Doc, changes: readonly ScriptChange[]): void {
  // Writing into a project that has no script starts an empty one.
  const ytext = scriptTextOf(doc) ?? startEmptyScript(doc);
  let shift = 0;
  let previousEnd = 0;
  const length = ytext.length;
  for (const { from, to, insert } of changes) {
    if (from < previousEnd || to < from || to > length) {
      throw new ScriptEditError(
        `A script edit at ${from}–${to} does not fit the text (${length} characters, edits in order).`,
      );
    }
    previousEnd = to;
    if (to > from) ytext.delete(from + shift, to - from);
    if (insert !== '') ytext.insert(from + shift, insert);
    shift += insert.length - (to - from);
  }
}

function startEmptyScript(doc: Y.Doc): Y.Text {
  const ytext = new Y.Text();
  rootsOf(doc).script.set(SCRIPT_TEXT, ytext);
  return ytext;
}

export function setScriptFollow(doc: Y.Doc, mode: ScriptFollowMode): void {
  const root = rootsOf(doc).script;
  if (root.get(SCRIPT_FOLLOW) !== mode) root.set(SCRIPT_FOLLOW, mode);
}

function anchorsMap(doc: Y.Doc, create: boolean): Y.Map<string> | null {
  const root = rootsOf(doc).script;
  const found = root.get(SCRIPT_ANCHORS);
  if (found instanceof Y.Map) return found as Y.Map<string>;
  if (!create) return null;
  const made = new Y.Map<string>();
  root.set(SCRIPT_ANCHORS, made);
  return made;
}

/**
 * Where each tied shot's beat starts in the text now. An anchor that does not read (another
 * build's, a hostile peer's) or points outside the text counts as no anchor.
 */
export function resolveAnchors(doc: Y.Doc): Map<ShotId, number> {
  const ytext = scriptTextOf(doc);
  const anchors = anchorsMap(doc, false);
  const resolved = new Map<ShotId, number>();
  if (!ytext || !anchors) return resolved;
  for (const [shotId, json] of anchors) {
    const at = resolveAnchor(doc, ytext, json);
    if (at !== null) resolved.set(shotId as ShotId, at);
  }
  return resolved;
}

/** One shot's anchor, resolved when first asked (a region's follow asks for few of them). */
function anchorReader(doc: Y.Doc, ytext: Y.Text): (shotId: ShotId) => number | undefined {
  const anchors = anchorsMap(doc, false);
  const resolved = new Map<ShotId, number | null>();
  return (shotId) => {
    let at = resolved.get(shotId);
    if (at === undefined) {
      at = anchors ? resolveAnchor(doc, ytext, anchors.get(shotId)) : null;
      resolved.set(shotId, at);
    }
    return at ?? undefined;
  };
}

function resolveAnchor(doc: Y.Doc, ytext: Y.Text, json: unknown): number | null {
  if (typeof json !== 'string' || json.length > 512) return null;
  try {
    const raw: unknown = JSON.parse(json);
    if (typeof raw !== 'object' || raw === null) return null;
    const position = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(raw),
      doc,
    );
    return position && position.type === ytext ? position.index : null;
  } catch {
    return null;
  }
}

/** Writes only the anchors that moved or are new (a follow on every keystroke writes few). */
function writeAnchors(
  doc: Y.Doc,
  ytext: Y.Text,
  starts: ReadonlyMap<ShotId, number>,
  current: (shotId: ShotId) => number | undefined,
): void {
  const anchors = anchorsMap(doc, true) as Y.Map<string>;
  for (const [shotId, start] of starts) {
    if (current(shotId) === start) continue;
    const position = Y.createRelativePositionFromTypeIndex(ytext, start);
    anchors.set(shotId, JSON.stringify(Y.relativePositionToJSON(position)));
  }
}

/**
 * The boards follow the script: parse it, align it with the boards by anchor then likeness
 * (plan/scriptFollow.ts), apply the plan (frames kept, dropped beats with frames OMITTED), and
 * tie every board to its beat. Null when the project has no script.
 *
 * When the boards are as this document's last follow left them, only the scenes the text changed
 * in since then are read and aligned (plan/scriptFollowRegion.ts; same result, a few scenes'
 * work instead of the whole script's); otherwise, or when a region cannot be cut, the whole
 * text. `incremental: false` always reads the whole text (tests compare the two).
 */
export function followScriptText(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  options: { readonly incremental?: boolean } = {},
): ReimportSummary | null {
  const ytext = scriptTextOf(doc);
  if (!ytext) return null;
  const text = ytext.toString();
  const memory = followMemoryOf(doc);
  const anchorOf = anchorReader(doc, ytext);
  const region =
    options.incremental !== false && memory.followed
      ? memory.followed.text === text
        ? 'unchanged'
        : followScriptRegion(snapshot, memory.followed, text, anchorOf)
      : null;
  if (region === 'unchanged') return summarizeReimport(EMPTY_PLAN);
  let plan: ReimportPlan = EMPTY_PLAN;
  doc.transact((transaction) => {
    memory.transaction = transaction;
    if (region) {
      plan = region.plan;
      if (!summarizeReimport(plan).unchanged) applyReimport(doc, plan, region.sceneOrder);
      writeAnchors(doc, ytext, region.beatStarts, anchorOf);
      memory.followed = region.followed;
    } else {
      const current = resolveAnchors(doc);
      const full = followScript(snapshot, text, current);
      plan = full.plan;
      if (!summarizeReimport(plan).unchanged) applyReimport(doc, plan);
      writeAnchors(doc, ytext, full.beatStarts, (id) => current.get(id));
      memory.followed = full.followed;
    }
    const anchors = anchorsMap(doc, false);
    if (anchors) {
      for (const id of plan.deletedShotIds) if (anchors.has(id)) anchors.delete(id);
      // An OMITTED shot no longer has a beat: its anchor would tie it to whatever follows.
      for (const shot of plan.shots)
        if (shot.omitted && anchors.has(shot.id)) anchors.delete(shot.id);
    }
  });
  return summarizeReimport(plan);
}

/**
 * The script follows a board: a shot's new action or dialogue written into the span of text
 * its beat came from (plan/scriptRewrite.ts). Runs in the same transaction as the shot's own
 * change, so one undo takes back both. False when there is nothing to carry (no script, a shot
 * added on the boards, or words the script no longer has).
 */
export function carryShotEditToScript(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotId: ShotId,
  patch: ShotPatch,
): boolean {
  if (patch.action === undefined && patch.dialogue === undefined) return false;
  const ytext = scriptTextOf(doc);
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!ytext || !shot) return false;
  const anchors = resolveAnchors(doc);
  const from = anchors.get(shotId);
  if (from === undefined) return false;
  let to = ytext.length;
  for (const at of anchors.values()) if (at > from && at < to) to = at;
  const changes = rewriteBeat(ytext.toString(), { from, to }, shot, {
    ...(patch.action !== undefined ? { action: patch.action } : {}),
    ...(patch.dialogue !== undefined ? { dialogue: patch.dialogue } : {}),
  });
  if (!changes || changes.length === 0) return false;
  editScript(doc, changes);
  return true;
}
