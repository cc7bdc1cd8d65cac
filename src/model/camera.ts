/**
 * The camera vocabulary a storyboard artist uses. Order matters: the inspector lists them in this
 * order, and SHOT_TYPES runs from tightest to widest so "tighter/wider" can step through it.
 */
export const SHOT_TYPES = [
  'ECU',
  'CU',
  'MCU',
  'MS',
  'MLS',
  'WS',
  'EWS',
  'OTS',
  'POV',
  'INSERT',
  'TWO',
] as const;
export type ShotType = (typeof SHOT_TYPES)[number];

export const SHOT_TYPE_LABELS: Record<ShotType, string> = {
  ECU: 'Extreme close-up',
  CU: 'Close-up',
  MCU: 'Medium close-up',
  MS: 'Medium shot',
  MLS: 'Medium long shot',
  WS: 'Wide shot',
  EWS: 'Extreme wide shot',
  OTS: 'Over the shoulder',
  POV: 'Point of view',
  INSERT: 'Insert',
  TWO: 'Two-shot',
};

export const CAMERA_ANGLES = ['eye', 'high', 'low', 'overhead', 'dutch', 'worm'] as const;
export type CameraAngle = (typeof CAMERA_ANGLES)[number];

export const CAMERA_ANGLE_LABELS: Record<CameraAngle, string> = {
  eye: 'Eye level',
  high: 'High angle',
  low: 'Low angle',
  overhead: "Overhead (bird's-eye)",
  dutch: 'Dutch tilt',
  worm: "Worm's-eye",
};

export const CAMERA_MOVES = [
  'static',
  'pan',
  'tilt',
  'dolly',
  'truck',
  'zoom',
  'handheld',
] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

export const CAMERA_MOVE_LABELS: Record<CameraMove, string> = {
  static: 'Static',
  pan: 'Pan',
  tilt: 'Tilt',
  dolly: 'Dolly',
  truck: 'Truck',
  zoom: 'Zoom',
  handheld: 'Handheld',
};
