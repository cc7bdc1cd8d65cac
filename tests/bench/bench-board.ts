// A synthetic storyboard for the render bench: distinct, sketch-like frames whose colour at a
// known point identifies the shot, so a decoded video frame can be checked against its shot.
import type { CameraMove } from '../../src/model/camera';
import { FULL_FRAME, presetFraming } from '../../src/model/framing';
import { CUT } from '../../src/model/transition';
import { ms } from '../../src/model/units';
import type { RenderShotInput } from '../../src/render/renderPlan';

export type Rgb = readonly [number, number, number];

export interface BenchBoard {
  readonly shots: RenderShotInput[];
  readonly frames: Record<string, Blob>;
  /** Colour every shot shows at PROBE_POINT of the output. */
  readonly probeColours: Rgb[];
}

/** Where checks sample the picture, as fractions of the output size: a flat patch on purpose. */
export const PROBE_POINT = { x: 0.25, y: 0.25 } as const;

const SOURCE_WIDTH_PX = 1920;
const SOURCE_HEIGHT_PX = 1080;
/** Shot 8 is a 4:3 frame, to exercise letterboxing. */
const LETTERBOXED_SOURCE_WIDTH_PX = 1440;
const STROKES_PER_FRAME = 160;
/** Matches PLACEHOLDER_BACKGROUND in src/render/drawFrame.ts. */
const PLACEHOLDER_RGB: Rgb = [0x4a, 0x4a, 0x4a];
/** Positions (0-based) with special roles; the third shot stays an ordinary frame. */
const NO_FRAME_INDEX = 5;
const LETTERBOX_INDEX = 7;
const SHARED_FRAME_INDEX = 9;
const SHARED_WITH_INDEX = 1;

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Durations that vary like a real board (about ½× to 1½× the mean) and sum exactly to total. */
function durations(count: number, totalMs: number, random: () => number): number[] {
  const weights = Array.from({ length: count }, () => 0.5 + random());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const result = weights.map((w) => Math.round((w * totalMs) / weightSum));
  const drift = totalMs - result.reduce((a, b) => a + b, 0);
  result[count - 1] = (result[count - 1] ?? 0) + drift;
  return result;
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

async function drawFrame(index: number, colour: Rgb, width: number, random: () => number) {
  const canvas = new OffscreenCanvas(width, SOURCE_HEIGHT_PX);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2d context');
  const css = `rgb(${colour.join(',')})`;
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, width, SOURCE_HEIGHT_PX);
  // Pencil-like strokes give the encoder real detail to chew on, as drawn boards do.
  ctx.strokeStyle = 'rgba(20, 20, 30, 0.7)';
  for (let i = 0; i < STROKES_PER_FRAME; i++) {
    ctx.lineWidth = 1 + random() * 3;
    ctx.beginPath();
    ctx.moveTo(random() * width, random() * SOURCE_HEIGHT_PX);
    ctx.bezierCurveTo(
      random() * width,
      random() * SOURCE_HEIGHT_PX,
      random() * width,
      random() * SOURCE_HEIGHT_PX,
      random() * width,
      random() * SOURCE_HEIGHT_PX,
    );
    ctx.stroke();
  }
  // Flat patch around the probe point (also where it lands once a 4:3 frame is letterboxed).
  ctx.fillStyle = css;
  ctx.fillRect(width * 0.08, SOURCE_HEIGHT_PX * 0.12, width * 0.3, SOURCE_HEIGHT_PX * 0.26);
  ctx.fillStyle = '#ffffff';
  ctx.font = `700 ${SOURCE_HEIGHT_PX * 0.3}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(String(index + 1), width / 2, SOURCE_HEIGHT_PX / 2);
  return canvas.convertToBlob({ type: 'image/png' });
}

export async function makeBoard(shotCount: number, totalMs: number, seed = 7): Promise<BenchBoard> {
  const random = seededRandom(seed);
  const lengths = durations(shotCount, totalMs, random);
  const shots: RenderShotInput[] = [];
  const frames: Record<string, Blob> = {};
  const probeColours: Rgb[] = [];
  for (let index = 0; index < shotCount; index++) {
    const colour = hslToRgb((index * 360 * 7) / shotCount, 0.75, 0.55);
    let frameKey: string | null = `frame-${index}`;
    let probe = colour;
    if (index === NO_FRAME_INDEX) {
      frameKey = null;
      probe = PLACEHOLDER_RGB;
    } else if (index === SHARED_FRAME_INDEX && shotCount > SHARED_WITH_INDEX) {
      frameKey = `frame-${SHARED_WITH_INDEX}`;
      probe = probeColours[SHARED_WITH_INDEX] ?? colour;
    } else {
      const width = index === LETTERBOX_INDEX ? LETTERBOXED_SOURCE_WIDTH_PX : SOURCE_WIDTH_PX;
      frames[frameKey] = await drawFrame(index, colour, width, random);
    }
    shots.push({ id: `shot-${index}`, durationMs: ms(lengths[index] ?? 0), frameKey });
    probeColours.push(probe);
  }
  return { shots, frames, probeColours };
}

/** Camera moves given to the moving shots, in turn. */
const MOVES: readonly CameraMove[] = ['pan', 'tilt', 'dolly', 'zoom', 'truck', 'handheld'];
/** Crossfades last between these, in steps of CROSSFADE_STEP_MS. */
const CROSSFADE_MIN_MS = 500;
const CROSSFADE_STEP_MS = 50;
const CROSSFADE_SPACING = 4;
const FIRST_LATER_CROSSFADE = 6;

export interface AnimaticBoard extends BenchBoard {
  /** Shots that neither move nor dissolve at their end: safe places to probe a colour. */
  readonly stillShots: readonly number[];
  readonly moveCount: number;
  readonly crossfadeCount: number;
}

/**
 * The bench's animatic: `makeBoard`'s pictures with `moves` camera moves (on the even-numbered
 * shots, 1-based) and `crossfades` dissolves (out of shot 1, then shots 7, 11, 15…). The third
 * shot stays still with cuts on both sides: the ffmpeg seek check probes it.
 */
export async function makeAnimaticBoard(
  shotCount: number,
  totalMs: number,
  moves: number,
  crossfades: number,
): Promise<AnimaticBoard> {
  const board = await makeBoard(shotCount, totalMs);
  const still = { start: FULL_FRAME, end: FULL_FRAME, easing: 'linear' as const, shake: 0 };
  const moving = new Set<number>();
  for (let i = 1; i < shotCount && moving.size < moves; i += 2) moving.add(i);
  const fading = new Set<number>();
  // Out of shot 1, then from shot 7 on every fourth: shot 3 keeps cuts on both sides.
  for (let i = 0; i < shotCount - 1 && fading.size < crossfades;) {
    fading.add(i);
    i = i === 0 ? FIRST_LATER_CROSSFADE : i + CROSSFADE_SPACING;
  }
  const shots = board.shots.map((shot, i): RenderShotInput => {
    const move = MOVES[Math.floor(i / 2) % MOVES.length] ?? 'pan';
    const fade = CROSSFADE_MIN_MS + CROSSFADE_STEP_MS * (i % 11);
    return {
      ...shot,
      framing: moving.has(i) ? presetFraming(move) : still,
      transitionOut:
        fading.has(i) && i < shotCount - 1 ? { kind: 'crossfade', durationMs: ms(fade) } : CUT,
    };
  });
  const stillShots = shots
    .map((_, i) => (moving.has(i) || fading.has(i) || fading.has(i - 1) ? -1 : i))
    .filter((i) => i >= 0);
  return {
    ...board,
    shots,
    stillShots,
    moveCount: moving.size,
    crossfadeCount: [...fading].filter((i) => i < shotCount - 1).length,
  };
}
