import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { mergePartner } from '../../model/shotMerge';
import { splitPoints } from '../../model/shotSplit';
import type { ProjectSession } from '../../store';
import { Menu, type MenuEntry } from '../common/Menu';
import * as actions from './shotActions';
import { SplitShotDialog } from './SplitShotDialog';

/**
 * Shortcuts on a focused board (and in the menu, as reminders). Split is Ctrl+Shift+K (an NLE's
 * "add edit" is Ctrl+K, hence the K): Ctrl+K alone opens the command palette everywhere.
 */
export const SHOT_SHORTCUTS = {
  duplicate: 'Ctrl+D',
  split: 'Ctrl+Shift+K',
  merge: 'Ctrl+M',
  delete: 'Delete',
} as const;

export interface ShotMenuControls {
  /**
   * For a board's `contextmenu` (right click, the menu key). The same function on every render,
   * so boards that did not change need not render again.
   */
  readonly onContextMenu: (shotId: ShotId, e: MouseEvent<HTMLElement>) => void;
  /** Handles a board's shortcut; true when the key was one. */
  readonly onKey: (shot: Shot, e: KeyboardEvent<HTMLElement>) => boolean;
  /** Opens the dialog that asks where to split. */
  readonly openSplit: (shot: Shot) => void;
  /** The open menu or dialog, to render once. */
  readonly overlay: ReactNode;
}

type Open =
  | { readonly kind: 'menu'; readonly shotId: ShotId; readonly x: number; readonly y: number }
  | { readonly kind: 'split'; readonly shotId: ShotId }
  | null;

/** Below the board when the menu was opened from the keyboard; at the pointer otherwise. */
function menuPlace(e: MouseEvent<HTMLElement>) {
  const box = e.currentTarget.getBoundingClientRect();
  const inside =
    e.clientX >= box.left &&
    e.clientX <= box.right &&
    e.clientY >= box.top &&
    e.clientY <= box.bottom;
  return inside ? { x: e.clientX, y: e.clientY } : { x: box.left + 16, y: box.top + 32 };
}

/**
 * A shot's actions where a storyboard artist reaches for them: a context menu on the board,
 * shortcuts on the focused board, and the split dialog. `onResult` gets the shot to select after
 * an action (the copy, the new half, the merged shot, the neighbour of a deleted one).
 */
export function useShotMenu(
  session: ProjectSession,
  snapshot: ProjectSnapshot,
  onResult: (id: ShotId) => void,
): ShotMenuControls {
  const [open, setOpen] = useState<Open>(null);
  const onContextMenu = useCallback((shotId: ShotId, e: MouseEvent<HTMLElement>) => {
    e.preventDefault();
    setOpen({ kind: 'menu', shotId, ...menuPlace(e) });
  }, []);
  const after = (id: ShotId | null) => {
    if (id) onResult(id);
  };
  const readOnly = session.readOnly;

  const entriesFor = (shot: Shot): MenuEntry[] => [
    ...(shot.omitted
      ? [
          {
            label: 'Restore shot',
            disabled: readOnly,
            onSelect: () => after(actions.restoreShot(session, shot)),
          },
          'separator' as const,
        ]
      : []),
    {
      label: 'Duplicate',
      shortcut: SHOT_SHORTCUTS.duplicate,
      disabled: readOnly,
      onSelect: () => after(actions.duplicateShot(session, shot)),
    },
    {
      label: 'Split at dialogue…',
      shortcut: SHOT_SHORTCUTS.split,
      disabled: readOnly || splitPoints(shot).length === 0,
      onSelect: () => setOpen({ kind: 'split', shotId: shot.id }),
    },
    {
      label: 'Merge with next shot',
      shortcut: SHOT_SHORTCUTS.merge,
      disabled: readOnly || mergePartner(snapshot, shot.id) === null,
      onSelect: () => after(actions.mergeWithNext(session, snapshot, shot)),
    },
    'separator',
    {
      label: 'Delete shot',
      shortcut: SHOT_SHORTCUTS.delete,
      danger: true,
      disabled: readOnly,
      onSelect: () => after(actions.deleteShot(session, snapshot, shot)),
    },
  ];

  const onKey = (shot: Shot, e: KeyboardEvent<HTMLElement>): boolean => {
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      const box = e.currentTarget.getBoundingClientRect();
      setOpen({ kind: 'menu', shotId: shot.id, x: box.left + 16, y: box.top + 32 });
    } else if (!(e.ctrlKey || e.metaKey) || e.altKey) {
      return false;
    } else if (e.shiftKey) {
      if (e.key.toLowerCase() !== 'k') return false;
      setOpen({ kind: 'split', shotId: shot.id });
    } else if (e.key.toLowerCase() === 'd') {
      after(actions.duplicateShot(session, shot));
    } else if (e.key.toLowerCase() === 'm') {
      after(actions.mergeWithNext(session, snapshot, shot));
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  };

  const shot = open ? snapshot.shots.find((s) => s.id === open.shotId) : undefined;
  const close = () => setOpen(null);
  let overlay: ReactNode = null;
  if (open?.kind === 'menu' && shot) {
    overlay = (
      <Menu label={`Shot ${shot.number}`} entries={entriesFor(shot)} at={open} onClose={close} />
    );
  } else if (open?.kind === 'split' && shot) {
    overlay = (
      <SplitShotDialog
        snapshot={snapshot}
        shot={shot}
        onClose={close}
        onSplit={(atLine) => after(actions.splitShot(session, shot, atLine))}
      />
    );
  }

  return {
    onContextMenu,
    onKey,
    openSplit: (target) => setOpen({ kind: 'split', shotId: target.id }),
    overlay,
  };
}
