import type { AssetHash } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import type { TimelineRateId } from '../timeline/rates';
import type { AssetSource } from './assetSource';
import { imageSequence, type ConvertImage, type SequenceFormat } from './imageSequence';
import { timelinePackage, type ExportedFile, type TimelineFormat } from './timelinePackage';

/** The exports that are zips of the project's media: built in workers/zip.worker.ts. */
export type ZipRequest =
  | { readonly kind: 'timeline'; readonly format: TimelineFormat; readonly rate: TimelineRateId }
  | { readonly kind: 'sequence'; readonly format: SequenceFormat };

/** Frames and sounds read so far, of how many. */
export type ZipProgress = (done: number, total: number) => void;

/** The media a zip needs, by hash; Blobs cross to the worker without copying their bytes. */
export type ZipMedia = Readonly<Record<string, Blob>>;

/** The frames (and for a timeline, the sounds) the zip for `request` holds. */
export function zipMediaHashes(request: ZipRequest, snapshot: ProjectSnapshot): AssetHash[] {
  return timelineShots(snapshot).flatMap((shot) => [
    ...(shot.frameHash ? [shot.frameHash] : []),
    ...(request.kind === 'timeline' ? shot.audio.map((clip) => clip.assetHash) : []),
  ]);
}

/** What workers/zip.worker.ts exposes over comlink; zipClient.ts is typed against this. */
export interface ZipWorkerApi {
  zip(
    request: ZipRequest,
    snapshot: ProjectSnapshot,
    media: ZipMedia,
    onProgress: ZipProgress,
  ): Promise<ExportedFile>;
}

/**
 * The handler, apart from the worker file so Node tests run it over a MessageChannel; `convert`
 * re-encodes a sequence's frames (an OffscreenCanvas in the worker, a fake in Node).
 */
export function createZipWorkerApi(
  transfer: <T>(value: T, transferables: Transferable[]) => T,
  convert: ConvertImage,
): ZipWorkerApi {
  return {
    async zip(request, snapshot, media, onProgress) {
      const assets: AssetSource = {
        get: (hash) => Promise.resolve(media[hash] ?? null),
      };
      const control = { onProgress };
      const file =
        request.kind === 'timeline'
          ? await timelinePackage(snapshot, request.format, request.rate, assets, control)
          : await imageSequence(snapshot, request.format, assets, convert, control);
      // The zip's buffer is handed over, not copied.
      return transfer(file, [file.bytes.buffer]);
    },
  };
}
