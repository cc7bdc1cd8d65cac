import type { AppServices } from '../workflows/appServices';

/**
 * Persistent storage: without it the browser may clear everything Frameline stores when the disk
 * runs low. Asked once, after the first project exists (asking on a first visit, before there is
 * anything to keep, is refused more often and explains nothing).
 */
export type PersistenceState = 'unsupported' | 'persisted' | 'best-effort';

const ASKED_KEY = 'frameline.persistentStorageAsked';

export async function persistenceState(): Promise<PersistenceState> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'persisted' : 'best-effort';
}

/** Asks the browser now (the Storage panel's button, or the first project). */
export async function requestPersistence(): Promise<PersistenceState> {
  if (!navigator.storage?.persist) return 'unsupported';
  localStorage.setItem(ASKED_KEY, String(Date.now()));
  return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
}

/** Once per browser, when there is a project to keep: asks and says what the browser decided. */
export async function askPersistenceOnce(notify: AppServices['notify']): Promise<void> {
  if (localStorage.getItem(ASKED_KEY) !== null) return;
  if ((await persistenceState()) !== 'best-effort') {
    localStorage.setItem(ASKED_KEY, String(Date.now()));
    return;
  }
  const result = await requestPersistence();
  notify(
    result === 'persisted'
      ? {
          kind: 'info',
          title: 'Your projects are kept safe',
          detail: 'The browser will not clear Frameline’s data to free space.',
        }
      : {
          kind: 'info',
          title: 'Storage may be cleared when space runs low',
          detail:
            'The browser did not promise to keep Frameline’s data. Back up your projects now and then (see Storage).',
        },
  );
}
