import { useEffect, useReducer } from 'react';
import type { Peer, PresenceCursor } from '../../model/presence';
import { useCollab } from './CollabContext';
import { usePeers } from './usePeers';

/** Where a cursor lands on this screen, or null when what it points at is not shown here. */
function place(
  cursor: PresenceCursor,
  selectedShotId: string | null,
): { x: number; y: number } | null {
  let box: DOMRect | null;
  if (cursor.area === 'board' && cursor.shotId) {
    box =
      document
        .querySelector(`.board[data-shot-id="${CSS.escape(cursor.shotId)}"]`)
        ?.getBoundingClientRect() ?? null;
  } else if (cursor.area === 'frame') {
    if (cursor.shotId !== selectedShotId) return null; // their preview shows another shot
    box = document.querySelector('.inspector-frame')?.getBoundingClientRect() ?? null;
  } else {
    const pane = document.querySelector<HTMLElement>('.boards-pane');
    if (!pane) return null;
    const outer = pane.getBoundingClientRect();
    return {
      x: outer.left + cursor.x * pane.scrollWidth - pane.scrollLeft,
      y: outer.top + cursor.y * pane.scrollHeight - pane.scrollTop,
    };
  }
  if (!box || box.width === 0) return null;
  return { x: box.left + cursor.x * box.width, y: box.top + cursor.y * box.height };
}

/**
 * Everyone else's pointer over the boards and the frame preview, in their colour with their
 * name. Redrawn when presence changes and when this screen scrolls or resizes.
 */
export function CursorsOverlay() {
  const collab = useCollab();
  const peers = usePeers(collab?.room ?? null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          redraw();
        });
    };
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
    };
  }, []);

  if (!collab?.room) return null;
  return (
    <div className="cursor-layer" aria-hidden="true">
      {peers.map((peer) => (
        <PeerCursor key={peer.clientId} peer={peer} selectedShotId={collab.selectedShotId} />
      ))}
    </div>
  );
}

function PeerCursor({ peer, selectedShotId }: { peer: Peer; selectedShotId: string | null }) {
  const cursor = peer.state.cursor;
  const at = cursor ? place(cursor, selectedShotId) : null;
  if (!at) return null;
  return (
    <div
      className="peer-cursor"
      data-peer={peer.state.user.name}
      style={{ transform: `translate(${at.x}px, ${at.y}px)`, color: peer.state.user.color }}
    >
      <svg width="16" height="20" viewBox="0 0 16 20">
        <path
          d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z"
          fill="currentColor"
          stroke="white"
          strokeWidth="1.2"
        />
      </svg>
      <span className="peer-cursor-name" style={{ background: peer.state.user.color }}>
        {peer.state.user.name}
      </span>
    </div>
  );
}
