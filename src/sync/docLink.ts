import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MAX_AWARENESS_UPDATE_BYTES, REJECTIONS_BEFORE_DISCONNECT } from './limits';
import type { LinkHost } from './linkHost';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SIGNED_SYNC,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from './protocol';
import { readSignedUpdate, writeSignedUpdate, type SignedUpdate } from './roles/signedUpdate';
import { checkAwarenessUpdate, checkStateVector } from './updateGuard';
import type { Wire } from './wire';

/**
 * The Yjs sync protocol with one other party over one wire: state vectors on connect, the
 * missing part back, then updates as they happen; presence alongside. Everything received is
 * checked before it touches the document (see SyncHub.applyRemote and updateGuard.ts); a party
 * that keeps sending what is refused is disconnected. In a room with roles (hub.authority) every
 * update travels signed (roles/signedUpdate.ts) and a plain one is refused; signed ones are
 * checked one after another in arrival order, each before the next is looked at.
 */
export class DocLink {
  /** True once the other side's state has arrived (sync step 2). */
  synced = false;
  private rejections = 0;
  private closed = false;
  /** Awareness clients this party told us about: removed when it goes away. */
  private readonly remoteClients = new Set<number>();
  /** Signed updates received and still being checked, in order (rooms with roles). */
  private inbox: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly hub: LinkHost<DocLink>,
    readonly wire: Wire,
  ) {
    wire.listen({
      onMessage: (message) => this.receive(message),
      onClose: () => this.onClosed(),
    });
  }

  get label(): string {
    return this.wire.label;
  }

  /** Opens the conversation: our state vector, and who we are. */
  start(): void {
    this.send((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_STEP_1);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.hub.doc));
    });
    this.sendAwareness([this.hub.doc.clientID]);
  }

  /**
   * Sends our whole state unasked, as a catch-up (sync step 2). Over a BroadcastChannel only the
   * tab that arrives says step 1, so the tabs already there would never ask for what it brought
   * (edits replayed from a crashed tab's journal, say): it offers them instead.
   */
  offerState(): void {
    this.sendSync(SYNC_STEP_2, Y.encodeStateAsUpdate(this.hub.doc));
  }

  /** Sends one update as it is: signed first in a room with roles. */
  sendUpdate(update: Uint8Array): void {
    this.sendSync(SYNC_UPDATE, update);
  }

  /** Sends an update already signed (by this device, or relayed as its author signed it). */
  sendSigned(signed: SignedUpdate): void {
    this.send((e) => {
      encoding.writeVarUint(e, MESSAGE_SIGNED_SYNC);
      writeSignedUpdate(e, signed);
    });
  }

  private sendSync(step: number, update: Uint8Array): void {
    const authority = this.hub.authority;
    if (!authority) {
      this.send((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, step);
        encoding.writeVarUint8Array(e, update);
      });
      return;
    }
    authority.seal(step, update).then(
      (signed) => this.sendSigned(signed),
      (error: unknown) =>
        this.hub.log.report(this.label, `could not sign an update (${String(error)})`),
    );
  }

  sendAwareness(clients: readonly number[]): void {
    // Only clients awareness has a clock for can be encoded (a removed one encodes as null).
    const known = clients.filter((id) => this.hub.awareness.meta.has(id));
    if (known.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.hub.awareness, known);
    this.send((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, update);
    });
  }

  /** A refused message: logged, counted, and past the limit the party is cut off. */
  reject(reason: string): void {
    this.hub.log.report(this.label, `refused: ${reason}`);
    this.rejections++;
    if (this.rejections >= REJECTIONS_BEFORE_DISCONNECT && !this.closed) {
      this.hub.log.report(this.label, 'disconnected after repeated refused messages');
      this.close();
    }
  }

  close(): void {
    this.wire.close();
  }

  private send(write: (encoder: encoding.Encoder) => void): void {
    if (this.closed) return;
    const encoder = encoding.createEncoder();
    write(encoder);
    this.wire.send(encoding.toUint8Array(encoder));
  }

  private receive(message: Uint8Array): void {
    if (this.closed) return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          return this.receiveSync(decoder);
        case MESSAGE_AWARENESS:
          return this.receiveAwareness(decoding.readVarUint8Array(decoder));
        case MESSAGE_SIGNED_SYNC:
          return this.receiveSigned(readSignedUpdate(decoder));
        case MESSAGE_QUERY_AWARENESS:
          return this.sendAwareness([...this.hub.awareness.getStates().keys()]);
        case MESSAGE_AUTH:
          this.hub.log.report(this.label, `the server refused access: ${readAuthReason(decoder)}`);
          return;
        default:
          return this.reject(`unknown message type ${type}`);
      }
    } catch (error) {
      this.reject(`malformed message (${error instanceof Error ? error.message : 'unreadable'})`);
    }
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP_1) {
      const check = checkStateVector(payload);
      if (!check.ok) return this.reject(check.reason);
      this.sendSync(SYNC_STEP_2, Y.encodeStateAsUpdate(this.hub.doc, payload));
      return;
    }
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE)
      return this.reject(`unknown sync step ${step}`);
    if (this.hub.authority) return this.reject('an unsigned update in a room with roles');
    // Only live updates are passed on to other parties; a step 2 is a catch-up they have had.
    const applied = this.hub.applyRemote(payload, this, step === SYNC_UPDATE);
    if (applied && step === SYNC_STEP_2 && !this.synced) {
      this.synced = true;
      this.hub.linkChanged();
    }
  }

  private receiveSigned(signed: SignedUpdate): void {
    if (!this.hub.authority) return this.reject('a signed update in a room without roles');
    if (signed.step !== SYNC_STEP_2 && signed.step !== SYNC_UPDATE) {
      return this.reject(`unknown sync step ${signed.step}`);
    }
    this.inbox = this.inbox
      .then(async () => {
        if (this.closed) return;
        const applied = await this.hub.applySigned(signed, this);
        if (applied && signed.step === SYNC_STEP_2 && !this.synced) {
          this.synced = true;
          this.hub.linkChanged();
        }
      })
      .catch((error: unknown) => this.reject(`an update could not be checked (${String(error)})`));
  }

  private receiveAwareness(update: Uint8Array): void {
    const check = checkAwarenessUpdate(update, MAX_AWARENESS_UPDATE_BYTES);
    if (!check.ok) return this.reject(check.reason);
    for (const [client, present] of awarenessClients(update)) {
      if (client === this.hub.doc.clientID) continue;
      if (present) this.remoteClients.add(client);
      else this.remoteClients.delete(client);
    }
    awarenessProtocol.applyAwarenessUpdate(this.hub.awareness, update, this);
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    // Presence of whoever was behind this link ends now, not 30 s from now.
    const gone = [...this.remoteClients].filter((id) => !this.hub.isReachableElsewhere(id, this));
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.hub.awareness, gone, this);
    this.hub.detach(this);
  }

  /** Whether `client`'s presence also came over this link. */
  knows(client: number): boolean {
    return this.remoteClients.has(client);
  }
}

function readAuthReason(decoder: decoding.Decoder): string {
  try {
    decoding.readVarUint(decoder);
    return decoding.readVarString(decoder);
  } catch {
    return 'no reason given';
  }
}

/** Client ids in an awareness update, and whether each still has a state (null = left). */
function awarenessClients(update: Uint8Array): [number, boolean][] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients: [number, boolean][] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    clients.push([client, decoding.readVarString(decoder) !== 'null']);
  }
  return clients;
}
