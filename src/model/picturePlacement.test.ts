import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from './ids';
import { byFileName, checkPictureBytes, downscaledSize, planPictures } from './picturePlacement';

const A = 'scene-a' as SceneId;
const B = 'scene-b' as SceneId;
const shot = (id: string, sceneId: SceneId, omitted = false) => ({
  id: id as ShotId,
  sceneId,
  omitted,
});
const SHOTS = [shot('a1', A), shot('a2', A), shot('b1', B), shot('a3', A, true), shot('a4', A)];

describe('pictures dropped on a scene', () => {
  test('fill its shots in board order from the first, passing over omitted shots', () => {
    const plan = planPictures(SHOTS, A, null, ['p1', 'p2', 'p3']);
    expect(plan.placements).toEqual([
      { shotId: 'a1', item: 'p1' },
      { shotId: 'a2', item: 'p2' },
      { shotId: 'a4', item: 'p3' },
    ]);
    expect(plan.extra).toEqual([]);
  });

  test('start at the board they were dropped on', () => {
    const plan = planPictures(SHOTS, A, 'a2' as ShotId, ['p1']);
    expect(plan.placements).toEqual([{ shotId: 'a2', item: 'p1' }]);
  });

  test('an omitted board dropped on takes the picture', () => {
    const plan = planPictures(SHOTS, A, 'a3' as ShotId, ['p1']);
    expect(plan.placements).toEqual([{ shotId: 'a3', item: 'p1' }]);
  });

  test('what is left past the last shot is returned in order, for new shots', () => {
    const plan = planPictures(SHOTS, A, 'a2' as ShotId, ['p1', 'p2', 'p3', 'p4']);
    expect(plan.placements.map((p) => p.shotId)).toEqual(['a2', 'a4']);
    expect(plan.extra).toEqual(['p3', 'p4']);
  });

  test('an empty scene makes every picture a new shot', () => {
    expect(planPictures(SHOTS, 'c' as SceneId, null, ['p1'])).toEqual({
      placements: [],
      extra: ['p1'],
    });
  });
});

test('files are ordered as numbered: 2 before 10', () => {
  const names = byFileName([{ name: 'f10.png' }, { name: 'F2.png' }, { name: 'f1.png' }]);
  expect(names.map((f) => f.name)).toEqual(['f1.png', 'F2.png', 'f10.png']);
});

describe('scaling pictures down', () => {
  const frame = { width: 1920, height: 1080 };
  test('a huge picture is scaled to cover the frame, keeping its shape', () => {
    expect(downscaledSize({ width: 6000, height: 4000 }, frame)).toEqual({
      width: 1920,
      height: 1280,
    });
    // A long scroll stops at twice the frame's long side.
    expect(downscaledSize({ width: 3000, height: 9000 }, frame)).toEqual({
      width: 1280,
      height: 3840,
    });
  });
  test('a picture no larger than the frame is left alone (never scaled up)', () => {
    expect(downscaledSize({ width: 1920, height: 1080 }, frame)).toBeNull();
    expect(downscaledSize({ width: 3840, height: 800 }, frame)).toBeNull();
    expect(downscaledSize({ width: 0, height: 0 }, frame)).toBeNull();
  });
});

describe('what may become a frame', () => {
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
    0, 0, 0, 1, 8, 6, 0, 0, 0, 0, 0, 0, 0,
  ]);
  const text = (s: string) => new TextEncoder().encode(s);
  test('a PNG by its bytes', () => {
    expect(checkPictureBytes(png)).toEqual({ ok: true, mimeType: 'image/png' });
  });
  test('an SVG is refused, saying why', () => {
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(checkPictureBytes(svg)).toEqual({
      ok: false,
      reason: 'an SVG image, which can carry scripts',
    });
  });
  test('a sound is refused as not a picture', () => {
    const wav = text('RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0');
    expect(checkPictureBytes(wav)).toEqual({ ok: false, reason: 'WAV audio, not a picture' });
  });
  test('plain text is refused', () => {
    expect(checkPictureBytes(text('hello')).ok).toBe(false);
  });
});
