import { describe, expect, test } from 'vitest';
import type { FontSpec, SketchOp } from './ops';
import { cssFont, paintSketch } from './paint';
import { planSketch } from './plan';
import { FAKE_GLYPH_PX, recordingContext, sketchInput } from './testKit';

const FONT: FontSpec = { size: 10, weight: 400, italic: false };

function names(ctx: ReturnType<typeof recordingContext>): string[] {
  return ctx.calls.map((c) => c.name);
}

describe('paintSketch', () => {
  test('paints a whole plan, every op inside its own save/restore', () => {
    const ops = planSketch(
      sketchInput({ cameraMove: 'zoom', shotType: 'POV', intExt: 'EXT' }),
      640,
      360,
    );
    const ctx = recordingContext();
    paintSketch(ctx, ops);
    const calls = names(ctx);
    expect(calls.filter((n) => n === 'save')).toHaveLength(ops.length);
    expect(calls.filter((n) => n === 'restore')).toHaveLength(ops.length);
    expect(calls).toContain('fillRect');
    expect(calls).toContain('stroke');
    expect(calls).toContain('createLinearGradient');
    expect(calls).toContain('createRadialGradient');
    expect(calls).toContain('setLineDash');
    expect(ctx.texts).toContain('MAYA');
  });

  test('draws smooth paths with curves and straight ones with lines', () => {
    const path = (smooth: boolean): SketchOp => ({
      op: 'path',
      points: [0, 0, 10, 0, 10, 10, 0, 10],
      closed: true,
      smooth,
      fill: '#ccc',
      stroke: { color: '#333', width: 2 },
      alpha: 1,
    });
    const smooth = recordingContext();
    paintSketch(smooth, [path(true)]);
    expect(names(smooth)).toContain('quadraticCurveTo');
    const straight = recordingContext();
    paintSketch(straight, [path(false)]);
    expect(names(straight)).not.toContain('quadraticCurveTo');
    expect(names(straight).filter((n) => n === 'lineTo')).toHaveLength(3);
    expect(names(straight)).toEqual(expect.arrayContaining(['closePath', 'fill', 'stroke']));
  });

  test('blurs an out-of-focus shape through the context filter', () => {
    const ctx = recordingContext();
    paintSketch(ctx, [
      {
        op: 'path',
        points: [0, 0, 5, 0, 5, 5],
        closed: true,
        smooth: false,
        fill: '#000',
        alpha: 0.8,
        blur: 4,
      },
    ]);
    expect(ctx.filter).toBe('blur(4px)');
  });

  test('cuts a label that is too wide with an ellipsis, measured', () => {
    const ctx = recordingContext();
    const maxWidth = 6 * FAKE_GLYPH_PX;
    paintSketch(ctx, [
      {
        op: 'text',
        x: 50,
        y: 10,
        text: 'DETECTIVE RUIZ',
        font: FONT,
        color: '#000',
        align: 'center',
        maxWidth,
        maxLines: 1,
        lineHeight: 1.2,
      },
    ]);
    expect(ctx.texts).toEqual(['DETEC…']);
  });

  test('wraps a multi-line note and ends the last line with an ellipsis', () => {
    const ctx = recordingContext();
    paintSketch(ctx, [
      {
        op: 'text',
        x: 0,
        y: 10,
        text: 'meet me at the pier at midnight and come alone',
        font: FONT,
        color: '#000',
        align: 'left',
        maxWidth: 14 * FAKE_GLYPH_PX,
        maxLines: 2,
        lineHeight: 1.2,
        box: { fill: '#fff', padding: 2, radius: 2 },
      },
    ]);
    expect(ctx.texts).toEqual(['meet me at the', 'pier at midni…']);
    expect(names(ctx).indexOf('fill')).toBeLessThan(names(ctx).indexOf('fillText'));
  });

  test('sets the caption strip span after span and cuts the one that overflows', () => {
    const ctx = recordingContext();
    paintSketch(ctx, [
      {
        op: 'textLine',
        x: 0,
        y: 10,
        maxWidth: 20 * FAKE_GLYPH_PX,
        spans: [
          { text: '12A', font: FONT, color: '#a00', gapBefore: 0 },
          { text: 'MS', font: FONT, color: '#000', gapBefore: FAKE_GLYPH_PX },
          { text: 'She turns to the window.', font: FONT, color: '#000', gapBefore: FAKE_GLYPH_PX },
          { text: 'never reached', font: FONT, color: '#000', gapBefore: FAKE_GLYPH_PX },
        ],
      },
    ]);
    expect(ctx.texts).toEqual(['12A', 'MS', 'She turns to…']);
    const xs = ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[1]);
    expect(xs).toEqual([0, 40, 70]);
  });

  test('builds a CSS font from a font spec', () => {
    expect(cssFont({ size: 18, weight: 700, italic: true })).toMatch(/^italic 700 18px /);
    expect(cssFont(FONT)).toMatch(/^400 10px .*sans-serif$/);
  });
});
