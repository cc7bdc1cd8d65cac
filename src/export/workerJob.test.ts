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

  test('a job that reports progress is bounded per step, not as a whole', async () => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const worker = new FakeWorker({
      echo: async (text: string): Promise<string> => {
        await pause(400);
        return text;
      },
    } satisfies EchoApi);
    workers.push(worker);
    const steady = runWorkerJob<EchoApi, string>({
      worker: worker as unknown as WorkerHandle,
      who: 'The echo',
      timeMs: 150,
      onTimeout: () => 'timed out',
      call: async (remote, _live, rearm) => {
        // Four steps of 100 ms, each rearming a 150 ms watchdog: 400 ms in all.
        for (let step = 0; step < 4; step++) {
          rearm(150);
          await pause(100);
        }
        return remote.echo('done');
      },
    });
    // The last step (the echo, 400 ms) overruns its 150 ms.
    await expect(steady.promise).resolves.toBe('timed out');
    expect(worker.terminated).toBe(true);

    const second = new FakeWorker({ echo: async (text: string) => text } satisfies EchoApi);
    workers.push(second);
    const rearmed = runWorkerJob<EchoApi, string>({
      worker: second as unknown as WorkerHandle,
      who: 'The echo',
      timeMs: 150,
      onTimeout: () => 'timed out',
      call: async (remote, _live, rearm) => {
        for (let step = 0; step < 4; step++) {
          rearm(150);
          await pause(100);
        }
        return remote.echo('done');
      },
    });
    await expect(rearmed.promise).resolves.toBe('done');
  });
});
