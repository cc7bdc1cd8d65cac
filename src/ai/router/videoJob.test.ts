import { describe, expect, test } from 'vitest';
import type { CallRow } from '../../store/aiTables';
import { ProviderError, type ErrorKind } from '../providers/errors';
import {
  NO_USAGE,
  type ProviderAdapter,
  type VideoJobStatus,
  type VideoJobs,
  type VideoRequest,
} from '../providers/types';
import { AiRouter, type RouterProvider } from './router';
import { runVideoJob, type PollPolicy, type VideoProgress } from './videoJob';

const MP4 = new Uint8Array([0, 0, 0, 16, 0x66, 0x74, 0x79, 0x70]);
const REQUEST: VideoRequest = {
  prompt: 'steam rises',
  image: { bytes: new Uint8Array([1]), mimeType: 'image/png' },
  aspectRatio: 16 / 9,
  seconds: 4,
};
const POLL: PollPolicy = {
  firstMs: 1000,
  factor: 2,
  maxMs: 4000,
  maxWaitMs: 60_000,
  maxPollFailures: 3,
};

type Poll = VideoJobStatus | ErrorKind;

/** Video jobs that play a script of poll answers; records every call. */
function scriptedJobs(polls: readonly Poll[], submits: readonly ('ok' | ErrorKind)[] = ['ok']) {
  const calls: string[] = [];
  let submitted = 0;
  let polled = 0;
  const jobs: VideoJobs = {
    secondsFor: (s) => Math.round(s),
    typicalMs: 10_000,
    async submit() {
      const step = submits[Math.min(submitted++, submits.length - 1)] ?? 'ok';
      calls.push(`submit:${step}`);
      if (step !== 'ok')
        throw new ProviderError(step, `submit ${step}`, null, step === 'rateLimit' ? 10 : null);
      return { id: 'op1', data: { seconds: '4' } };
    },
    async status() {
      const step = polls[Math.min(polled++, polls.length - 1)] ?? { state: 'done' };
      calls.push(`status:${typeof step === 'string' ? step : step.state}`);
      if (typeof step === 'string') throw new ProviderError(step, `poll ${step}`);
      return step;
    },
    async result() {
      calls.push('result');
      return { bytes: MP4, mimeType: 'video/mp4', usage: { ...NO_USAGE, videoSeconds: 4 } };
    },
    async cancel() {
      calls.push('cancel');
    },
  };
  return { jobs, calls };
}

/** A clock that moves only when the job sleeps; every sleep is recorded. */
function fakeClock(onSleep: (ms: number) => void = () => undefined) {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number, signal: AbortSignal) => {
      sleeps.push(ms);
      t += ms;
      onSleep(ms);
      await Promise.resolve();
      if (signal.aborted) throw signal.reason;
    },
  };
}

const run = (jobs: VideoJobs, clock: ReturnType<typeof fakeClock>, more = {}) => {
  const progress: VideoProgress[] = [];
  const promise = runVideoJob(REQUEST, {
    jobs,
    apiKey: 'k',
    callTimeoutMs: 5000,
    signal: new AbortController().signal,
    poll: POLL,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    onProgress: (p) => progress.push(p),
    ...more,
  });
  return { promise, progress };
};

describe('an image-to-video job', () => {
  test('polls with a growing interval until done, reports progress, then fetches the clip', async () => {
    const { jobs, calls } = scriptedJobs([
      { state: 'queued', position: 2 },
      { state: 'running', fraction: null },
      { state: 'running', fraction: 0.5 },
      { state: 'running', fraction: null },
      { state: 'done' },
    ]);
    const clock = fakeClock();
    const { promise, progress } = run(jobs, clock);
    const { result, job } = await promise;
    expect(result.mimeType).toBe('video/mp4');
    expect(job.id).toBe('op1');
    expect(calls).toEqual([
      'submit:ok',
      'status:queued',
      'status:running',
      'status:running',
      'status:running',
      'status:done',
      'result',
    ]);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(progress.map((p) => p.stage)).toEqual([
      'submitting',
      'queued',
      'running',
      'running',
      'running',
      'downloading',
      'downloading',
    ]);
    expect(progress[1]?.position).toBe(2);
    expect(progress[3]?.fraction).toBe(0.5);
    // Without a figure from the provider, the estimate grows and stays below done.
    const estimated = [progress[2]!.fraction, progress[4]!.fraction];
    expect(estimated[1]).toBeGreaterThan(estimated[0]!);
    expect(estimated[1]).toBeLessThan(0.97);
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  test('a poll that fails for a moment is polled again; the job is not submitted twice', async () => {
    const { jobs, calls } = scriptedJobs(['server', 'network', { state: 'done' }]);
    await run(jobs, fakeClock()).promise;
    expect(calls.filter((c) => c.startsWith('submit'))).toHaveLength(1);
    expect(calls).toContain('result');
  });

  test('polls failing over and over give up with the last failure', async () => {
    const { jobs } = scriptedJobs(['server']);
    await expect(run(jobs, fakeClock()).promise).rejects.toMatchObject({ kind: 'server' });
  });

  test('a job kept from before a reload is polled, never submitted again', async () => {
    const { jobs, calls } = scriptedJobs([{ state: 'running', fraction: null }, { state: 'done' }]);
    const submitted: string[] = [];
    const { result } = await run(jobs, fakeClock(), {
      resume: { id: 'op-before-reload', data: { seconds: '4' } },
      onSubmitted: (job: { id: string }) => submitted.push(job.id),
    }).promise;
    expect(result.mimeType).toBe('video/mp4');
    expect(calls.filter((c) => c.startsWith('submit'))).toEqual([]);
    expect(submitted).toEqual([]);
  });

  test('a job the provider failed is reported at once, not polled again', async () => {
    const { jobs, calls } = scriptedJobs(['badRequest']);
    await expect(run(jobs, fakeClock()).promise).rejects.toMatchObject({ kind: 'badRequest' });
    expect(calls.filter((c) => c.startsWith('status'))).toHaveLength(1);
  });

  test('a submit refused as "too many requests" is tried again; a server error is not (it may have been taken)', async () => {
    const limited = scriptedJobs([{ state: 'done' }], ['rateLimit', 'ok']);
    await run(limited.jobs, fakeClock()).promise;
    expect(limited.calls.slice(0, 2)).toEqual(['submit:rateLimit', 'submit:ok']);
    const broken = scriptedJobs([{ state: 'done' }], ['server', 'ok']);
    await expect(run(broken.jobs, fakeClock()).promise).rejects.toMatchObject({ kind: 'server' });
    expect(broken.calls).toEqual(['submit:server']);
  });

  test('cancel stops polling, tells the provider, and fails as cancelled', async () => {
    const controller = new AbortController();
    const { jobs, calls } = scriptedJobs([{ state: 'running', fraction: null }]);
    let sleeps = 0;
    const clock = fakeClock(() => {
      if (++sleeps === 3) controller.abort();
    });
    await expect(run(jobs, clock, { signal: controller.signal }).promise).rejects.toMatchObject({
      kind: 'cancelled',
    });
    expect(calls.at(-1)).toBe('cancel');
    expect(calls).not.toContain('result');
  });

  test('a provider that cannot cancel is left alone on cancel', async () => {
    const controller = new AbortController();
    const { jobs, calls } = scriptedJobs([{ state: 'running', fraction: null }]);
    const clock = fakeClock(() => controller.abort());
    await expect(
      run({ ...jobs, cancel: null }, clock, { signal: controller.signal }).promise,
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(calls).toEqual(['submit:ok']);
  });

  test('a job not done in the time allowed is cancelled at the provider and times out', async () => {
    const { jobs, calls } = scriptedJobs([{ state: 'running', fraction: null }]);
    await expect(
      run(jobs, fakeClock(), { poll: { ...POLL, maxWaitMs: 10_000 } }).promise,
    ).rejects.toMatchObject({ kind: 'timeout' });
    expect(calls.at(-1)).toBe('cancel');
  });
});

describe('the router runs a video job at the chosen provider', () => {
  const adapterWith = (jobs: VideoJobs): ProviderAdapter => ({
    kind: 'fal',
    capabilities: new Set(['imageToVideo']),
    modelFor: () => 'kling',
    video: jobs,
    testConnection: async () => 'ok',
  });
  const provider = (jobs: VideoJobs): RouterProvider => ({
    id: 'fal-1',
    label: 'fal.ai',
    adapter: adapterWith(jobs),
    timeoutMs: 5000,
    maxConcurrent: 1,
    keyRequired: true,
  });
  const routerWith = (rows: Omit<CallRow, 'id'>[], key: string | null = 'fal-key-123456') => {
    const clock = fakeClock();
    return new AiRouter({
      chain: async () => [],
      keyFor: async () => key,
      log: async (row) => {
        rows.push(row);
      },
      costOf: (_kind, _model, usage) => (usage.videoSeconds ?? 0) * 0.05,
      now: clock.now,
      sleep: clock.sleep,
    });
  };

  test('the clip comes back with its cost, logged once for the whole job', async () => {
    const rows: Omit<CallRow, 'id'>[] = [];
    const { jobs } = scriptedJobs([{ state: 'running', fraction: null }, { state: 'done' }]);
    const routed = await routerWith(rows).imageToVideo(provider(jobs), REQUEST, { poll: POLL });
    expect(routed.costUsd).toBeCloseTo(0.2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ capability: 'imageToVideo', outcome: 'ok', model: 'kling' });
    expect(rows[0]?.costUsd).toBeCloseTo(0.2);
  });

  test('without a saved key nothing is submitted', async () => {
    const rows: Omit<CallRow, 'id'>[] = [];
    const { jobs, calls } = scriptedJobs([{ state: 'done' }]);
    await expect(
      routerWith(rows, null).imageToVideo(provider(jobs), REQUEST, { poll: POLL }),
    ).rejects.toMatchObject({ kind: 'auth' });
    expect(calls).toEqual([]);
  });

  test('a failed job is logged at no cost, its message without the key', async () => {
    const rows: Omit<CallRow, 'id'>[] = [];
    const { jobs } = scriptedJobs([], ['auth']);
    const failing: VideoJobs = {
      ...jobs,
      submit: async () => {
        throw new ProviderError('auth', 'Key fal-key-123456 is wrong');
      },
    };
    const error = await routerWith(rows)
      .imageToVideo(provider(failing), REQUEST, { poll: POLL })
      .then(
        () => null,
        (e: unknown) => e as ProviderError,
      );
    expect(error?.message).not.toContain('fal-key-123456');
    expect(rows[0]).toMatchObject({ outcome: 'auth', costUsd: 0 });
  });
});
