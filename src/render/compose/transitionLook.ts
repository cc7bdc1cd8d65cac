import type { TransitionKind, WipeDirection } from '../../model/transition';

/** A rectangle of the output in normalised coordinates (0..1 of its width and height). */
export interface ClipRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** How one of the two shots in a transition is drawn; null: not drawn at all. */
export interface LayerLook {
  readonly opacity: number;
  /** Only this part of the output shows the layer; null: all of it. */
  readonly clip: ClipRect | null;
}

export interface TransitionLook {
  /** Drawn first. */
  readonly outgoing: LayerLook | null;
  /** Drawn over the outgoing shot. */
  readonly incoming: LayerLook | null;
  /** A flat colour over both (dips). */
  readonly fill: { readonly colour: string; readonly opacity: number } | null;
}

export const DIP_COLOURS = { dipToBlack: '#000000', dipToWhite: '#ffffff' } as const;

const FULL: LayerLook = { opacity: 1, clip: null };

/** The part of the frame a wipe has uncovered at `p`, for an edge travelling in `direction`. */
export function wipeClip(direction: WipeDirection, p: number): ClipRect {
  switch (direction) {
    case 'right':
      return { x: 0, y: 0, w: p, h: 1 };
    case 'left':
      return { x: 1 - p, y: 0, w: p, h: 1 };
    case 'down':
      return { x: 0, y: 0, w: 1, h: p };
    case 'up':
      return { x: 0, y: 1 - p, w: 1, h: p };
  }
}

/**
 * What a transition looks like at progress `p` in [0, 1] (clamped): 0 is the outgoing shot
 * alone, 1 the incoming shot alone.
 *
 * - crossfade: the incoming shot over the outgoing one at opacity p, which blends the two as
 *   (1 − p)·outgoing + p·incoming for opaque pictures.
 * - dips: the outgoing shot fades to the colour over the first half, the incoming shot fades up
 *   from it over the second; at p = 0.5 the frame is the flat colour.
 * - wipe: the incoming shot uncovered behind an edge that crosses the frame.
 */
export function transitionLook(
  kind: TransitionKind,
  direction: WipeDirection,
  progress: number,
): TransitionLook {
  const p = Math.min(1, Math.max(0, progress));
  switch (kind) {
    case 'cut':
      return p < 1
        ? { outgoing: FULL, incoming: null, fill: null }
        : { outgoing: null, incoming: FULL, fill: null };
    case 'crossfade':
      return {
        outgoing: p < 1 ? FULL : null,
        incoming: p > 0 ? { opacity: p, clip: null } : null,
        fill: null,
      };
    case 'dipToBlack':
    case 'dipToWhite': {
      const colour = DIP_COLOURS[kind];
      return p < 0.5
        ? { outgoing: FULL, incoming: null, fill: { colour, opacity: 2 * p } }
        : { outgoing: null, incoming: FULL, fill: { colour, opacity: 2 * (1 - p) } };
    }
    case 'wipe':
      return {
        outgoing: p < 1 ? FULL : null,
        incoming: p > 0 ? { opacity: 1, clip: wipeClip(direction, p) } : null,
        fill: null,
      };
  }
}
