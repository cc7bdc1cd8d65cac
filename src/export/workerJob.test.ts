import { afterEach, describe, expect, test } from 'vitest';
import { collectGarbage } from '../../tests/helpers/collectGarbage';
import { FakeWorker } from '../../tests/helpers/fakeWorker';
import { runWorkerJob, type WorkerHandle } from './workerJob';

interface EchoApi {
  echo(text: string): Promise<string>;
}

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
});

describe('a worker job', () => {
  test('still gets its answer when garbage is collected while the worker works', async () => {
    const worker = new FakeWorker({
      echo: async (text: string): Promise<string> => {
        await collectGarbage();
        return text.toUpperCase();
      },
    } satisfies EchoApi);
    workers.push(worker);
    const job = runWorkerJob<EchoApi, string>({
      worker: worker as unknown as WorkerHandle,
      who: 'The echo',
      timeMs: 5_000,
      onTimeout: () => 'timed out',
      call: (remote) => remote.echo('scene one'),
    });
    await expect(job.promise).resolves.toBe('SCENE ONE');
    expect(worker.terminated).toBe(true);
  });
});
