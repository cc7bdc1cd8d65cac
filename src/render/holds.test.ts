import { describe, expect, test } from 'vitest';
import type { FrameCount } from '../model/units';
import { fps } from '../model/units';
import { emissionsFor, type Emission, type HoldStrategy } from './holds';

function emissions(startFrame: number, frameCount: number, strategy: HoldStrategy, rate = 24) {
  return [
    ...emissionsFor(
      { startFrame: startFrame as FrameCount, frameCount: frameCount as FrameCount },
      fps(rate),
      strategy,
    ),
  ];
}

function expectTiles(list: Emission[], startFrame: number, frameCount: number): void {
  let frame = startFrame;
  for (const e of list) {
    expect(e.startFrame).toBe(frame);
    expect(e.frameCount).toBeGreaterThanOrEqual(1);
    frame += e.frameCount;
  }
  expect(frame).toBe(startFrame + frameCount);
}

describe('hold strategies', () => {
  test('once: a single key frame spanning the whole shot', () => {
    expect(emissions(48, 75, 'once')).toEqual([{ startFrame: 48, frameCount: 75, keyFrame: true }]);
  });

  test('repeat-1s: a key frame at the shot start, then a delta each second and a tail frame', () => {
    const list = emissions(10, 75, 'repeat-1s');
    expect(list.map((e) => [e.startFrame, e.frameCount, e.keyFrame])).toEqual([
      [10, 24, true],
      [34, 24, false],
      [58, 24, false],
      [82, 2, false],
      [84, 1, false],
    ]);
  });

  test('repeat-1s: every hold longer than a frame ends on a one-frame sample', () => {
    for (const count of [2, 23, 24, 25, 48, 49, 241]) {
      const list = emissions(0, count, 'repeat-1s');
      expect(list.at(-1), `${count} frames`).toMatchObject({
        startFrame: count - 1,
        frameCount: 1,
      });
    }
    expect(emissions(3, 1, 'repeat-1s')).toEqual([
      { startFrame: 3, frameCount: 1, keyFrame: true },
    ]);
  });

  test('repeat-1s: a long hold gets a fresh key frame every ten seconds', () => {
    const list = emissions(0, 30 * 35, 'repeat-1s', 30);
    expectTiles(list, 0, 30 * 35);
    expect(list.filter((e) => e.keyFrame).map((e) => e.startFrame)).toEqual([0, 300, 600, 900]);
    expect(list.every((e) => e.frameCount <= 30)).toBe(true);
  });

  test('cfr: one sample per frame', () => {
    const list = emissions(5, 50, 'cfr');
    expect(list).toHaveLength(50);
    expectTiles(list, 5, 50);
    expect(list[0]?.keyFrame).toBe(true);
  });

  test('every strategy tiles odd-sized shots exactly', () => {
    for (const strategy of ['once', 'repeat-1s', 'cfr'] as const) {
      for (const count of [1, 2, 23, 24, 25, 241]) {
        expectTiles(emissions(7, count, strategy, 25), 7, count);
      }
    }
  });
});
