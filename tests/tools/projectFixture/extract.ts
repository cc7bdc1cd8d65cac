import type { Page } from 'playwright-core';

/** What the app stored for one project, read straight from the page's IndexedDB. */
export interface StoredProject {
  readonly row: Record<string, unknown>;
  /** Every docUpdates row of the project, in `seq` order, base64. */
  readonly updates: readonly string[];
}

export interface StoredAsset {
  readonly hash: string;
  readonly mimeType: string;
  readonly base64: string;
}

/** The one project in the page's database (the generator makes exactly one). */
export function readStoredProject(page: Page): Promise<StoredProject> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const projects = (await all<Record<string, unknown>>('projects')).filter(
      (row) => row.deletedAt === null,
    );
    if (projects.length !== 1) throw new Error(`expected one project, found ${projects.length}`);
    const row = projects[0]!;
    const updates = (
      await all<{ seq: number; projectId: string; update: Uint8Array }>('docUpdates')
    )
      .filter((u) => u.projectId === row.id)
      .sort((a, b) => a.seq - b.seq)
      .map((u) => {
        let text = '';
        for (const byte of u.update) text += String.fromCharCode(byte);
        return btoa(text);
      });
    db.close();
    return { row, updates };
  });
}

export function readStoredAssets(page: Page, hashes: readonly string[]): Promise<StoredAsset[]> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: { hash: string; mimeType: string; base64: string }[] = [];
    for (const hash of wanted) {
      const row = await new Promise<{ blob: Blob; mimeType: string } | undefined>(
        (resolve, reject) => {
          const get = db.transaction('assets').objectStore('assets').get(hash);
          get.onsuccess = () => resolve(get.result as { blob: Blob; mimeType: string });
          get.onerror = () => reject(get.error);
        },
      );
      if (!row) throw new Error(`asset ${hash} is referenced but not stored`);
      const bytes = new Uint8Array(await row.blob.arrayBuffer());
      let text = '';
      for (const byte of bytes) text += String.fromCharCode(byte);
      out.push({ hash, mimeType: row.mimeType, base64: btoa(text) });
    }
    db.close();
    return out;
  }, hashes);
}
