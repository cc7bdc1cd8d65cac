import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import { checkStructure, Reject, salvageUpdate, updateHolds } from './updateGuard';

/**
 * A project's stored update log, checked before it is applied. The log is our own writing, but
 * what is in it may have come from anyone (a peer before the guard was tightened, a bundle, a
 * bug, a damaged disk), and a log that cannot be applied locks the project on every open. So
 * every row must read as an update, and the merged document must keep the guard's bounds on
 * shared types; what fails is reported with what and where, and can be left out (the project
 * then opens read-only without it: see ProjectRepository.open).
 */
export interface LogDamage {
  /** What is wrong, in words. */
  readonly reason: string;
  /** Where in the project: `versions › <id>`, or the whole stored change when it is unreadable. */
  readonly where: string;
  /**
   * Which stored change brought it (1-based, in the order they were written), of how many;
   * null when it cannot be told apart (the changes together are the problem).
   */
  readonly change: number | null;
  readonly changes: number;
}

export interface ScreenedLog {
  /** Everything that can be applied safely, merged; null when nothing can. */
  readonly update: Uint8Array | null;
  readonly damage: readonly LogDamage[];
  /** How many stored changes were screened. */
  readonly changes: number;
}

export function screenStoredLog(updates: readonly Uint8Array[]): ScreenedLog {
  const changes = updates.length;
  // One row (a compacted log, a fresh import): salvageUpdate reads it exactly as checkStructure
  // does, and rejects what that would refuse with the same reason, so it is read once, not twice
  // (reading a 5,000-shot document's structure is a good part of opening it).
  if (changes === 1) return screenOne(updates[0] as Uint8Array);
  const damage: LogDamage[] = [];
  const readable: Uint8Array[] = [];
  updates.forEach((update, i) => {
    const check = checkStructure(update);
    if (check.ok) readable.push(update);
    else {
      const reason = `a stored change cannot be read (${check.reason})`;
      damage.push({ reason, where: 'the whole change', change: i + 1, changes });
    }
  });
  if (readable.length === 0) return { update: null, damage, changes };
  const merged = readable.length === 1 ? (readable[0] as Uint8Array) : Y.mergeUpdates(readable);
  let salvage;
  try {
    salvage = salvageUpdate(merged);
  } catch (error) {
    if (!(error instanceof Reject)) throw error;
    const reason = `the stored changes do not merge into a readable document (${error.message})`;
    return {
      update: null,
      damage: [...damage, { reason, where: 'the whole project', change: null, changes }],
      changes,
    };
  }
  for (const problem of salvage.problems) {
    const at = updates.findIndex((u) => updateHolds(u, problem.client, problem.clock));
    const change = at >= 0 ? at + 1 : null;
    damage.push({ reason: problem.reason, where: problem.where, change, changes });
  }
  return { update: salvage.update, damage, changes };
}

function screenOne(update: Uint8Array): ScreenedLog {
  let salvage;
  try {
    salvage = salvageUpdate(update);
  } catch (error) {
    if (!(error instanceof Reject)) throw error;
    const reason = `a stored change cannot be read (${error.message})`;
    return {
      update: null,
      damage: [{ reason, where: 'the whole change', change: 1, changes: 1 }],
      changes: 1,
    };
  }
  const damage = salvage.problems.map((problem) => ({
    reason: problem.reason,
    where: problem.where,
    change: updateHolds(update, problem.client, problem.clock) ? 1 : null,
    changes: 1,
  }));
  return { update: salvage.update, damage, changes: 1 };
}

export function describeDamage(damage: LogDamage): string {
  const which =
    damage.change === null
      ? `${damage.changes} stored changes`
      : `stored change ${damage.change} of ${damage.changes}`;
  return `${damage.reason}, in ${damage.where} (${which})`;
}

/**
 * A project whose stored log holds something unsafe to open. The message says what and where;
 * `damage` lists it all. Opening it again in recovery leaves those parts out, read-only.
 */
export class DamagedProjectError extends Error {
  override readonly name = 'DamagedProjectError';

  constructor(
    readonly projectId: ProjectId,
    readonly damage: readonly LogDamage[],
  ) {
    const first = damage[0];
    const more = damage.length > 1 ? ` (and ${damage.length - 1} more)` : '';
    super(
      `Part of this project cannot be opened safely: ${first ? describeDamage(first) : 'unknown damage'}${more}.`,
    );
  }
}

/**
 * Applies a screened log. Anything Yjs still throws on is damage too (the screen missed a case):
 * reported the same way rather than as a bare exception.
 */
export function applyStoredLog(
  projectId: ProjectId,
  doc: Y.Doc,
  screened: ScreenedLog,
  origin: unknown,
): void {
  if (!screened.update) return;
  try {
    Y.applyUpdate(doc, screened.update, origin);
  } catch (error) {
    const reason = `the stored document does not apply (${error instanceof Error ? error.message : String(error)})`;
    throw new DamagedProjectError(projectId, [
      ...screened.damage,
      { reason, where: 'the whole project', change: null, changes: screened.changes },
    ]);
  }
}
