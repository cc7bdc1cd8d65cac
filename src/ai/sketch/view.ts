import type { Point } from './geometry';

/**
 * Where scene space lands on the canvas. The planner draws every environment and figure in an
 * upright, eye-level scene space; the view then applies what the camera angle does to it:
 * a keystone (verticals converging when the camera looks down or up) and a Dutch roll.
 */
export interface View {
  map(p: Point): Point;
  /** Roll in radians, clockwise on screen. */
  readonly rotation: number;
  /** Horizontal scale at a point, for radii that follow the keystone. */
  scaleAt(p: Point): number;
}

export interface ViewParams {
  /** Centre of the roll and of the keystone: the middle of the picture. */
  readonly center: Point;
  /**
   * Keystone strength per pixel of height: how much narrower each pixel lower down becomes.
   * Positive narrows the bottom (looking down), negative the top (looking up).
   *
   * Only x is squeezed. A true projective keystone also moves things vertically, which pushed
   * carefully framed heads out of the frame; the x-only squeeze keeps the framing, turns
   * verticals into converging lines and bends other lines by an amount the pencil wobble hides.
   */
  readonly keystone: number;
  readonly rotation: number;
}

/** Keeps the squeeze positive even for extreme inputs. */
const MIN_SQUEEZE = 0.2;

export function createView({ center, keystone, rotation }: ViewParams): View {
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const squeeze = (y: number): number => Math.max(MIN_SQUEEZE, 1 - keystone * (y - center.y));
  return {
    rotation,
    map(p) {
      const x = (p.x - center.x) * squeeze(p.y);
      const y = p.y - center.y;
      return { x: center.x + x * cos - y * sin, y: center.y + x * sin + y * cos };
    },
    scaleAt: (p) => squeeze(p.y),
  };
}

export const IDENTITY_VIEW: View = createView({ center: { x: 0, y: 0 }, keystone: 0, rotation: 0 });
