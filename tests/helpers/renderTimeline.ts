// Builders for render/compose tests: shots as the render plan takes them, in one line each.
import { FULL_FRAME, presetFraming, type ShotFraming } from '../../src/model/framing';
import type { CameraMove } from '../../src/model/camera';
import { CUT, type Transition, type TransitionKind } from '../../src/model/transition';
import { ms } from '../../src/model/units';
import type { RenderShotInput } from '../../src/render/renderPlan';

export const STILL: ShotFraming = {
  start: FULL_FRAME,
  end: FULL_FRAME,
  easing: 'linear',
  shake: 0,
};

export function renderShot(
  index: number,
  durationMs: number,
  options: {
    move?: CameraMove;
    framing?: ShotFraming;
    out?: Transition;
    frameKey?: string | null;
  } = {},
): RenderShotInput {
  return {
    id: `shot-${index}`,
    durationMs: ms(durationMs),
    frameKey: options.frameKey === undefined ? `frame-${index}` : options.frameKey,
    number: String(index + 1),
    framing: options.framing ?? (options.move ? presetFraming(options.move) : STILL),
    transitionOut: options.out ?? CUT,
  };
}

export function transition(kind: TransitionKind, durationMs: number): Transition {
  return kind === 'wipe'
    ? { kind, durationMs: ms(durationMs), direction: 'right' }
    : { kind, durationMs: ms(durationMs) };
}

/** mulberry32: small, seedable, good enough to pick test timelines. */
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
