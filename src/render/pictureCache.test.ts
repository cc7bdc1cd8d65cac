import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FrameCount } from '../model/units';
import { createPictureCache } from './pictureCache';
import type { RenderRun } from './renderPlan';

/** Node has no createImageBitmap: a fake that records decodes and closes. */
class FakeBitmap {
  closed = false;
  constructor(
    readonly name: string,
    readonly width: number,
    readonly height: number,
  ) {}
  close() {
    this.closed = true;
  }
}

const decoded: FakeBitmap[] = [];

beforeEach(() => {
  decoded.length = 0;
  vi.stubGlobal('ImageBitmap', FakeBitmap);
  vi.stubGlobal(
    'createImageBitmap',
    async (source: Blob | FakeBitmap, options?: { resizeWidth: number; resizeHeight: number }) => {
      if (source instanceof FakeBitmap) {
        const smaller = new FakeBitmap(
          `${source.name}-small`,
          options!.resizeWidth,
          options!.resizeHeight,
        );
        decoded.push(smaller);
        return smaller;
      }
      const text = await source.text();
      if (text === 'corrupt') throw new Error('cannot decode');
      const bitmap = new FakeBitmap(text, 4000, 2000);
      decoded.push(bitmap);
      return bitmap;
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const run = (startFrame: number, frameKeys: string[]): RenderRun => ({
  kind: 'hold',
  startFrame: startFrame as FrameCount,
  frameCount: 1 as FrameCount,
  frameKeys,
});

const RUNS = [run(0, ['a']), run(1, ['a', 'b']), run(2, ['b']), run(3, ['c'])];
const BLOBS = { a: new Blob(['a']), b: new Blob(['b']), c: new Blob(['corrupt']) };

describe('picture cache', () => {
  test('decodes each picture once, just before it is needed, and closes it after its last run', async () => {
    const cache = createPictureCache(RUNS, BLOBS);
    const lookup = await cache.acquire(0);
    expect(decoded.map((b) => b.name)).toEqual(['a']);
    await cache.acquire(1);
    expect(decoded.map((b) => b.name)).toEqual(['a', 'b']);
    cache.releaseThrough(0);
    expect(decoded[0]?.closed).toBe(false);
    cache.releaseThrough(1);
    expect(decoded[0]?.closed).toBe(true);
    expect(decoded[1]?.closed).toBe(false);
    expect(lookup('a')).toEqual({ kind: 'missing' });
    expect(lookup('b').kind).toBe('image');
    cache.close();
    expect(decoded.every((b) => b.closed)).toBe(true);
  });

  test('unreadable, unknown and absent pictures become cards, not failures', async () => {
    const cache = createPictureCache([...RUNS, run(4, ['zzz'])], BLOBS);
    const lookup = await cache.acquire(3, 4);
    expect(lookup('c')).toEqual({ kind: 'unreadable' });
    expect(lookup('zzz')).toEqual({ kind: 'missing' });
    expect(lookup(null)).toEqual({ kind: 'none' });
  });

  test('pictures larger than the limit are decoded smaller and the full size is freed', async () => {
    const cache = createPictureCache(RUNS, BLOBS, { maxSidePx: 1000 });
    const lookup = await cache.acquire(0);
    const picture = lookup('a');
    expect(picture.kind === 'image' && [picture.image.width, picture.image.height]).toEqual([
      1000, 500,
    ]);
    expect(decoded[0]?.closed).toBe(true);
  });
});
