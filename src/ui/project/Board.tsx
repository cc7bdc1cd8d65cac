import { useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import { SHOT_TYPE_LABELS } from '../../model/camera';
import type { Shot } from '../../model/shot';
import { formatDuration } from '../../model/units';
import { BoardPresence } from '../collab/BoardPresence';
import { useAssetUrl } from '../common/useAssetUrl';

/** The drag payload type; other drags (files, text) are ignored by the boards. */
export const SHOT_DRAG_TYPE = 'application/x-frameline-shot';

interface Props {
  readonly shot: Shot;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  readonly onDropShot: (movingId: string, side: 'before' | 'after') => void;
}

function snippet(shot: Shot): string {
  const line = shot.dialogue[0];
  if (line) return `${line.speaker}: ${line.line}`;
  return shot.action;
}

export function Board({ shot, selected, onSelect, onKeyDown, onDropShot }: Props) {
  const url = useAssetUrl(shot.frameHash);
  const descriptionId = useId();
  const [dropSide, setDropSide] = useState<'before' | 'after' | null>(null);

  const sideOf = (e: DragEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientX < box.left + box.width / 2 ? 'before' : 'after';
  };

  return (
    <button
      type="button"
      className={`board${selected ? ' selected' : ''}${shot.omitted ? ' omitted' : ''}${dropSide ? ` drop-${dropSide}` : ''}`}
      aria-label={`Shot ${shot.number}`}
      aria-describedby={descriptionId}
      aria-current={selected ? 'true' : undefined}
      data-shot-id={shot.id}
      draggable
      onClick={onSelect}
      onFocus={onSelect}
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        e.dataTransfer.setData(SHOT_DRAG_TYPE, shot.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(SHOT_DRAG_TYPE)) return;
        e.preventDefault();
        setDropSide(sideOf(e));
      }}
      onDragLeave={() => setDropSide(null)}
      onDrop={(e) => {
        const moving = e.dataTransfer.getData(SHOT_DRAG_TYPE);
        setDropSide(null);
        if (!moving) return;
        e.preventDefault();
        onDropShot(moving, sideOf(e));
      }}
    >
      <span className="board-frame">
        {url ? (
          <img src={url} alt="" draggable={false} />
        ) : (
          <span className="board-placeholder">Sketching…</span>
        )}
      </span>
      <span className="board-caption">
        <span className="board-number">{shot.number}</span>
        <span className="board-type" title={SHOT_TYPE_LABELS[shot.shotType]}>
          {shot.shotType}
        </span>
        {shot.omitted ? <span className="omitted-badge">OMITTED</span> : null}
        <span className="board-duration">{formatDuration(shot.durationMs)}</span>
      </span>
      <BoardPresence shotId={shot.id} />
      <span id={descriptionId} className="board-snippet">
        {snippet(shot) || <span className="muted">No action or dialogue</span>}
      </span>
    </button>
  );
}
