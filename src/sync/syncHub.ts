import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../store/projectDoc';
import { SYNC_UPDATE } from './protocol';
import { DocLink } from './docLink';
import type { LinkHost } from './linkHost';
import type { RoomAuthority } from './roles/roomAuthority';
import type { SignedUpdate } from './roles/signedUpdate';
import { SigningOutbox } from './roles/signingOutbox';
import { SyncLog } from './syncLog';
import { checkUpdate } from './updateGuard';
import type { Wire } from './wire';

/**
 * One document's links to everyone it syncs with (peers, other tabs, a server). It sends local
 * edits to every link, passes live updates from one link on to the others (so a peer reachable
 * only through someone else still hears them), and is the one place remote updates enter the
 * document: checked by the guard, applied with REMOTE_ORIGIN (never on anyone's undo stack),
 * and refused with a log entry when they do not check or do not apply.
 *
 * In a room with roles (an `authority`), local edits leave signed, a batch per signature
 * (SigningOutbox), and what arrives is applied only when its author's role may make that change;
 * a relayed update is passed on in its author's envelope, so the next peer checks the author,
 * not the relay. A viewer's own edits are not sent at all: every peer would refuse them.
 */
export class SyncHub implements LinkHost<DocLink> {
  private readonly links = new Set<DocLink>();
  private readonly listeners = new Set<() => void>();
  /** The link whose update is being applied right now, and whether to pass it on. */
  private applying: {
    readonly from: DocLink;
    readonly relay: boolean;
    /** Set for a signed update: relayed as it came, once, if it changed anything. */
    readonly signed?: SignedUpdate;
    relayed?: boolean;
  } | null = null;
  private destroyed = false;
  private readonly outbox: SigningOutbox | null;

  constructor(
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    readonly log: SyncLog = new SyncLog(),
    readonly authority: RoomAuthority | null = null,
  ) {
    this.outbox = authority
      ? new SigningOutbox(
          authority,
          (signed) => {
            for (const link of this.links) link.sendSigned(signed);
          },
          (error) => this.log.report('this device', `could not sign an edit (${String(error)})`),
        )
      : null;
    doc.on('update', this.onDocUpdate);
    awareness.on('update', this.onAwarenessUpdate);
  }

  /** Starts syncing over a wire. The link ends when the wire closes. */
  attach(wire: Wire): DocLink {
    const link = new DocLink(this, wire);
    if (this.destroyed) {
      link.close();
      return link;
    }
    this.links.add(link);
    link.start();
    this.linkChanged();
    return link;
  }

  detach(link: DocLink): void {
    if (this.links.delete(link)) this.linkChanged();
  }

  getLinks(): readonly DocLink[] {
    return [...this.links];
  }

  /** Checks and applies an update from `from`. False when it was refused. */
  applyRemote(update: Uint8Array, from: DocLink, relay: boolean): boolean {
    const check = checkUpdate(update, { doc: this.doc });
    if (!check.ok) {
      from.reject(check.reason);
      return false;
    }
    this.applying = { from, relay };
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      return true;
    } catch (error) {
      from.reject(`update failed to apply (${error instanceof Error ? error.message : error})`);
      return false;
    } finally {
      this.applying = null;
    }
  }

  /**
   * Checks a signed update (signatures, then whether its author's role may make this change to
   * the document as it is now) and applies it. False when it was refused: counted against `from`.
   */
  async applySigned(signed: SignedUpdate, from: DocLink): Promise<boolean> {
    const authority = this.authority;
    if (!authority) {
      from.reject('a signed update in a room without roles');
      return false;
    }
    const voucher = await authority.vouch(signed);
    if (this.destroyed) return false;
    if (!voucher.ok) {
      from.reject(voucher.reason);
      return false;
    }
    const check = checkUpdate(signed.update, { doc: this.doc });
    if (!check.ok) {
      from.reject(check.reason);
      return false;
    }
    // After the signature wait, against the document as it is now, right before applying.
    const scope = authority.permits(voucher, signed.update, this.doc);
    if (!scope.ok) {
      from.reject(`${scope.reason} (signed as ${voucher.role})`);
      return false;
    }
    this.applying = { from, relay: signed.step === SYNC_UPDATE, signed };
    try {
      Y.applyUpdate(this.doc, signed.update, REMOTE_ORIGIN);
      return true;
    } catch (error) {
      from.reject(`update failed to apply (${error instanceof Error ? error.message : error})`);
      return false;
    } finally {
      this.applying = null;
    }
  }

  isReachableElsewhere(client: number, except: DocLink): boolean {
    return [...this.links].some((link) => link !== except && link.knows(client));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  linkChanged(): void {
    for (const listener of this.listeners) listener();
  }

  /** Says goodbye (presence removed everywhere at once), then closes every link. */
  destroy(): void {
    if (this.destroyed) return;
    this.awareness.setLocalState(null);
    this.destroyed = true;
    this.outbox?.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    for (const link of [...this.links]) link.close();
    this.links.clear();
    this.linkChanged();
    this.listeners.clear();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE_ORIGIN) {
      const source = this.applying;
      if (!source?.relay) return;
      if (source.signed) {
        if (source.relayed) return;
        source.relayed = true;
        const signed = source.signed;
        for (const link of this.links) if (link !== source.from) link.sendSigned(signed);
        return;
      }
      for (const link of this.links) if (link !== source.from) link.sendUpdate(update);
      return;
    }
    if (this.outbox) {
      if (this.authority?.role !== 'view') this.outbox.push(update);
      return;
    }
    for (const link of this.links) link.sendUpdate(update);
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin instanceof DocLink) return; // theirs: every party announces itself
    const own = this.doc.clientID;
    const mine = [...change.added, ...change.updated, ...change.removed].includes(own);
    if (mine) for (const link of this.links) link.sendAwareness([own]);
  };
}
