import { fromBase64, toBase64 } from 'lib0/buffer';
import type { ProjectId } from '../../model/ids';

/**
 * The write-ahead journal: every document update is copied here synchronously, in the same task
 * as the keystroke that made it, and removed once IndexedDB holds it. IndexedDB commits a moment
 * later (asynchronously), and a tab closed in that moment used to take the edit with it; this
 * copy is already out of the renderer when the tab goes, and is replayed the next time the
 * project opens (Yjs updates are idempotent, so replaying one IndexedDB already has is harmless).
 *
 * localStorage is the only synchronous storage a page has. It is small (about 5 MB per origin),
 * so it holds only what IndexedDB does not have yet, and an update too large for it is not
 * journaled at all (its IndexedDB write follows at once). Keys are per tab, so tabs never
 * overwrite each other: `frameline-journal/<database>/<project>/<tab>/<seq>`. Each key is written
 * once and never changed, so anyone who has stored a key's update in IndexedDB may remove it.
 *
 * What it does not cover: Chromium writes localStorage to disk seconds later, so a browser or
 * machine crash is survived by the IndexedDB write (started in the same task), not by this.
 */
export type JournalStorage = Pick<Storage, 'length' | 'key' | 'getItem' | 'setItem' | 'removeItem'>;

/** Updates larger than this skip the journal (a screenplay import, a peer's whole project). */
export const MAX_JOURNALED_UPDATE_BYTES = 512 * 1024;

const ROOT = 'frameline-journal';

/** Whose updates a journal holds: one project of one database. */
export interface JournalScope {
  readonly dbName: string;
  readonly projectId: ProjectId;
}

/** Why an update is not in the journal: too large, storage full, or storage unusable. */
export type JournalMiss = 'too-large' | 'full' | 'unavailable';

export type AppendResult =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly reason: JournalMiss };

/** One tab's journal for one open project. */
export class EditJournal {
  private seq = 0;
  private readonly prefix: string;

  constructor(
    private readonly storage: JournalStorage,
    scope: JournalScope,
    tabId: string = crypto.randomUUID(),
  ) {
    this.prefix = `${scopePrefix(scope)}${tabId}/`;
  }

  /** Copies the update to storage now. Never throws: a miss is returned and said by the caller. */
  append(update: Uint8Array): AppendResult {
    if (update.byteLength > MAX_JOURNALED_UPDATE_BYTES) return { ok: false, reason: 'too-large' };
    const key = `${this.prefix}${++this.seq}`;
    try {
      this.storage.setItem(key, toBase64(update));
      return { ok: true, key };
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? 'full' : 'unavailable' };
    }
  }

  /** Forgets entries whose updates IndexedDB now holds. */
  release(keys: readonly string[]): void {
    removeKeys(this.storage, keys);
  }
}

export interface JournalEntry {
  readonly key: string;
  /** null when the stored text is not an update any more (cut short, edited by hand). */
  readonly update: Uint8Array | null;
}

/** Every entry of a project, from every tab that ever had it open (crashed ones included). */
export function readJournal(storage: JournalStorage, scope: JournalScope): JournalEntry[] {
  return keysOf(storage, scopePrefix(scope)).map((key) => ({
    key,
    update: decode(storage.getItem(key)),
  }));
}

/** Drops a project's journal (the project was purged, or replaced by an import). */
export function discardJournal(storage: JournalStorage, scope: JournalScope): void {
  removeKeys(storage, keysOf(storage, scopePrefix(scope)));
}

/** The page's localStorage, or null where there is none (Node) or it is blocked. */
export function browserJournalStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled for this site: reading `localStorage` throws SecurityError
  }
}

function scopePrefix(scope: JournalScope): string {
  return `${ROOT}/${encodeURIComponent(scope.dbName)}/${scope.projectId}/`;
}

function keysOf(storage: JournalStorage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function removeKeys(storage: JournalStorage, keys: readonly string[]): void {
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      // Unusable storage: the entry stays and is replayed (harmlessly) on the next open.
    }
  }
}

function decode(text: string | null): Uint8Array | null {
  if (!text) return null;
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && error.name === 'QuotaExceededError';
}
