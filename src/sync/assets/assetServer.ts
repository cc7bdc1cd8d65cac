import type { AssetHash } from '../../model/ids';
import type { SyncLog } from '../syncLog';
import type { Wire } from '../wire';
import { ASSET_CHUNK_BYTES, encodeAssetMessage } from './assetMessages';

/** Where served bytes come from, and which hashes a peer may ask for. */
export interface AssetSource {
  /**
   * Only assets the shared project mentions are served: the room's secret opens this project,
   * not every image in this browser.
   */
  canServe(hash: AssetHash): boolean;
  read(hash: AssetHash): Promise<{ readonly bytes: Uint8Array; readonly mime: string } | null>;
}

/** Stop queueing chunks while this much is still waiting on the wire. */
export const SERVE_HIGH_WATER_BYTES = 256 * 1024;
/** How often a paused transfer looks at the wire again. */
const DRAIN_POLL_MS = 10;

/**
 * Answers one peer's asset requests, one asset at a time, in chunks, without flooding the
 * channel: a transfer pauses while the wire has a backlog and resumes when it drains.
 */
export class AssetServer {
  private readonly queue: { hash: AssetHash; offset: number }[] = [];
  private running = false;
  private closed = false;
  private readonly cancelled = new Set<AssetHash>();

  constructor(
    private readonly wire: Wire,
    private readonly source: AssetSource,
    private readonly log: SyncLog,
  ) {}

  want(hash: AssetHash, offset: number): void {
    this.cancelled.delete(hash);
    const queued = this.queue.find((item) => item.hash === hash);
    if (queued) queued.offset = offset;
    else this.queue.push({ hash, offset });
    void this.run();
  }

  cancel(hash: AssetHash): void {
    this.cancelled.add(hash);
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.queue.shift(); next && !this.closed; next = this.queue.shift()) {
        await this.serve(next.hash, next.offset);
      }
    } catch (error) {
      this.log.report(this.wire.label, `serving a frame failed: ${String(error)}`);
    } finally {
      this.running = false;
    }
  }

  private async serve(hash: AssetHash, offset: number): Promise<void> {
    const asset = this.source.canServe(hash) ? await this.source.read(hash) : null;
    if (!asset || offset > asset.bytes.byteLength) {
      this.wire.send(encodeAssetMessage({ type: 'none', hash }));
      return;
    }
    const { bytes, mime } = asset;
    this.wire.send(encodeAssetMessage({ type: 'have', hash, size: bytes.byteLength, mime }));
    for (let at = offset; at < bytes.byteLength; at += ASSET_CHUNK_BYTES) {
      while (this.wire.queuedBytes > SERVE_HIGH_WATER_BYTES && !this.closed) {
        await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
      }
      if (this.closed || this.cancelled.has(hash)) return;
      const chunk = bytes.subarray(at, Math.min(at + ASSET_CHUNK_BYTES, bytes.byteLength));
      this.wire.send(encodeAssetMessage({ type: 'chunk', hash, offset: at, bytes: chunk }));
    }
  }
}
