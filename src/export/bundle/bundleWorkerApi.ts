import {
  writeBackupFrom,
  writeBundleFrom,
  type BundleSource,
  type ExportedBundle,
} from './exportBundle';
import { readBundle, type BundleRead } from './readBundle';

/** What workers/bundle.worker.ts exposes over comlink; bundleClient.ts is typed against this. */
export interface BundleWorkerApi {
  readBundle(bytes: Uint8Array<ArrayBuffer>, fileName: string): Promise<BundleRead>;
  /** One project's `.frameline` file: its assets read, hashed and zipped here. */
  writeBundle(source: BundleSource, generator: string): Promise<ExportedBundle>;
  /** Every project's bundle in one zip; progress by project. */
  writeBackup(
    sources: readonly BundleSource[],
    generator: string,
    onProgress: (done: number, total: number) => void,
  ): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The worker's handlers, apart from the worker file so the same code runs in Node tests (over a
 * MessageChannel) and in the browser's worker.
 */
export function createBundleWorkerApi(
  transfer: <T>(value: T, transferables: Transferable[]) => T,
): BundleWorkerApi {
  return {
    async readBundle(bytes, fileName) {
      const result = await readBundle(bytes, fileName);
      if (!result.ok) return result;
      // The document and each image have buffers of their own: hand them over, do not copy them.
      const { update, assets } = result.bundle;
      return transfer(result, [update.buffer, ...assets.map((asset) => asset.bytes.buffer)]);
    },
    async writeBundle(source, generator) {
      const bundle = await writeBundleFrom(source, generator);
      return transfer(bundle, [bundle.bytes.buffer]);
    },
    async writeBackup(sources, generator, onProgress) {
      const bytes = await writeBackupFrom(sources, generator, onProgress);
      return transfer(bytes, [bytes.buffer]);
    },
  };
}
