import type { Rect } from './geometry';

/**
 * How far scene geometry reaches past the picture on every side, as a share of its longer side.
 * A Dutch roll or a keystone pulls scene space in from beyond the frame; 35% covers both at
 * their strongest without leaving bare corners.
 */
const OVERSCAN = 0.35;

export function overscan(picture: Rect): Rect {
  const margin = Math.max(picture.w, picture.h) * OVERSCAN;
  return {
    x: picture.x - margin,
    y: picture.y - margin,
    w: picture.w + margin * 2,
    h: picture.h + margin * 2,
  };
}
