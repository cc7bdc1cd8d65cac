import * as Comlink from 'comlink';
import { createBundleWorkerApi } from '../../src/export/bundle/bundleWorkerApi';
import { createScreenplayWorkerApi } from '../../src/export/screenplayWorkerApi';
import type { WorkerHandle } from '../../src/export/workerJob';
import { FakeWorker } from './fakeWorker';

/**
 * The app's workers with their own handlers, in this process (FakeWorker: a MessageChannel): the
 * client, comlink, transfers and the job code all run as in the browser, only without a thread.
 */
function inProcess(api: object): WorkerHandle {
  return new FakeWorker(api) as unknown as WorkerHandle;
}

export const inProcessScreenplayWorker = () =>
  inProcess(createScreenplayWorkerApi(Comlink.transfer));

export const inProcessBundleWorker = () => inProcess(createBundleWorkerApi(Comlink.transfer));
