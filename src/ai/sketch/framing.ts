import type { CameraAngle, ShotType } from '../../model/camera';

/**
 * How a camera angle changes the drawing. Heights are in person heights: a camera at 0.93 is at a
 * standing person's eye level, which is why, at eye level, the horizon runs through every standing
 * figure's eyes however near or far they are — the rule the planner uses to place figures.
 */
export interface AngleSetup {
  /** Horizon as a fraction of the picture height from the top. */
  readonly horizon: number;
  /** Camera height in person heights. */
  readonly cameraHeight: number;
  /** Keystone over the full picture height (see View): + looks down, − looks up. */
  readonly keystone: number;
  /** Dutch roll in degrees; the sign is chosen per shot. */
  readonly rollDegrees: number;
  /** Foreshortening: looking down, heads loom and legs shrink; looking up, the reverse. */
  readonly headScale: number;
  readonly legScale: number;
  /** Top-down: no horizon, figures seen from above. */
  readonly overhead: boolean;
  /** Wide shots: how much bigger figures loom than at eye level (a camera near the ground). */
  readonly wideScale: number;
}

export const ANGLE_SETUPS: Record<CameraAngle, AngleSetup> = {
  eye: {
    horizon: 0.42,
    cameraHeight: 0.93,
    keystone: 0,
    rollDegrees: 0,
    headScale: 1,
    legScale: 1,
    overhead: false,
    wideScale: 1,
  },
  high: {
    horizon: 0.12,
    cameraHeight: 1.7,
    keystone: 0.32,
    rollDegrees: 0,
    headScale: 1.12,
    legScale: 0.82,
    overhead: false,
    wideScale: 0.9,
  },
  low: {
    horizon: 0.8,
    cameraHeight: 0.3,
    keystone: -0.26,
    rollDegrees: 0,
    headScale: 0.93,
    legScale: 1.1,
    overhead: false,
    wideScale: 1.3,
  },
  worm: {
    horizon: 0.93,
    cameraHeight: 0.05,
    keystone: -0.5,
    rollDegrees: 0,
    headScale: 0.85,
    legScale: 1.18,
    overhead: false,
    wideScale: 1.75,
  },
  dutch: {
    horizon: 0.42,
    cameraHeight: 0.93,
    keystone: 0,
    rollDegrees: 12,
    headScale: 1,
    legScale: 1,
    overhead: false,
    wideScale: 1,
  },
  overhead: {
    horizon: 0,
    cameraHeight: 4,
    keystone: 0,
    rollDegrees: 0,
    headScale: 1,
    legScale: 1,
    overhead: true,
    wideScale: 1,
  },
};

/** A figure's height in heads, the storyboard artist's canon. */
export const FIGURE_HEADS = 7.5;

/**
 * How much of a figure a shot shows, in head heights from the top of the head: where the frame
 * cuts the body, and the room above the head. `null` cuts below the feet (the figure's height is
 * then set by `wideFigureHeight`).
 */
export interface ShotFraming {
  readonly visibleHeads: number | null;
  readonly headroomHeads: number;
  /** For wide shots: figure height as a fraction of the picture height. */
  readonly wideFigureHeight: number;
  /** How magnified the set behind is: long lenses on close shots fill the frame with background. */
  readonly setZoom: number;
  /** Opacity of the set's lines: close shots keep the background soft, as a shallow focus does. */
  readonly setAlpha: number;
  /** Overhead figures' head size as a fraction of the picture's short side. */
  readonly overheadHead: number;
}

export const SHOT_FRAMINGS: Record<ShotType, ShotFraming> = {
  ECU: {
    visibleHeads: 1,
    headroomHeads: 0,
    wideFigureHeight: 0,
    setZoom: 2.4,
    setAlpha: 0.3,
    overheadHead: 0.5,
  },
  CU: {
    visibleHeads: 1.75,
    headroomHeads: 0.18,
    wideFigureHeight: 0,
    setZoom: 2.1,
    setAlpha: 0.42,
    overheadHead: 0.3,
  },
  MCU: {
    visibleHeads: 2.6,
    headroomHeads: 0.22,
    wideFigureHeight: 0,
    setZoom: 1.8,
    setAlpha: 0.5,
    overheadHead: 0.22,
  },
  MS: {
    visibleHeads: 3.45,
    headroomHeads: 0.28,
    wideFigureHeight: 0,
    setZoom: 1.5,
    setAlpha: 0.6,
    overheadHead: 0.16,
  },
  MLS: {
    visibleHeads: 5.6,
    headroomHeads: 0.32,
    wideFigureHeight: 0,
    setZoom: 1.25,
    setAlpha: 0.72,
    overheadHead: 0.12,
  },
  WS: {
    visibleHeads: null,
    headroomHeads: 0,
    wideFigureHeight: 0.46,
    setZoom: 1,
    setAlpha: 0.9,
    overheadHead: 0.08,
  },
  EWS: {
    visibleHeads: null,
    headroomHeads: 0,
    wideFigureHeight: 0.1,
    setZoom: 0.65,
    setAlpha: 1,
    overheadHead: 0.035,
  },
  OTS: {
    visibleHeads: 2.7,
    headroomHeads: 0.25,
    wideFigureHeight: 0,
    setZoom: 1.7,
    setAlpha: 0.5,
    overheadHead: 0.18,
  },
  POV: {
    visibleHeads: 6,
    headroomHeads: 0.4,
    wideFigureHeight: 0,
    setZoom: 1.2,
    setAlpha: 0.75,
    overheadHead: 0.12,
  },
  INSERT: {
    visibleHeads: null,
    headroomHeads: 0,
    wideFigureHeight: 0,
    setZoom: 2.4,
    setAlpha: 0.3,
    overheadHead: 0.2,
  },
  TWO: {
    visibleHeads: 3.45,
    headroomHeads: 0.28,
    wideFigureHeight: 0,
    setZoom: 1.5,
    setAlpha: 0.6,
    overheadHead: 0.16,
  },
};

/** The most figures drawn; the rest are summed up in a `+N` label so the frame stays readable. */
export const MAX_DRAWN_FIGURES = 5;
