import { useRef, useState, type KeyboardEvent } from 'react';
import { trimmedDuration } from '../../model/timelineEdit';
import type { Shot } from '../../model/shot';
import { formatDuration, type Milliseconds } from '../../model/units';
import { useAssetUrl } from '../common/useAssetUrl';

interface Props {
  readonly shot: Shot;
  readonly width: number;
  readonly pxPerSecond: number;
  readonly frameRate: number;
  readonly selected: boolean;
  readonly onSelect: () => void;
  /** A click (not a keyboard focus): the timeline moves the playhead to the clip. */
  readonly onClick: () => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  /** The new duration when a trim ends (one undo step per drag). */
  readonly onTrim: (duration: Milliseconds) => void;
}

/** One shot on the video track. Drag its right edge to trim; later clips ripple along. */
export function VideoClip({
  shot,
  width,
  pxPerSecond,
  frameRate,
  selected,
  onSelect,
  onClick,
  onKeyDown,
  onTrim,
}: Props) {
  const url = useAssetUrl(shot.frameHash);
  const drag = useRef<{ startX: number } | null>(null);
  const [preview, setPreview] = useState<Milliseconds | null>(null);
  const shownWidth = preview === null ? width : (preview / 1000) * pxPerSecond;
  return (
    <div
      className={`clip${selected ? ' selected' : ''}`}
      style={{ width: shownWidth }}
      data-clip-id={shot.id}
    >
      <button
        type="button"
        className="clip-body"
        aria-label={`Clip ${shot.number}`}
        aria-current={selected ? 'true' : undefined}
        data-region-start={selected ? '' : undefined}
        // The label below is for eyes ("3A · 2.5s ▶"); a screen reader hears it in words.
        aria-description={`${((preview ?? shot.durationMs) / 1000).toFixed(1)} seconds${shot.clipHash !== null ? ', plays a clip' : ''}`}
        onClick={() => {
          onSelect();
          onClick();
        }}
        onFocus={onSelect}
        onKeyDown={onKeyDown}
      >
        {url ? <img src={url} alt="" draggable={false} /> : null}
      </button>
      {/* Over the button, not in it: its name is "Clip 3A" (Board.tsx says why). */}
      <span className="clip-label" aria-hidden="true">
        {shot.number} · {formatDuration(preview ?? shot.durationMs)}
        {shot.clipHash !== null ? ' ▶' : ''}
      </span>
      <span
        className="trim-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Trim ${shot.number}`}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { startX: e.clientX };
        }}
        onPointerMove={(e) => {
          if (!drag.current) return;
          setPreview(
            trimmedDuration(
              shot.durationMs,
              e.clientX - drag.current.startX,
              pxPerSecond,
              frameRate,
            ),
          );
        }}
        onPointerUp={() => {
          drag.current = null;
          if (preview !== null && preview !== shot.durationMs) onTrim(preview);
          setPreview(null);
        }}
      />
    </div>
  );
}
