import type { Shot } from '../../model/shot';
import { timeToX, type ClipLayout } from '../../model/timelineEdit';
import { TRANSITION_LABELS, transitionWindows } from '../../model/transition';

interface Props {
  readonly shots: readonly Shot[];
  readonly layout: readonly ClipLayout[];
  readonly pxPerSecond: number;
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * Each transition drawn on its cut, as long as it really lasts: the same windows the compose
 * functions blend over (half before the cut, half after; shortened where a shot is too short).
 */
export function TransitionMarks({ shots, layout, pxPerSecond, fromMs, toMs }: Props) {
  const windows = transitionWindows(shots).filter((w) => w.endMs >= fromMs && w.startMs <= toMs);
  // The video track's clips are laid out in runs; the marks sit over them, on the same scale.
  const left0 = timeToX(layout[0]?.start ?? 0, pxPerSecond);
  return (
    <>
      {windows.map((w) => {
        const label = `${TRANSITION_LABELS[w.kind]} ${((w.endMs - w.startMs) / 1000).toFixed(1)} s into ${shots[w.outgoing + 1]?.number ?? ''}`;
        return (
          <span
            key={w.outgoing}
            className="transition-mark"
            style={{
              left: timeToX(w.startMs, pxPerSecond) - left0,
              width: Math.max(4, timeToX(w.endMs - w.startMs, pxPerSecond)),
            }}
            title={label}
            aria-label={label}
            role="img"
          />
        );
      })}
    </>
  );
}
