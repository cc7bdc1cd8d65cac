import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import type { ProjectSession } from '../store';
import { afterPaint } from '../store/afterPaint';
import { documentOf } from '../store/sessionDocument';
import { BroadcastWire } from './broadcastWire';
import { SyncHub } from './syncHub';

/** One channel per project: only tabs that have the same project open hear each other. */
export function tabChannelName(projectId: ProjectId): string {
  return `frameline-project:${projectId}`;
}

/**
 * Keeps an open project's document in step with every other tab of this browser that has it
 * open, shared or not: each keystroke reaches them at once, so the same field edited in two tabs
 * merges instead of the last tab to save overwriting the other. The Yjs sync protocol over a
 * BroadcastChannel (the same wire and hub a shared room uses for its tabs), with the update guard
 * in front of the document. Presence is a room's business: this awareness stays empty.
 *
 * Returns the function that stops it.
 */
export function startTabSync(session: ProjectSession): () => void {
  return syncWithTabs(documentOf(session), session.id);
}

/** startTabSync for a bare document (tests). */
export function syncWithTabs(doc: Y.Doc, projectId: ProjectId): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const hub = new SyncHub(doc, awareness);
  const link = hub.attach(new BroadcastWire(tabChannelName(projectId)));
  // Encoding a big document whole takes tens of milliseconds: not before the project is shown.
  const cancelOffer = afterPaint(() => link.offerState());
  return () => {
    cancelOffer();
    hub.destroy();
    awareness.destroy();
  };
}
