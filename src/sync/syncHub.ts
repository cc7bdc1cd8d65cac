import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../store/projectDoc';
import { DocLink } from './docLink';
import type { LinkHost } from './linkHost';
import { SyncLog } from './syncLog';
import { checkUpdate } from './updateGuard';
import type { Wire } from './wire';

/**
 * One document's links to everyone it syncs with (peers, other tabs, a server). It sends local
 * edits to every link, passes live updates from one link on to the others (so a peer reachable
 * only through someone else still hears them), and is the one place remote updates enter the
 * document: checked by the guard, applied with REMOTE_ORIGIN (never on anyone's undo stack),
 * and refused with a log entry when they do not check or do not apply.
 */
export class SyncHub implements LinkHost<DocLink> {
  private readonly links = new Set<DocLink>();
  private readonly listeners = new Set<() => void>();
  /** The link whose update is being applied right now, and whether to pass it on. */
  private applying: { readonly from: DocLink; readonly relay: boolean } | null = null;
  private destroyed = false;

  constructor(
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    readonly log: SyncLog = new SyncLog(),
  ) {
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
      for (const link of this.links) if (link !== source.from) link.sendUpdate(update);
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
