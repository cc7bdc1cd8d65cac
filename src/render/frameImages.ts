import type { RenderSegment } from './renderPlan';

export type FrameImage =
  | { readonly kind: 'image'; readonly bitmap: ImageBitmap }
  | { readonly kind: 'none' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable' };

export interface FrameImages {
  /** The picture for a segment; decoded on first use. */
  imageFor(segment: RenderSegment): Promise<FrameImage>;
  /** The segment's picture is on the canvas: frees bitmaps no later segment needs. */
  doneWith(segment: RenderSegment): void;
  /** Frees every bitmap still held (also after a failure). */
  close(): void;
}

/**
 * Decodes each frame once, however many shots reuse it, and frees a bitmap right after the last
 * shot that uses it: a 1080p bitmap is ~8 MB, so holding all 40 of a board at once would cost
 * ~330 MB in the worker for nothing.
 */
export function createFrameImages(
  segments: readonly RenderSegment[],
  blobs: Readonly<Record<string, Blob>>,
): FrameImages {
  const lastUse = new Map<string, number>();
  for (const segment of segments) {
    if (segment.frameKey !== null) lastUse.set(segment.frameKey, segment.index);
  }
  const decoded = new Map<string, FrameImage>();

  async function decode(key: string): Promise<FrameImage> {
    const blob = Object.hasOwn(blobs, key) ? blobs[key] : undefined;
    if (blob === undefined) return { kind: 'missing' };
    try {
      return { kind: 'image', bitmap: await createImageBitmap(blob) };
    } catch {
      // A corrupt or unsupported image must not sink a whole render: the shot gets a card.
      return { kind: 'unreadable' };
    }
  }

  function release(key: string): void {
    const image = decoded.get(key);
    if (image?.kind === 'image') image.bitmap.close();
    decoded.delete(key);
  }

  return {
    async imageFor(segment) {
      const key = segment.frameKey;
      if (key === null) return { kind: 'none' };
      let image = decoded.get(key);
      if (image === undefined) {
        image = await decode(key);
        decoded.set(key, image);
      }
      return image;
    },
    doneWith(segment) {
      const key = segment.frameKey;
      if (key !== null && lastUse.get(key) === segment.index) release(key);
    },
    close() {
      for (const key of [...decoded.keys()]) release(key);
    },
  };
}
