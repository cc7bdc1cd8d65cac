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

/** The same report as the worker sees it: across comlink the call gives a promise. */
export type RemoteProgress = (done: number, total: number) => unknown;

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
    onProgress: RemoteProgress,
  ): Promise<ExportedFile>;
}

/**
 * The handler, apart from the worker file so Node tests run it over a MessageChannel; `convert`
 * re-encodes a sequence's frames and fits a timeline's to the project's shape (an OffscreenCanvas in the worker, a fake in Node).
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
      // The last report is awaited before the zip goes back: the reports travel on a port of
      // their own, and one arriving after the result would be dropped.
      let reported: unknown;
      const control = {
        onProgress: (done: number, total: number) => void (reported = onProgress(done, total)),
      };
      const file =
        request.kind === 'timeline'
          ? await timelinePackage(snapshot, request.format, request.rate, assets, convert, control)
          : await imageSequence(snapshot, request.format, assets, convert, control);
      await reported;
      // The zip's buffer is handed over, not copied.
      return transfer(file, [file.bytes.buffer]);
    },
  };
}
