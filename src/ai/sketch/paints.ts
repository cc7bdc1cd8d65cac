import type { LinearPaint } from './ops';

/** A two-colour vertical gradient from `y0` (colour `from`) to `y1` (colour `to`). */
export function verticalGradient(
  x: number,
  y0: number,
  y1: number,
  from: string,
  to: string,
): LinearPaint {
  return {
    kind: 'linear',
    x0: x,
    y0,
    x1: x,
    y1,
    stops: [
      { offset: 0, color: from },
      { offset: 1, color: to },
    ],
  };
}
