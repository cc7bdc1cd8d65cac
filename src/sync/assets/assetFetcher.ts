import { checkStoredAsset, hashBytes } from '../../store/assets';
import type { AssetHash } from '../../model/ids';
import type { SyncLog } from '../syncLog';
import type { AssetMessage } from './assetMessages';

/** Someone who may have assets: one peer's asset channel. */
export interface AssetPeer {
  readonly label: string;
  send(message: AssetMessage): void;
}

/** Where fetched bytes go (the app's asset store), and the check for what is already here. */
export interface AssetSink {
  has(hash: AssetHash): Promise<boolean>;
  put(bytes: Uint8Array, mime: string): Promise<AssetHash>;
  /** Told once an asset is stored (the UI swaps a placeholder for the image). */
  stored(hash: AssetHash): void;
}

/** Assets fetched at once; more would only split the same bandwidth. */
export const MAX_PARALLEL_FETCHES = 4;
/** A transfer with no new bytes for this long is given up on and tried elsewhere. */
export const FETCH_STALL_MS = 15_000;
/** After every peer said "not here", ask again this much later (someone may have it by then). */
export const FETCH_RETRY_MS = 5_000;
/** Frames are a few MB; anything claiming more than this is not one of ours. */
export const MAX_ASSET_BYTES = 64 * 1024 * 1024;
const TICK_MS = 1_000;

interface Transfer {
  readonly hash: AssetHash;
  source: AssetPeer | null;
  size: number;
  mime: string;
  /** The bytes so far, kept across a disconnect so the next source resumes at `received`. */
  buffer: Uint8Array | null;
  received: number;
  lastProgressAt: number;
}

/**
 * Gets the assets this project needs and this browser lacks from whichever peers have them,
 * several at a time, resuming a cut-off transfer where it stopped, and storing a result only
 * when its SHA-256 matches the hash it was asked for.
 */
export class AssetFetcher {
  private readonly peers = new Set<AssetPeer>();
  private wanted = new Set<AssetHash>();
  /** Confirmed missing here (checked against the store). */
  private readonly missing = new Set<AssetHash>();
  private readonly transfers = new Map<AssetHash, Transfer>();
  /** Peers that said no (or sent bad bytes) per hash, and when everyone had been asked. */
  private readonly refused = new Map<AssetHash, Set<AssetPeer>>();
  private readonly exhaustedAt = new Map<AssetHash, number>();
  /**
   * Hashes whose bytes arrived intact but are no format Frameline accepts (an SVG, a page): the
   * same hash is the same bytes from anyone, so they are never asked for again.
   */
  private readonly rejected = new Set<AssetHash>();
  private readonly timer: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(
    private readonly sink: AssetSink,
    private readonly log: SyncLog,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** The hashes the project refers to right now (frames, version states). */
  setWanted(hashes: Iterable<AssetHash>): void {
    const next = new Set(hashes);
    for (const hash of this.wanted) if (!next.has(hash)) this.forget(hash);
    const added = [...next].filter((hash) => !this.wanted.has(hash));
    this.wanted = next;
    void this.checkLocal(added);
  }

  addPeer(peer: AssetPeer): void {
    this.peers.add(peer);
    this.pump();
  }

  /** The peer is gone; its transfers keep their bytes and resume elsewhere. */
  removePeer(peer: AssetPeer): void {
    this.peers.delete(peer);
    for (const transfer of this.transfers.values()) {
      if (transfer.source === peer) transfer.source = null;
    }
    for (const set of this.refused.values()) set.delete(peer);
    this.pump();
  }

  /** Missing hashes and how far along each is: for a progress line in the UI. */
  progress(): { readonly missing: number; readonly receiving: number } {
    return {
      missing: this.missing.size,
      receiving: [...this.transfers.values()].filter((t) => t.source).length,
    };
  }

  receive(peer: AssetPeer, message: AssetMessage): void {
    const transfer = this.transfers.get(message.hash);
    if (!transfer || transfer.source !== peer) return; // late or unasked: ignore
    switch (message.type) {
      case 'none':
        return this.refuse(transfer, peer);
      case 'have':
        return this.onHave(transfer, peer, message.size, message.mime);
      case 'chunk':
        return this.onChunk(transfer, peer, message.offset, message.bytes);
      default:
        return;
    }
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const transfer of this.transfers.values()) {
      if (transfer.source) transfer.source.send({ type: 'cancel', hash: transfer.hash });
    }
    this.transfers.clear();
  }

  private async checkLocal(hashes: readonly AssetHash[]): Promise<void> {
    for (const hash of hashes) {
      if (this.stopped) return;
      if (this.rejected.has(hash)) continue;
      if (!(await this.sink.has(hash)) && this.wanted.has(hash)) this.missing.add(hash);
    }
    this.pump();
  }

  private forget(hash: AssetHash): void {
    const transfer = this.transfers.get(hash);
    if (transfer?.source) transfer.source.send({ type: 'cancel', hash });
    this.transfers.delete(hash);
    this.missing.delete(hash);
    this.refused.delete(hash);
    this.exhaustedAt.delete(hash);
  }

  /** Starts transfers for missing hashes while there is room, each from a peer not yet refused. */
  private pump(): void {
    if (this.stopped) return;
    const active = [...this.transfers.values()].filter((t) => t.source !== null);
    let room = MAX_PARALLEL_FETCHES - active.length;
    const waiting = [
      ...[...this.transfers.values()].filter((t) => t.source === null).map((t) => t.hash),
      ...[...this.missing].filter((hash) => !this.transfers.has(hash)),
    ];
    for (const hash of waiting) {
      if (room <= 0) return;
      const refused = this.refused.get(hash) ?? new Set<AssetPeer>();
      const peer = [...this.peers].find((p) => !refused.has(p));
      if (!peer) {
        if (this.peers.size > 0 && !this.exhaustedAt.has(hash))
          this.exhaustedAt.set(hash, this.now());
        continue;
      }
      const transfer = this.transfers.get(hash) ?? this.newTransfer(hash);
      transfer.source = peer;
      transfer.lastProgressAt = this.now();
      peer.send({ type: 'want', hash, offset: transfer.received });
      room--;
    }
  }

  private newTransfer(hash: AssetHash): Transfer {
    const transfer: Transfer = {
      hash,
      source: null,
      size: 0,
      mime: '',
      buffer: null,
      received: 0,
      lastProgressAt: this.now(),
    };
    this.transfers.set(hash, transfer);
    return transfer;
  }

  private refuse(transfer: Transfer, peer: AssetPeer): void {
    const set = this.refused.get(transfer.hash) ?? new Set<AssetPeer>();
    set.add(peer);
    this.refused.set(transfer.hash, set);
    transfer.source = null;
    this.pump();
  }

  private onHave(transfer: Transfer, peer: AssetPeer, size: number, mime: string): void {
    if (size > MAX_ASSET_BYTES || size === 0) {
      this.log.report(peer.label, `offered a frame of ${size} bytes; not taken`);
      peer.send({ type: 'cancel', hash: transfer.hash });
      return this.refuse(transfer, peer);
    }
    if (transfer.buffer && transfer.size !== size) {
      // Same hash, different size: one of the two sources is wrong. Drop what we have and start
      // from zero elsewhere; the hash check at the end tells who was right.
      transfer.buffer = null;
      transfer.received = 0;
      peer.send({ type: 'cancel', hash: transfer.hash });
      return this.refuse(transfer, peer);
    }
    transfer.size = size;
    transfer.mime = mime;
    transfer.buffer ??= new Uint8Array(size);
    transfer.lastProgressAt = this.now();
  }

  private onChunk(transfer: Transfer, peer: AssetPeer, offset: number, bytes: Uint8Array): void {
    const buffer = transfer.buffer;
    if (!buffer || offset !== transfer.received || offset + bytes.byteLength > transfer.size) {
      this.log.report(peer.label, 'sent a frame chunk out of place; asking elsewhere');
      peer.send({ type: 'cancel', hash: transfer.hash });
      return this.refuse(transfer, peer);
    }
    buffer.set(bytes, offset);
    transfer.received += bytes.byteLength;
    transfer.lastProgressAt = this.now();
    if (transfer.received === transfer.size) void this.complete(transfer, peer, buffer);
  }

  private async complete(transfer: Transfer, peer: AssetPeer, bytes: Uint8Array): Promise<void> {
    this.transfers.delete(transfer.hash);
    const actual = await hashBytes(bytes as Uint8Array<ArrayBuffer>);
    if (actual !== transfer.hash) {
      this.log.report(
        peer.label,
        `sent bytes that do not match frame ${transfer.hash.slice(0, 12)}…`,
      );
      this.refused.set(transfer.hash, new Set([...(this.refused.get(transfer.hash) ?? []), peer]));
      this.pump();
      return;
    }
    const checked = checkStoredAsset(bytes, transfer.mime);
    if (!checked.ok) {
      this.log.report(
        peer.label,
        `sent frame ${transfer.hash.slice(0, 12)}… that is ${checked.reason}; not stored`,
      );
      this.rejected.add(transfer.hash);
      this.missing.delete(transfer.hash);
      this.refused.delete(transfer.hash);
      this.pump();
      return;
    }
    try {
      await this.sink.put(bytes, checked.mimeType);
      this.missing.delete(transfer.hash);
      this.refused.delete(transfer.hash);
      this.sink.stored(transfer.hash);
    } catch (error) {
      this.log.report('this browser', `could not store a received frame: ${String(error)}`);
    }
    this.pump();
  }

  private tick(): void {
    const now = this.now();
    for (const transfer of this.transfers.values()) {
      if (transfer.source && now - transfer.lastProgressAt > FETCH_STALL_MS) {
        transfer.source.send({ type: 'cancel', hash: transfer.hash });
        this.refuse(transfer, transfer.source);
      }
    }
    for (const [hash, at] of this.exhaustedAt) {
      if (now - at >= FETCH_RETRY_MS) {
        this.exhaustedAt.delete(hash);
        this.refused.delete(hash);
      }
    }
    // Another tab of this browser may have fetched it into the shared store meanwhile.
    void this.recheckMissing();
  }

  private async recheckMissing(): Promise<void> {
    for (const hash of [...this.missing]) {
      if (this.transfers.get(hash)?.source) continue;
      if (await this.sink.has(hash)) {
        this.missing.delete(hash);
        this.transfers.delete(hash);
        this.sink.stored(hash);
      }
    }
    this.pump();
  }
}
