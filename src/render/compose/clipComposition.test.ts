import { describe, expect, test } from 'vitest';
import { fps } from '../../model/units';
import { renderShot, transition } from '../../../tests/helpers/renderTimeline';
import { buildRenderPlan, type RenderShotInput } from '../renderPlan';
import { compositionAt } from './composition';
import { drawComposition } from './draw';
import type { ComposeContext, Picture } from './context';

/** A shot whose clip plays instead of its picture: timing, framing, runs and drawing. */

function planOf(shots: RenderShotInput[]) {
  return buildRenderPlan({ shots, frameRate: fps(25), width: 640, height: 360 });
}

const clipShot = (index: number, durationMs: number, more = {}) => ({
  ...renderShot(index, durationMs, { move: 'zoom', ...more }),
  clipKey: `clip-${index}`,
});

describe('a clip in the composition', () => {
  test('plays from the shot start, the camera move left off (the clip has its own motion)', () => {
    const plan = planOf([renderShot(0, 1000), clipShot(1, 3000)]);
    const layer = compositionAt(plan.timeline, 1000 + 1200).layers[0]!;
    expect(layer.video).toEqual({ key: 'clip-1', shotIndex: 1, atMs: 1200 });
    expect(layer.frameKey).toBe('frame-1');
    expect(layer.rect).toEqual({ x: 0, y: 0, w: 1, h: 1 });
    expect(compositionAt(plan.timeline, 500).layers[0]?.video).toBeNull();
  });

  test('a clip shot is drawn frame by frame (a motion run), the still shots around it stay holds', () => {
    const plan = planOf([renderShot(0, 1000), clipShot(1, 2000), renderShot(2, 1000)]);
    expect(plan.runs.map((r) => [r.kind, r.startFrame, r.frameCount])).toEqual([
      ['hold', 0, 25],
      ['motion', 25, 50],
      ['hold', 75, 25],
    ]);
    // The still is still decoded: it is what shows if the clip cannot be.
    expect(plan.runs[1]?.frameKeys).toEqual(['frame-1']);
  });

  test('through a dissolve the clip starts as the shot becomes visible', () => {
    const plan = planOf([
      renderShot(0, 2000, { out: transition('crossfade', 1000) }),
      clipShot(1, 2000),
    ]);
    const layers = compositionAt(plan.timeline, 1600).layers;
    expect(layers[1]?.video).toEqual({ key: 'clip-1', shotIndex: 1, atMs: 100 });
  });

  test('drawing uses the clip frame when there is one, else the still', () => {
    const plan = planOf([clipShot(0, 2000)]);
    const frame = compositionAt(plan.timeline, 500);
    const drawn: unknown[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, name) =>
        name === 'drawImage'
          ? (image: unknown) => drawn.push(image)
          : name in target
            ? target[name as string]
            : () => undefined,
      set: (target, name, value) => {
        target[name as string] = value;
        return true;
      },
    }) as unknown as ComposeContext;
    const still = { width: 64, height: 36, name: 'still' };
    const clipFrame = { width: 64, height: 36, name: 'clip' };
    const pictures = (): Picture => ({ kind: 'image', image: still as never });
    drawComposition(ctx, plan, frame, pictures, () => ({
      kind: 'image',
      image: clipFrame as never,
    }));
    drawComposition(ctx, plan, frame, pictures, () => null);
    expect(drawn).toEqual([clipFrame, still]);
  });
});
