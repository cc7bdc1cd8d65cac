import { useEffect } from 'react';
import type { ShotId } from '../../model/ids';
import type { PresenceCursor } from '../../model/presence';
import type { CollabRoom } from '../../sync/collabRoom';

/** The pointer is told to the room at most this often (presence messages are small, but many). */
export const CURSOR_THROTTLE_MS = 50;

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * Where the pointer is, in coordinates another screen can map back (model/presence.ts): over a
 * board, over the inspector's frame preview, or somewhere in the boards pane.
 */
export function cursorAt(
  target: Element | null,
  x: number,
  y: number,
  selected: ShotId | null,
): PresenceCursor | null {
  const board = target?.closest<HTMLElement>('.board[data-shot-id]');
  if (board) {
    const box = board.getBoundingClientRect();
    return {
      area: 'board',
      shotId: board.dataset.shotId as ShotId,
      x: clamp((x - box.left) / box.width),
      y: clamp((y - box.top) / box.height),
    };
  }
  const frame = target?.closest<HTMLElement>('.inspector-frame');
  if (frame && selected) {
    const box = frame.getBoundingClientRect();
    return {
      area: 'frame',
      shotId: selected,
      x: clamp((x - box.left) / box.width),
      y: clamp((y - box.top) / box.height),
    };
  }
  const pane = target?.closest<HTMLElement>('.boards-pane');
  if (pane) {
    const box = pane.getBoundingClientRect();
    return {
      area: 'grid',
      shotId: null,
      x: clamp((x - box.left + pane.scrollLeft) / Math.max(1, pane.scrollWidth)),
      y: clamp((y - box.top + pane.scrollTop) / Math.max(1, pane.scrollHeight)),
    };
  }
  return null;
}

export function usePointerPresence(room: CollabRoom | null, selected: ShotId | null): void {
  useEffect(() => {
    if (!room) return;
    let last = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let latest: PresenceCursor | null = null;
    const flush = () => {
      pending = null;
      last = performance.now();
      room.setCursor(latest);
    };
    const onMove = (event: PointerEvent) => {
      latest = cursorAt(event.target as Element | null, event.clientX, event.clientY, selected);
      const wait = CURSOR_THROTTLE_MS - (performance.now() - last);
      if (wait <= 0) flush();
      else pending ??= setTimeout(flush, wait);
    };
    const onLeave = () => {
      latest = null;
      flush();
    };
    document.addEventListener('pointermove', onMove, { passive: true });
    document.documentElement.addEventListener('pointerleave', onLeave);
    return () => {
      if (pending) clearTimeout(pending);
      document.removeEventListener('pointermove', onMove);
      document.documentElement.removeEventListener('pointerleave', onLeave);
    };
  }, [room, selected]);
}
