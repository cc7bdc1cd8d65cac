import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { framesLostByMerge, mergePartner } from '../../model/shotMerge';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';

/**
 * What the board's menu, its shortcuts and the inspector do to a shot: run the command, then say
 * what happened with an Undo at hand. Refusals are told by useCommandFailures, so these only
 * report success. Each returns the shot to select next (or null when nothing changed).
 */

function done(session: ProjectSession, title: string, detail?: string): void {
  showToast({
    kind: 'info',
    title,
    ...(detail ? { detail } : {}),
    action: { label: 'Undo', run: () => session.undo() },
  });
}

function numberOf(session: ProjectSession, id: ShotId): string {
  return session.getState().snapshot.shots.find((s) => s.id === id)?.number ?? '';
}

export function duplicateShot(session: ProjectSession, shot: Shot): ShotId | null {
  const result = session.run('shot/duplicate', { shotId: shot.id });
  if (!result.ok) return null;
  done(session, `Duplicated shot ${shot.number} as ${numberOf(session, result.value)}`);
  return result.value;
}

export function splitShot(session: ProjectSession, shot: Shot, atLine: number): ShotId | null {
  const result = session.run('shot/split', { shotId: shot.id, atLine });
  if (!result.ok) return null;
  done(session, `Split shot ${shot.number}`, `The rest is shot ${numberOf(session, result.value)}`);
  return result.value;
}

/** Merges `shot` with the next shot of its scene; says so when there is none to merge with. */
export function mergeWithNext(
  session: ProjectSession,
  snapshot: ProjectSnapshot,
  shot: Shot,
): ShotId | null {
  const next = mergePartner(snapshot, shot.id);
  if (!next) {
    showToast({
      kind: 'info',
      title: 'Nothing to merge with',
      detail: shot.omitted
        ? `Shot ${shot.number} is OMITTED: restore it first.`
        : `Shot ${shot.number} is the last one of its scene that plays.`,
    });
    return null;
  }
  const lost = framesLostByMerge([shot, next]);
  const result = session.run('shot/merge', { shotIds: [shot.id, next.id] });
  if (!result.ok) return null;
  done(
    session,
    `Merged shot ${next.number} into ${shot.number}`,
    lost.length > 0 ? `Shot ${next.number}'s own frame is no longer shown` : undefined,
  );
  return result.value;
}

export function restoreShot(session: ProjectSession, shot: Shot): ShotId | null {
  if (!session.run('shot/restore', { shotId: shot.id }).ok) return null;
  done(session, `Restored shot ${shot.number}`, 'It plays in the animatic again');
  return shot.id;
}

/** Deletes a shot; returns the neighbour to select instead. */
export function deleteShot(
  session: ProjectSession,
  snapshot: ProjectSnapshot,
  shot: Shot,
): ShotId | null {
  const at = snapshot.shots.findIndex((s) => s.id === shot.id);
  const neighbour = snapshot.shots[at + 1] ?? snapshot.shots[at - 1] ?? null;
  if (!session.run('shot/delete', { shotId: shot.id }).ok) return null;
  done(session, `Deleted shot ${shot.number}`);
  return neighbour?.id ?? null;
}
