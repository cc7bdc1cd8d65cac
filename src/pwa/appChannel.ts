import type { ProjectId } from '../model/ids';
import { PROJECT_SCHEMA_VERSION } from '../model/project';
import type { AppServices } from '../workflows/appServices';
import { BUILD_ID } from './buildInfo';

/**
 * What open tabs of Frameline tell each other. Every tab announces its build and document schema
 * when it starts; a tab that meets a newer schema stops writing (its code would write the old
 * shape) and asks to reload. A bundle imported over a project tells tabs that have it open.
 */
export type AppMessage =
  | { readonly type: 'hello'; readonly build: string; readonly schemaVersion: number }
  | { readonly type: 'project-replaced'; readonly projectId: ProjectId };

const CHANNEL_NAME = 'frameline-app';
/** While writes are blocked, projects opened later in this tab are made read-only too. */
const RECHECK_MS = 1000;

let channel: BroadcastChannel | null = null;
let services: AppServices | null = null;
let writesBlocked = false;
const listeners = new Set<() => void>();

export const writesBlockedStore = {
  getSnapshot: (): boolean => writesBlocked,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const NEWER_ELSEWHERE =
  'A newer version of Frameline is open in another tab. This tab stopped saving so it cannot undo that version’s changes.';

function blockWrites() {
  if (writesBlocked) return;
  writesBlocked = true;
  for (const listener of listeners) listener();
  const enforce = () => void services?.activeSession()?.forceReadOnly(NEWER_ELSEWHERE);
  enforce();
  setInterval(enforce, RECHECK_MS);
}

/** Decides what a message means for this tab (exported for tests). */
export function handleAppMessage(message: AppMessage): void {
  if (message.type === 'hello') {
    if (message.schemaVersion > PROJECT_SCHEMA_VERSION) blockWrites();
    return;
  }
  const session = services?.activeSession() ?? null;
  if (message.type === 'project-replaced' && session?.id === message.projectId) {
    void session.forceReadOnly('This project was replaced by an import in another tab.');
    services?.notify({
      kind: 'error',
      title: 'This project was replaced in another tab',
      detail: 'This tab stopped saving to it. Reload to see the imported version.',
      action: { label: 'Reload', run: () => window.location.reload() },
    });
  }
}

export function startAppChannel(app: AppServices): void {
  services = app;
  if (channel || typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<AppMessage>) => handleAppMessage(event.data);
  postAppMessage({ type: 'hello', build: BUILD_ID, schemaVersion: PROJECT_SCHEMA_VERSION });
}

export function postAppMessage(message: AppMessage): void {
  channel?.postMessage(message);
}
