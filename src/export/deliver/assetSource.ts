import type { AssetHash } from '../../model/ids';

/** What an export reads frames and sounds from: the asset store, or a map in tests. */
export interface AssetSource {
  get(hash: AssetHash): Promise<Blob | null | undefined>;
}

/** Progress and cancel for an export that reads many assets (ui shows it, Cancel aborts). */
export interface ExportControl {
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export class ExportCancelled extends Error {
  override readonly name = 'ExportCancelled';
  constructor() {
    super('The export was cancelled');
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

/** Each distinct asset's bytes and type, read once, in order; missing ones are left out. */
export async function readAssets(
  source: AssetSource,
  hashes: readonly AssetHash[],
  control: ExportControl = {},
): Promise<Map<AssetHash, { readonly bytes: Uint8Array; readonly type: string }>> {
  const unique = [...new Set(hashes)];
  const found = new Map<AssetHash, { bytes: Uint8Array; type: string }>();
  for (const [i, hash] of unique.entries()) {
    throwIfCancelled(control.signal);
    const blob = await source.get(hash);
    if (blob) found.set(hash, { bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type });
    control.onProgress?.(i + 1, unique.length);
  }
  throwIfCancelled(control.signal);
  return found;
}
