import { getStroke, type StrokeOptions } from 'perfect-freehand';
import type { StrokeTool } from './drawing';
import type { InputPoint } from './drawingUnits';

/**
 * How each pen tool turns points into a variable-width outline (perfect-freehand, as tldraw and
 * Excalidraw use). Pencil: thin, pressure matters little. Brush: pressure matters a lot and
 * tapers. Pen (ink): crisp and even. The eraser follows the pen's shape.
 */
const TOOL_OPTIONS: Readonly<Record<StrokeTool, StrokeOptions>> = {
  pencil: { thinning: 0.3, smoothing: 0.5, streamline: 0.4 },
  brush: {
    thinning: 0.75,
    smoothing: 0.6,
    streamline: 0.5,
    start: { taper: true },
    end: { taper: true },
  },
  pen: { thinning: 0.5, smoothing: 0.7, streamline: 0.6 },
  eraser: { thinning: 0, smoothing: 0.5, streamline: 0.4 },
};

/**
 * The outline polygon of a stroke as a flat x, y array (Konva's `Line` with `closed`), in the
 * pixels of the points given. `complete` is false while the pen is still down (the end is not
 * tapered yet).
 */
export function strokeOutline(
  points: readonly InputPoint[],
  tool: StrokeTool,
  sizePx: number,
  complete = true,
): number[] {
  const input = points.map((p) => [p.x, p.y, p.pressure]);
  const outline = getStroke(input, {
    ...TOOL_OPTIONS[tool],
    size: sizePx,
    simulatePressure: false,
    last: complete,
  });
  const flat: number[] = [];
  for (const [x, y] of outline) flat.push(x as number, y as number);
  return flat;
}
