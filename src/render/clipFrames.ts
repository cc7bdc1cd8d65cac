import { ALL_FORMATS, BlobSource, CanvasSink, Input, type WrappedCanvas } from 'mediabunny';
import type { Picture } from './compose/context';
import type { ClipFrameLookup } from './compose/draw';
import type { FrameComposition, LayerVideo } from './compose/composition';

/**
 * Decoded frames of the clips that play in place of shots' pictures, for the render worker.
 * Each (shot, clip) pair gets a reader that decodes forward (mediabunny's CanvasSink over
 * WebCodecs' VideoDecoder) as the render's clock advances, so a clip is decoded once, in order;
 * a time before the current frame (never in a render) starts it again. Past the clip's end its
 * last frame is held; a clip that cannot be decoded falls back to the shot's picture, with one
 * warning.
 */
export interface ClipFrames {
  /** Decodes what `frame`'s clip layers show; the lookup draws them (null: the picture). */
  resolve(frame: FrameComposition): Promise<ClipFrameLookup>;
  /** Why clips were drawn as stills, if any were. */
  readonly warnings: readonly string[];
  close(): void;
}

/** Canvases kept by a reader's sink: the frame shown and the one after it, plus one spare. */
const POOL_SIZE = 3;
const MS_PER_SECOND = 1000;

interface Reader {
  frameAt(atMs: number): Promise<Picture | null>;
  close(): void;
}

async function openReader(blob: Blob): Promise<Reader | string> {
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return 'it has no video track';
    if (!(await track.canDecode()))
      return `this browser cannot decode its ${track.codec ?? 'unknown'} video`;
    const sink = new CanvasSink(track, { poolSize: POOL_SIZE });
    let frames: AsyncGenerator<WrappedCanvas, void> | null = null;
    let current: WrappedCanvas | null = null;
    let next: WrappedCanvas | null = null;
    let lastT = 0;
    const advance = async () => (await frames?.next())?.value ?? null;
    const restart = async () => {
      await frames?.return();
      frames = sink.canvases();
      current = await advance();
      next = current ? await advance() : null;
    };
    return {
      async frameAt(atMs) {
        const t = atMs / MS_PER_SECOND;
        if (frames === null || t < lastT) await restart();
        lastT = t;
        while (next !== null && next.timestamp <= t) {
          current = next;
          next = await advance();
        }
        return current ? { kind: 'image', image: current.canvas } : null;
      },
      close() {
        void frames?.return();
        input.dispose();
      },
    };
  } catch (error) {
    input.dispose();
    return error instanceof Error ? error.message : String(error);
  }
}

export function createClipFrames(blobs: Readonly<Record<string, Blob>>): ClipFrames {
  const readers = new Map<string, Promise<Reader | string>>();
  const warnings: string[] = [];
  const readerFor = (video: LayerVideo) => {
    const id = `${video.shotIndex}:${video.key}`;
    let reader = readers.get(id);
    if (!reader) {
      const blob = Object.hasOwn(blobs, video.key) ? blobs[video.key] : undefined;
      reader = blob ? openReader(blob) : Promise.resolve('its file is not on this device');
      void reader.then((r) => {
        if (typeof r === 'string')
          warnings.push(`A clip is shown as its still (shot ${video.shotIndex + 1}): ${r}.`);
      });
      readers.set(id, reader);
    }
    return reader;
  };

  return {
    warnings,
    async resolve(frame) {
      const shown = new Map<LayerVideo, Picture>();
      for (const layer of frame.layers) {
        if (!layer.video) continue;
        const reader = await readerFor(layer.video);
        if (typeof reader === 'string') continue;
        const picture = await reader.frameAt(layer.video.atMs);
        if (picture) shown.set(layer.video, picture);
      }
      return (video) => shown.get(video) ?? null;
    },
    close() {
      for (const reader of readers.values())
        void reader.then((r) => (typeof r === 'string' ? undefined : r.close()));
      readers.clear();
    },
  };
}
