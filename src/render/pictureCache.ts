import type { Picture, PictureLookup } from './compose/context';
import type { RenderRun } from './renderPlan';

/**
 * Decoded pictures for a render. Each picture is decoded once however many shots and runs use
 * it, just before the first run that draws it, and closed right after the last: a 1080p bitmap
 * is ~8 MB, so holding a whole board's at once would cost hundreds of megabytes for nothing.
 */
export interface PictureCache {
  /** Decodes what runs `from`..`to` (inclusive) draw; returns the lookup compose functions use. */
  acquire(from: number, to?: number): Promise<PictureLookup>;
  /** Runs up to `runIndex` are done: closes pictures no later run needs. */
  releaseThrough(runIndex: number): void;
  /** Closes everything still open (also after a failure). */
  close(): void;
}

export interface PictureCacheOptions {
  /**
   * Pictures with a longer side than this are scaled down when decoded (a 4K upload for a 720p
   * render, or any picture for a 480 px GIF). Twice the output's long side keeps zoomed framings
   * sharp.
   */
  readonly maxSidePx?: number;
}

export function createPictureCache(
  runs: readonly RenderRun[],
  blobs: Readonly<Record<string, Blob>>,
  options: PictureCacheOptions = {},
): PictureCache {
  const lastUse = new Map<string, number>();
  runs.forEach((run, index) => {
    for (const key of run.frameKeys) lastUse.set(key, index);
  });
  const decoded = new Map<string, Picture>();

  async function decode(key: string): Promise<Picture> {
    const blob = Object.hasOwn(blobs, key) ? blobs[key] : undefined;
    if (blob === undefined) return { kind: 'missing' };
    try {
      const bitmap = await createImageBitmap(blob);
      const longest = Math.max(bitmap.width, bitmap.height);
      const limit = options.maxSidePx;
      if (limit === undefined || longest <= limit) return { kind: 'image', image: bitmap };
      const scale = limit / longest;
      const smaller = await createImageBitmap(bitmap, {
        resizeWidth: Math.max(1, Math.round(bitmap.width * scale)),
        resizeHeight: Math.max(1, Math.round(bitmap.height * scale)),
        resizeQuality: 'high',
      });
      bitmap.close();
      return { kind: 'image', image: smaller };
    } catch {
      // A corrupt or unsupported image must not sink a whole render: the shot gets a card.
      return { kind: 'unreadable' };
    }
  }

  function release(key: string): void {
    const picture = decoded.get(key);
    if (picture?.kind === 'image' && picture.image instanceof ImageBitmap) picture.image.close();
    decoded.delete(key);
  }

  const lookup: PictureLookup = (key) =>
    key === null ? { kind: 'none' } : (decoded.get(key) ?? { kind: 'missing' });

  return {
    async acquire(from, to = from) {
      for (let i = from; i <= to; i++) {
        for (const key of runs[i]?.frameKeys ?? []) {
          if (!decoded.has(key)) decoded.set(key, await decode(key));
        }
      }
      return lookup;
    },
    releaseThrough(runIndex) {
      for (const key of [...decoded.keys()]) {
        if ((lastUse.get(key) ?? -1) <= runIndex) release(key);
      }
    },
    close() {
      for (const key of [...decoded.keys()]) release(key);
    },
  };
}
