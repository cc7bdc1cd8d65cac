import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampRect, framingFor, type FramingRect } from '../../model/framing';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { useAssetUrl } from '../common/useAssetUrl';

interface Props {
  readonly session: ProjectSession;
  readonly shot: Shot;
}

type End = 'start' | 'end';
type Drag = {
  readonly end: End;
  readonly mode: 'move' | 'resize';
  readonly x: number;
  readonly y: number;
  readonly rect: FramingRect;
};

/** Keyboard steps: 1 % of the picture per arrow press, 5 % with Shift. */
const KEY_STEP = 0.01;
const KEY_STEP_LARGE = 0.05;

/**
 * The camera move drawn on the picture: the start framing (green) and the end framing (orange)
 * over the whole frame. Drag a box to move it, its corner to resize it (the frame's shape is
 * kept), or focus it and use the arrow keys (+ / − resize). Each release is one undoable edit.
 */
export function FramingEditor({ session, shot }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Partial<Record<End, FramingRect>>>({});
  const drag = useRef<Drag | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const url = useAssetUrl(shot.frameHash);
  const framing = framingFor(shot);
  const rectOf = (end: End) => draft[end] ?? framing[end];

  const commit = (end: End, rect: FramingRect) => {
    session.run('shot/setFraming', {
      shotId: shot.id,
      framing: { ...framing, [end]: clampRect(rect) },
    });
    setDraft({});
  };

  function startDrag(
    e: PointerEvent<HTMLElement>,
    end: End,
    mode: Drag['mode'],
    rect: FramingRect,
  ) {
    e.stopPropagation();
    surface.current?.setPointerCapture(e.pointerId);
    drag.current = { end, mode, x: e.clientX, y: e.clientY, rect };
  }

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const box = surface.current?.getBoundingClientRect();
    if (!d || !box) return;
    const dx = (e.clientX - d.x) / box.width;
    const dy = (e.clientY - d.y) / box.height;
    const next =
      d.mode === 'move'
        ? { ...d.rect, x: d.rect.x + dx, y: d.rect.y + dy }
        : // Same growth on both axes keeps the framing the picture's shape.
          { ...d.rect, w: d.rect.w + Math.max(dx, dy), h: d.rect.h + Math.max(dx, dy) };
    setDraft({ [d.end]: clampRect(next) });
  };

  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    const moved = d ? draft[d.end] : undefined;
    if (d && moved) commit(d.end, moved);
  };

  const onKey = (end: End) => (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const r = rectOf(end);
    const moves: Record<string, FramingRect> = {
      ArrowLeft: { ...r, x: r.x - step },
      ArrowRight: { ...r, x: r.x + step },
      ArrowUp: { ...r, y: r.y - step },
      ArrowDown: { ...r, y: r.y + step },
      // Resizing by keyboard keeps the box centred where it is.
      '+': { x: r.x - step / 2, y: r.y - step / 2, w: r.w + step, h: r.h + step },
      '=': { x: r.x - step / 2, y: r.y - step / 2, w: r.w + step, h: r.h + step },
      '-': { x: r.x + step / 2, y: r.y + step / 2, w: r.w - step, h: r.h - step },
    };
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    commit(end, next);
  };

  if (!open) {
    return (
      <button type="button" className="button framing-toggle" onClick={() => setOpen(true)}>
        Edit framing
      </button>
    );
  }

  return (
    <div className="framing-editor" role="group" aria-label={`Framing of shot ${shot.number}`}>
      <div
        ref={surface}
        className="framing-surface"
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        {url ? <img src={url} alt="" draggable={false} /> : null}
        {(['start', 'end'] as const).map((end) => {
          const r = rectOf(end);
          return (
            <div
              key={end}
              className={`framing-rect ${end}`}
              style={{
                left: `${r.x * 100}%`,
                top: `${r.y * 100}%`,
                width: `${r.w * 100}%`,
                height: `${r.h * 100}%`,
              }}
              tabIndex={0}
              role="slider"
              aria-label={end === 'start' ? 'Start framing' : 'End framing'}
              aria-valuetext={`x ${Math.round(r.x * 100)}%, y ${Math.round(r.y * 100)}%, size ${Math.round(r.w * 100)}%`}
              onPointerDown={(e) => startDrag(e, end, 'move', r)}
              onKeyDown={onKey(end)}
            >
              <span className="rect-label">{end === 'start' ? 'Start' : 'End'}</span>
              <span
                className="resize-handle"
                onPointerDown={(e) => startDrag(e, end, 'resize', r)}
              />
            </div>
          );
        })}
      </div>
      <div className="framing-actions">
        <span className="muted small">
          Drag a box, its corner to resize; arrows and + / − with the keyboard.
        </span>
        <button type="button" className="button primary" onClick={() => setOpen(false)}>
          Done
        </button>
      </div>
    </div>
  );
}
