import * as Comlink from 'comlink';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { FakeWorker } from '../../tests/helpers/fakeWorker';
import { SEED, SOUND, timelineProject } from '../../tests/helpers/timelineProject';
import { ExportCancelled } from '../export/deliver/assetSource';
import type { ConvertImage } from '../export/deliver/imageSequence';
import { createZipWorkerApi } from '../export/deliver/zipWorkerApi';
import type { WorkerHandle } from '../export/workerJob';
import type { AssetHash } from '../model/ids';
import { makeDeliverable, type DeliverableInput } from './deliverables';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 9]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 7]);

const BLOBS = new Map<AssetHash, Blob>([
  [SEED.drawn, new Blob([PNG], { type: 'image/png' })],
  [SEED.generated, new Blob([JPEG], { type: 'image/jpeg' })],
  [SOUND, new Blob([MP3], { type: 'audio/mpeg' })],
]);

/** The zip worker's own handler in this process; `convert` stands in for the canvas. */
function zipWorkers(convert: ConvertImage = (bytes) => Promise.resolve(bytes)) {
  const made: FakeWorker[] = [];
  const create = (): WorkerHandle => {
    const worker = new FakeWorker(createZipWorkerApi(Comlink.transfer, convert));
    made.push(worker);
    return worker as unknown as WorkerHandle;
  };
  return { made, create };
}

function input(createZipWorker: () => WorkerHandle): DeliverableInput {
  return {
    projectId: 'p',
    snapshot: timelineProject(),
    approvals: new Map(),
    comments: [],
    assets: { get: (hash) => Promise.resolve(BLOBS.get(hash)) },
    createZipWorker,
  };
}

describe('zips are built in a worker', () => {
  test('a timeline package comes back from the worker with its frames and sound, with progress', async () => {
    const workers = zipWorkers();
    const progress: string[] = [];
    const file = await makeDeliverable(
      { kind: 'timeline', format: 'otio', rate: '24' },
      input(workers.create),
      { onProgress: (done, total) => progress.push(`${done}/${total}`) },
    );
    expect(workers.made.map((w) => w.terminated)).toEqual([true]);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(file.fileName).toBe('the-last-birthday-card-otio-24fps.zip');
    const zip = unzipSync(new Uint8Array(await file.blob.arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual([
      'audio/1A-dialogue.mp3',
      'frames/1A.png',
      'frames/1B.jpg',
      'the-last-birthday-card.otio',
    ]);
    expect(zip['audio/1A-dialogue.mp3']).toEqual(MP3);
  });

  test('an image sequence is converted and zipped in the worker', async () => {
    const workers = zipWorkers((bytes) => Promise.resolve(new Uint8Array([...PNG, bytes.length])));
    const file = await makeDeliverable({ kind: 'sequence', format: 'png' }, input(workers.create));
    expect(workers.made).toHaveLength(1);
    const zip = unzipSync(new Uint8Array(await file.blob.arrayBuffer()));
    expect(Object.keys(zip)).toEqual(['0002_1A.png', '0003_1B.png']);
    expect(zip['0003_1B.png']).toEqual(new Uint8Array([...PNG, JPEG.length]));
  });

  test('Cancel terminates the worker mid-export and ends in ExportCancelled', async () => {
    // The converter never finishes: only Cancel ends this export.
    const workers = zipWorkers(() => new Promise(() => undefined));
    const controller = new AbortController();
    const exported = makeDeliverable({ kind: 'sequence', format: 'jpeg' }, input(workers.create), {
      signal: controller.signal,
      onProgress: (done, total) => {
        if (done === total) setTimeout(() => controller.abort(), 10);
      },
    });
    await expect(exported).rejects.toBeInstanceOf(ExportCancelled);
    expect(workers.made.map((w) => w.terminated)).toEqual([true]);
  });
});
