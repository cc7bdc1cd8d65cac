import { describe, expect, test } from 'vitest';
import { FULL_FRAME } from '../../model/framing';
import type { ComposeContext, ComposeImage, PictureLookup } from './context';
import type { FrameComposition } from './composition';
import { drawComposition } from './draw';

/** Records what is drawn, with the alpha and fill at the time of each call. */
function recordingContext() {
  const calls: string[] = [];
  const state = { globalAlpha: 1, fillStyle: '#000000' as unknown };
  const stack: (typeof state)[] = [];
  const ctx = {
    get globalAlpha() {
      return state.globalAlpha;
    },
    set globalAlpha(value: number) {
      state.globalAlpha = value;
    },
    get fillStyle() {
      return state.fillStyle as string;
    },
    set fillStyle(value: string) {
      state.fillStyle = value;
    },
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    imageSmoothingEnabled: true,
    imageSmoothingQuality: 'low',
    save: () => stack.push({ ...state }),
    restore: () => Object.assign(state, stack.pop()),
    beginPath: () => undefined,
    rect: (...a: number[]) => calls.push(`rect ${a.join(',')}`),
    clip: () => calls.push('clip'),
    fillRect: (...a: number[]) =>
      calls.push(`fillRect ${a.join(',')} ${String(state.fillStyle)} @${state.globalAlpha}`),
    strokeRect: () => undefined,
    drawImage: (image: { name: string }, ...a: number[]) =>
      calls.push(`drawImage ${image.name} ${a.join(',')} @${state.globalAlpha}`),
    fillText: (text: string) => calls.push(`text ${text} @${state.globalAlpha}`),
    measureText: (text: string) => ({ width: text.length * 10 }),
  };
  return { ctx: ctx as unknown as ComposeContext, calls };
}

const image = (name: string, width: number, height: number) =>
  ({ name, width, height }) as unknown as ComposeImage;

const pictures: PictureLookup = (key) =>
  key === 'a'
    ? { kind: 'image', image: image('a', 160, 90) }
    : key === 'b'
      ? { kind: 'image', image: image('b', 120, 90) }
      : key === null
        ? { kind: 'none' }
        : { kind: 'missing' };

const SIZE = { width: 160, height: 90 };
const noOverlay = { caption: null, shotLabel: null, timecode: null };

describe('drawing a frame', () => {
  test('a crossfade draws the outgoing picture, then the incoming one and its bars at the opacity', () => {
    const { ctx, calls } = recordingContext();
    const frame: FrameComposition = {
      layers: [
        { shotIndex: 0, frameKey: 'a', label: '1', rect: FULL_FRAME, opacity: 1, clip: null },
        { shotIndex: 1, frameKey: 'b', label: '2', rect: FULL_FRAME, opacity: 0.25, clip: null },
      ],
      fill: null,
      overlay: noOverlay,
    };
    drawComposition(ctx, SIZE, frame, pictures);
    expect(calls).toEqual([
      'fillRect 0,0,160,90 #000000 @1',
      'drawImage a 0,0,160,90,0,0,160,90 @1',
      // The 4:3 picture's pillarbox bars fade in with it.
      'fillRect 0,0,20,90 #000000 @0.25',
      'fillRect 140,0,20,90 #000000 @0.25',
      'drawImage b 0,0,120,90,20,0,120,90 @0.25',
    ]);
  });

  test('a wipe clips the incoming picture; a dip paints the colour over everything', () => {
    const { ctx, calls } = recordingContext();
    drawComposition(
      ctx,
      SIZE,
      {
        layers: [
          {
            shotIndex: 0,
            frameKey: 'a',
            label: '1',
            rect: FULL_FRAME,
            opacity: 1,
            clip: { x: 0, y: 0, w: 0.5, h: 1 },
          },
        ],
        fill: { colour: '#ffffff', opacity: 0.4 },
        overlay: noOverlay,
      },
      pictures,
    );
    expect(calls).toEqual([
      'fillRect 0,0,160,90 #000000 @1',
      'rect 0,0,80,90',
      'clip',
      'drawImage a 0,0,160,90,0,0,160,90 @1',
      'fillRect 0,0,160,90 #ffffff @0.4',
    ]);
  });

  test('a shot without a usable picture gets a card that names it', () => {
    const { ctx, calls } = recordingContext();
    drawComposition(
      ctx,
      SIZE,
      {
        layers: [
          { shotIndex: 0, frameKey: 'gone', label: '3A', rect: FULL_FRAME, opacity: 1, clip: null },
        ],
        fill: null,
        overlay: noOverlay,
      },
      pictures,
    );
    expect(calls.filter((c) => c.startsWith('text'))).toEqual([
      'text Frame missing @1',
      'text Shot 3A @1',
    ]);
  });

  test('burn-in draws caption lines, shot number and timecode on top of the picture', () => {
    const { ctx, calls } = recordingContext();
    drawComposition(
      ctx,
      SIZE,
      {
        layers: [
          { shotIndex: 0, frameKey: 'a', label: '1', rect: FULL_FRAME, opacity: 1, clip: null },
        ],
        fill: null,
        overlay: { caption: 'A: one\ntwo', shotLabel: 'Shot 1', timecode: '00:00:00:01' },
      },
      pictures,
    );
    expect(calls.filter((c) => c.startsWith('text'))).toEqual([
      'text Shot 1 @1',
      'text 00:00:00:01 @1',
      'text A: one @1',
      'text two @1',
    ]);
  });

  describe("a picture of another shape follows the project's re-frame setting", () => {
    // The 160×90 picture 'a' in a 9:16 output, 90×160.
    const TALL = { width: 90, height: 160 };
    const still = (fit: FrameComposition['fit']): FrameComposition => ({
      layers: [
        { shotIndex: 0, frameKey: 'a', label: '1', rect: FULL_FRAME, opacity: 1, clip: null },
      ],
      fill: null,
      overlay: noOverlay,
      ...(fit ? { fit } : {}),
    });

    test('crop fills the frame with the centre of the picture, no bars', () => {
      const { ctx, calls } = recordingContext();
      drawComposition(ctx, TALL, still('crop'), pictures);
      const draw = calls.filter((c) => c.startsWith('drawImage'));
      expect(draw).toHaveLength(1);
      const [sx, sy, sw, sh, dx, dy, dw, dh] = (draw[0] ?? '')
        .split(' ')[2]!
        .split(',')
        .map(Number);
      // The centred 9:16 part of a 16:9 picture: 50.625 px of its 160 wide, all 90 high.
      expect(sw).toBeCloseTo((90 * 9) / 16);
      expect(sx).toBeCloseTo((160 - (90 * 9) / 16) / 2);
      expect([sy, sh]).toEqual([0, 90]);
      expect([dx, dy]).toEqual([0, 0]);
      expect(dw).toBeCloseTo(90);
      expect(dh).toBeCloseTo(160);
      expect(calls.filter((c) => c.startsWith('fillRect')).length).toBe(1); // the background only
    });

    test('letterbox (and no setting, as older projects) puts black bars above and below', () => {
      for (const fit of [undefined, 'letterbox'] as const) {
        const { ctx, calls } = recordingContext();
        drawComposition(ctx, TALL, still(fit), pictures);
        expect(calls.slice(1, 3)).toEqual([
          'fillRect 0,0,90,54.6875 #000000 @1',
          'fillRect 0,105.3125,90,54.6875 #000000 @1',
        ]);
        expect(calls[3]).toBe('drawImage a 0,0,160,90,0,54.6875,90,50.625 @1');
      }
    });

    test('extend shows the whole picture on paper instead of black', () => {
      const { ctx, calls } = recordingContext();
      drawComposition(ctx, TALL, still('extend'), pictures);
      expect(calls.slice(1, 3)).toEqual([
        'fillRect 0,0,90,54.6875 #f3eee4 @1',
        'fillRect 0,105.3125,90,54.6875 #f3eee4 @1',
      ]);
      expect(calls[3]).toBe('drawImage a 0,0,160,90,0,54.6875,90,50.625 @1');
    });

    test('under crop a camera move frames within the part the board shows', () => {
      const { ctx, calls } = recordingContext();
      const frame = still('crop');
      const zoomed: FrameComposition = {
        ...frame,
        layers: [{ ...frame.layers[0]!, rect: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 } }],
      };
      drawComposition(ctx, TALL, zoomed, pictures);
      const draw = calls.find((c) => c.startsWith('drawImage')) ?? '';
      const [sx, sy, sw, sh] = draw.split(' ')[2]!.split(',').map(Number);
      const partW = (90 * 9) / 16;
      expect(sx).toBeCloseTo((160 - partW) / 2 + partW / 4);
      expect(sw).toBeCloseTo(partW / 2);
      expect([sy, sh]).toEqual([22.5, 45]);
    });
  });
});
