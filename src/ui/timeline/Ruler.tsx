import { useRef, type PointerEvent } from 'react';
import { formatTimecode } from '../../model/timeline';
import { tickSpacingSeconds, timeToX, xToTime } from '../../model/timelineEdit';
import { ms } from '../../model/units';

interface Props {
  readonly totalMs: number;
  readonly pxPerSecond: number;
  readonly frameRate: number;
  /** Ticks are drawn only in this span of time (what is near the view). */
  readonly fromMs?: number;
  readonly toMs?: number;
  /** Called while scrubbing with the time under the pointer. */
  readonly onScrub: (t: number) => void;
  /** Where each scene starts: a flag on the ruler. */
  readonly markers?: readonly SceneMarker[];
}

export interface SceneMarker {
  readonly atMs: number;
  readonly label: string;
  readonly title: string;
}

/** Time ruler with scene flags; click or drag on it to move the playhead (and hear the spot). */
export function Ruler({
  totalMs,
  pxPerSecond,
  frameRate,
  fromMs = 0,
  toMs = totalMs,
  onScrub,
  markers = [],
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const spacing = tickSpacingSeconds(pxPerSecond);
  const ticks: number[] = [];
  const first = Math.max(0, Math.floor(fromMs / 1000 / spacing) * spacing);
  const last = Math.min(totalMs, toMs);
  for (let s = first; s * 1000 <= last; s += spacing) ticks.push(s);
  const timeAt = (e: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.getBoundingClientRect();
    return box ? xToTime(e.clientX - box.left, pxPerSecond) : 0;
  };
  return (
    <div
      ref={ref}
      className="ruler"
      style={{ width: timeToX(totalMs, pxPerSecond) }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        onScrub(timeAt(e));
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) onScrub(timeAt(e));
      }}
    >
      {ticks.map((s) => (
        <span key={s} className="tick" style={{ left: timeToX(s * 1000, pxPerSecond) }}>
          {formatTimecode(ms(s * 1000), frameRate).slice(3, 8)}
        </span>
      ))}
      {markers
        .filter((m) => m.atMs >= fromMs && m.atMs <= toMs)
        .map((m) => (
          <span
            key={m.atMs}
            className="scene-marker"
            style={{ left: timeToX(m.atMs, pxPerSecond) }}
            title={m.title}
          >
            {m.label}
          </span>
        ))}
    </div>
  );
}
