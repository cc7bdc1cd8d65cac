import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { RoomAuthority } from './roles/roomAuthority';
import type { SignedUpdate } from './roles/signedUpdate';
import type { SyncLog } from './syncLog';

/**
 * What a link (docLink.ts) needs from the hub it belongs to (syncHub.ts): the document and
 * presence it syncs, the log of refusals, and the hub's say over remote updates. A type of its
 * own so the link depends on this contract and not on the hub that implements it (the two
 * modules would import each other otherwise). `Link` is the link type the hub keeps.
 */
export interface LinkHost<Link> {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly log: SyncLog;
  /** In a room with roles: what signs this device's updates and checks everyone else's. */
  readonly authority: RoomAuthority | null;
  /** Checks and applies an update from `from`. False when it was refused. */
  applyRemote(update: Uint8Array, from: Link, relay: boolean): boolean;
  /** The same for a signed update (rooms with roles), once its signatures are checked. */
  applySigned(signed: SignedUpdate, from: Link): Promise<boolean>;
  /** Whether another link than `except` still hears from this awareness client. */
  isReachableElsewhere(client: number, except: Link): boolean;
  /** Something about a link changed (it synced); the hub tells its subscribers. */
  linkChanged(): void;
  /** The link has closed and leaves the hub. */
  detach(link: Link): void;
}
