import Konva from 'konva';
import type { FrameUnits } from './itemNodes';

/** Composition guides over the frame: never part of the saved picture. */
export interface Guides {
  readonly thirds: boolean;
  readonly centre: boolean;
  readonly golden: boolean;
  readonly titleSafe: boolean;
  readonly actionSafe: boolean;
  readonly perspective: boolean;
}

export const NO_GUIDES: Guides = {
  thirds: false,
  centre: false,
  golden: false,
  titleSafe: false,
  actionSafe: false,
  perspective: false,
};

export const GUIDE_LABELS: Readonly<Record<keyof Guides, string>> = {
  thirds: 'Thirds',
  centre: 'Centre',
  golden: 'Golden section',
  titleSafe: 'Title safe',
  actionSafe: 'Action safe',
  perspective: 'Perspective grid',
};

/** Golden section: the frame divided at 1/φ² and 1/φ of its width and height. */
const GOLDEN = 0.381966;
/** Title-safe and action-safe areas (SMPTE RP 2046-2): 90% and 93% of the frame, centred. */
const TITLE_SAFE = 0.9;
const ACTION_SAFE = 0.93;
const PERSPECTIVE_RAYS = 24;

const GUIDE_COLOUR = '#3d8bd9';
const SAFE_COLOUR = '#e8a33d';
const PERSPECTIVE_COLOUR = '#b3412e';

export interface Point {
  x: number;
  y: number;
}

/** Two vanishing points on the horizon, near the frame's sides (units; drag them anywhere). */
export function defaultVanishingPoints(frame: FrameUnits): [Point, Point] {
  return [
    { x: -frame.halfWidth * 0.85, y: -frame.halfHeight * 0.1 },
    { x: frame.halfWidth * 0.85, y: -frame.halfHeight * 0.1 },
  ];
}

function line(points: number[], color: string, zoom: number, dash = false): Konva.Line {
  return new Konva.Line({
    points,
    stroke: color,
    strokeWidth: 1 / zoom,
    opacity: 0.8,
    ...(dash ? { dash: [6 / zoom, 4 / zoom] } : {}),
    listening: false,
  });
}

/**
 * The guides' nodes, in units (lines one screen pixel wide at `zoom`), plus a draggable handle
 * per vanishing point when the perspective grid is on (`onMove` gets the moved point).
 */
export function guideNodes(
  guides: Guides,
  frame: FrameUnits,
  zoom: number,
  vanishing: readonly Point[],
  onMove: (index: number, point: Point) => void,
): Konva.Node[] {
  const { halfWidth: w, halfHeight: h } = frame;
  const nodes: Konva.Node[] = [];
  const vertical = (fx: number, color: string) =>
    line([-w + 2 * w * fx, -h, -w + 2 * w * fx, h], color, zoom);
  const horizontal = (fy: number, color: string) =>
    line([-w, -h + 2 * h * fy, w, -h + 2 * h * fy], color, zoom);
  if (guides.thirds) {
    for (const f of [1 / 3, 2 / 3])
      nodes.push(vertical(f, GUIDE_COLOUR), horizontal(f, GUIDE_COLOUR));
  }
  if (guides.golden) {
    for (const f of [GOLDEN, 1 - GOLDEN]) {
      nodes.push(vertical(f, SAFE_COLOUR), horizontal(f, SAFE_COLOUR));
    }
  }
  if (guides.centre) {
    const arm = h * 0.08;
    nodes.push(
      line([-arm, 0, arm, 0], GUIDE_COLOUR, zoom),
      line([0, -arm, 0, arm], GUIDE_COLOUR, zoom),
    );
  }
  for (const [on, scale] of [
    [guides.actionSafe, ACTION_SAFE],
    [guides.titleSafe, TITLE_SAFE],
  ] as const) {
    if (!on) continue;
    nodes.push(
      new Konva.Rect({
        x: -w * scale,
        y: -h * scale,
        width: 2 * w * scale,
        height: 2 * h * scale,
        stroke: SAFE_COLOUR,
        strokeWidth: 1 / zoom,
        dash: [6 / zoom, 4 / zoom],
        listening: false,
      }),
    );
  }
  if (guides.perspective) {
    const group = new Konva.Group({
      clipX: -w,
      clipY: -h,
      clipWidth: 2 * w,
      clipHeight: 2 * h,
      listening: false,
    });
    const reach = (w + h) * 6;
    for (const vp of vanishing) {
      for (let i = 0; i < PERSPECTIVE_RAYS; i++) {
        const angle = (i / PERSPECTIVE_RAYS) * Math.PI * 2;
        group.add(
          line(
            [vp.x, vp.y, vp.x + Math.cos(angle) * reach, vp.y + Math.sin(angle) * reach],
            PERSPECTIVE_COLOUR,
            zoom,
          ),
        );
      }
    }
    const [a, b] = vanishing;
    if (a && b) group.add(line([a.x, a.y, b.x, b.y], PERSPECTIVE_COLOUR, zoom, true));
    nodes.push(group);
    vanishing.forEach((vp, index) => {
      const handle = new Konva.Circle({
        x: vp.x,
        y: vp.y,
        radius: 7 / zoom,
        fill: PERSPECTIVE_COLOUR,
        stroke: '#ffffff',
        strokeWidth: 2 / zoom,
        draggable: true,
        name: `vanishing-point-${index}`,
      });
      handle.on('dragend', () => onMove(index, { x: handle.x(), y: handle.y() }));
      handle.on('mouseenter', () => {
        const container = handle.getStage()?.container();
        if (container) container.style.cursor = 'move';
      });
      nodes.push(handle);
    });
  }
  return nodes;
}
