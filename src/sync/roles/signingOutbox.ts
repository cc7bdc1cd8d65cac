import * as Y from 'yjs';
import { SYNC_UPDATE } from '../protocol';
import type { RoomAuthority } from './roomAuthority';
import type { SignedUpdate } from './signedUpdate';

/**
 * Local edits on their way out of a room with roles. Signing is asynchronous (WebCrypto), and a
 * burst of keystrokes makes a burst of small updates: while one signature is being made, the
 * updates that follow wait and are merged into one, which is then signed once. So a signature
 * costs one ECDSA sign per flush, not per keystroke, and nothing is ever sent unsigned.
 */
export class SigningOutbox {
  private pending: Uint8Array[] = [];
  private signing = false;
  private stopped = false;

  constructor(
    private readonly authority: RoomAuthority,
    private readonly deliver: (signed: SignedUpdate) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(update: Uint8Array): void {
    if (this.stopped) return;
    this.pending.push(update);
    if (!this.signing) void this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.pending = [];
  }

  private async flush(): Promise<void> {
    this.signing = true;
    try {
      while (this.pending.length > 0 && !this.stopped) {
        const batch = this.pending;
        this.pending = [];
        const update = batch.length === 1 && batch[0] ? batch[0] : Y.mergeUpdates(batch);
        try {
          const signed = await this.authority.seal(SYNC_UPDATE, update);
          if (!this.stopped) this.deliver(signed);
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.signing = false;
    }
  }
}
