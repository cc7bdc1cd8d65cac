/**
 * Paper and pencil for each kind of light. Storyboard artists mark time of day with the tone of the
 * paper, not with colour: day is warm white paper and grey pencil, night a blue-grey wash with
 * chalk-light lines, golden hours a warm wash.
 */
export type Light = 'day' | 'night' | 'golden' | 'neutral';

export interface Palette {
  readonly light: Light;
  readonly paper: string;
  /** Sky wash, top of the sky then at the horizon. */
  readonly skyTop: string;
  readonly skyHorizon: string;
  /** Wash over the ground or floor. */
  readonly ground: string;
  /** Wash over interior side walls. */
  readonly wall: string;
  /** Main pencil line. */
  readonly pencil: string;
  /** Lighter pencil for the background and construction lines. */
  readonly softPencil: string;
  /** Tone inside figures, so they read as solid against lines behind them. */
  readonly figureTone: string;
  /** Shadow and foreground mass (OTS shoulder, vignette). */
  readonly shadow: string;
  /** Paper held up close (an INSERT's card), lighter than the page. */
  readonly highlight: string;
  /** The one accent colour: camera-move arrows. */
  readonly accent: string;
  readonly accentFill: string;
  readonly labelText: string;
  readonly labelBox: string;
  readonly stripFill: string;
  readonly stripText: string;
  readonly stripMuted: string;
}

const DAY: Palette = {
  light: 'day',
  paper: '#f3eee4',
  skyTop: '#dde2e3',
  skyHorizon: '#f1eee6',
  ground: '#e8e1d3',
  wall: '#ebe5da',
  pencil: '#4a4640',
  softPencil: '#8d877d',
  figureTone: '#e3dccf',
  shadow: '#5b5650',
  highlight: '#fbf8f1',
  accent: '#a8573c',
  accentFill: 'rgba(250, 244, 234, 0.9)',
  labelText: '#3c3833',
  labelBox: 'rgba(246, 242, 234, 0.88)',
  stripFill: '#e7e0d2',
  stripText: '#37332e',
  stripMuted: '#7a746a',
};

const NEUTRAL: Palette = {
  ...DAY,
  light: 'neutral',
  paper: '#f0ede7',
  skyTop: '#e1e2e1',
  skyHorizon: '#efede8',
  ground: '#e5e1d8',
  wall: '#e8e5de',
  highlight: '#faf8f4',
};

const GOLDEN: Palette = {
  light: 'golden',
  paper: '#f2e4cf',
  skyTop: '#e6c7a4',
  skyHorizon: '#f5dfbf',
  ground: '#e6d4b8',
  wall: '#ead9c0',
  pencil: '#574739',
  softPencil: '#93806b',
  figureTone: '#e2cfb3',
  shadow: '#5e4b3c',
  highlight: '#fbf2e3',
  accent: '#9e4a2e',
  accentFill: 'rgba(250, 238, 220, 0.9)',
  labelText: '#45372b',
  labelBox: 'rgba(247, 235, 216, 0.88)',
  stripFill: '#e6d5bb',
  stripText: '#3f3227',
  stripMuted: '#7f6c58',
};

const NIGHT: Palette = {
  light: 'night',
  paper: '#3b4350',
  skyTop: '#262d39',
  skyHorizon: '#3f4856',
  ground: '#353c48',
  wall: '#414956',
  pencil: '#d6dae0',
  softPencil: '#8e97a4',
  figureTone: '#4a5261',
  shadow: '#1c2029',
  highlight: '#5d6675',
  accent: '#e0a878',
  accentFill: 'rgba(46, 53, 65, 0.9)',
  labelText: '#eceef1',
  labelBox: 'rgba(38, 44, 55, 0.85)',
  stripFill: '#2a303b',
  stripText: '#e6e8ec',
  stripMuted: '#9aa2ae',
};

const PALETTES: Record<Light, Palette> = {
  day: DAY,
  night: NIGHT,
  golden: GOLDEN,
  neutral: NEUTRAL,
};

/** Checked in order: "LATE NIGHT" must be night before "LATE" means anything else. */
const LIGHT_WORDS: readonly (readonly [Light, RegExp])[] = [
  ['night', /\b(NIGHT|MIDNIGHT|NITE|DARK)\b/],
  [
    'golden',
    /\b(DUSK|DAWN|SUNSET|SUNRISE|EVENING|TWILIGHT|GOLDEN|MAGIC HOUR|SUNDOWN|SUNUP|DAYBREAK|FIRST LIGHT)\b/,
  ],
  ['day', /\b(DAY|MORNING|NOON|AFTERNOON|MIDDAY|DAYLIGHT)\b/],
];

/** `NIGHT`, `Late night`, `DUSK`… → the light to draw; unknown or `CONTINUOUS` is neutral. */
export function lightFor(timeOfDay: string): Light {
  const words = timeOfDay.toUpperCase();
  for (const [light, pattern] of LIGHT_WORDS) if (pattern.test(words)) return light;
  return 'neutral';
}

export function paletteFor(timeOfDay: string): Palette {
  return PALETTES[lightFor(timeOfDay)];
}
