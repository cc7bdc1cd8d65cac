import * as Comlink from 'comlink';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { FakeWorker } from '../../../tests/helpers/fakeWorker';
import { projectWithFrames } from '../../../tests/helpers/projectWithFrames';
import { createAssetStore, openDb } from '../../store';
import { ImportCancelledError, type WorkerHandle } from '../workerJob';
import { startBackupWrite, startBundleWrite } from './bundleClient';
import { createBundleWorkerApi } from './bundleWorkerApi';
import { bundleSource } from './exportBundle';
import { readBundle } from './readBundle';

let count = 0;

function inProcess(api: object = createBundleWorkerApi(Comlink.transfer)) {
  const worker = new FakeWorker(api);
  return { worker, createWorker: () => worker as unknown as WorkerHandle };
}

async function stored(titles: readonly string[]) {
  const db = openDb(`bundle-write-${++count}`);
  const store = createAssetStore(db);
  const ids = [];
  for (const [i, title] of titles.entries())
    ids.push((await projectWithFrames(db, { title, frames: 2, seed: i + 1 })).id);
  return { db, store, ids };
}

describe('writing bundles in the bundle worker', () => {
  test('a bundle written in the worker reads back whole; a missing image is counted', async () => {
    const { db, store, ids } = await stored(['Night Shift']);
    const source = await bundleSource(db, store, ids[0]!);
    const [dropped] = Object.keys(source.media);
    const media = Object.fromEntries(Object.entries(source.media).filter(([h]) => h !== dropped));
    const { worker, createWorker } = inProcess();
    const written = await startBundleWrite({ ...source, media }, 'test-build', { createWorker })
      .promise;
    if (!written.ok) throw new Error(written.error);
    expect(worker.terminated).toBe(true);
    expect(written.value.fileName).toBe('night-shift.frameline');
    expect(written.value.missingAssets).toBe(1);
    const read = await readBundle(written.value.bytes, 'b');
    if (!read.ok) throw new Error(read.error);
    expect(read.bundle.assets).toHaveLength(Object.keys(media).length);
  });

  test('a backup zips every project in the worker, with progress by project', async () => {
    const { db, store, ids } = await stored(['One', 'Two']);
    const sources = await Promise.all(ids.map((id) => bundleSource(db, store, id)));
    const progress: string[] = [];
    const { worker, createWorker } = inProcess();
    const written = await startBackupWrite(sources, 'test-build', {
      createWorker,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    }).promise;
    if (!written.ok) throw new Error(written.error);
    expect(worker.terminated).toBe(true);
    expect(progress).toEqual(['1/2', '2/2']);
    const names = Object.keys(unzipSync(written.value)).sort();
    expect(names).toEqual([
      `one-${ids[0]!.slice(0, 8)}.frameline`,
      `two-${ids[1]!.slice(0, 8)}.frameline`,
    ]);
  });

  test('Cancel stops a backup at once', async () => {
    const { db, store, ids } = await stored(['Slow']);
    const { worker, createWorker } = inProcess({ writeBackup: () => new Promise(() => {}) });
    const job = startBackupWrite([await bundleSource(db, store, ids[0]!)], 'b', { createWorker });
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(ImportCancelledError);
    expect(worker.terminated).toBe(true);
  });
});
