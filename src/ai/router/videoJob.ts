import { asProviderError, ProviderError, RETRYABLE_KINDS } from '../providers/errors';
import type {
  CallContext,
  MediaResult,
  VideoJobRef,
  VideoJobs,
  VideoRequest,
} from '../providers/types';
import { abortableSleep, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

/**
 * One long-running image-to-video job, start to clip: submit once, poll with a growing interval,
 * report progress, fetch the clip. Transient failures of a poll are retried with backoff (the job
 * is still running at the provider: submitting again would pay twice); a submit is retried only
 * when the provider said "too many requests" (it did not take the job). Cancelling, and giving
 * up after `maxWaitMs`, tell the provider to stop where its API allows. Plain async code, no
 * React, no store: the router calls it with the key, and tests call it with a fake clock.
 */

export type VideoStage = 'submitting' | 'queued' | 'running' | 'downloading';

export interface VideoProgress {
  readonly stage: VideoStage;
  /** 0…1. Estimated from the provider's typical time when its API reports none. */
  readonly fraction: number;
  /** Place in the provider's queue, when it says. */
  readonly position: number | null;
  readonly elapsedMs: number;
}

export interface PollPolicy {
  readonly firstMs: number;
  readonly factor: number;
  readonly maxMs: number;
  /** The whole job, submit to clip; past this it is cancelled and fails as a timeout. */
  readonly maxWaitMs: number;
  /** Polls in a row that may fail (network, 5xx, 429) before the job is given up. */
  readonly maxPollFailures: number;
}

/** Google suggests polling Veo every 10 s; fal's queue answers status calls cheaply. */
export const DEFAULT_POLL: PollPolicy = {
  firstMs: 1000,
  factor: 1.5,
  maxMs: 10_000,
  maxWaitMs: 30 * 60_000,
  maxPollFailures: 5,
};

/** How long the "please stop" call may take after a cancel: the person is not kept waiting. */
const CANCEL_CALL_TIMEOUT_MS = 5000;
/** A submit refused with 429 is tried this often in all. */
const SUBMIT_ATTEMPTS = 3;

export interface VideoJobOptions {
  readonly jobs: VideoJobs;
  readonly apiKey: string | null;
  /** Each HTTP call (submit, one poll, the download) gets this long. */
  readonly callTimeoutMs: number;
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: VideoProgress) => void;
  /** The provider took the job: keep it to resume polling after a reload (`resume`). */
  readonly onSubmitted?: (job: VideoJobRef) => void;
  /** A job submitted earlier (before a reload): poll it instead of submitting again. */
  readonly resume?: VideoJobRef;
  readonly poll?: PollPolicy;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

function cancelledError(): ProviderError {
  return new ProviderError('cancelled', 'The call was stopped.');
}

/** Estimated share done after `elapsed` of a job that typically takes `typical`. */
export function estimatedFraction(elapsedMs: number, typicalMs: number): number {
  return 0.05 + 0.9 * (1 - Math.exp(-elapsedMs / Math.max(1, typicalMs)));
}

export async function runVideoJob(
  request: VideoRequest,
  options: VideoJobOptions,
): Promise<{ result: MediaResult; job: VideoJobRef }> {
  const { jobs, signal } = options;
  const policy = options.poll ?? DEFAULT_POLL;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const started = now();
  const report = (stage: VideoStage, fraction: number, position: number | null = null) =>
    options.onProgress?.({ stage, fraction, position, elapsedMs: now() - started });

  /** One call with its own timeout, stopped at once by the job's signal. */
  const call = async <T>(
    fn: (ctx: CallContext) => Promise<T>,
    timeoutMs: number,
    outer = signal,
  ) => {
    const controller = new AbortController();
    const stop = () => controller.abort(cancelledError());
    outer.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(
      () =>
        controller.abort(
          new ProviderError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`),
        ),
      timeoutMs,
    );
    try {
      if (outer.aborted) throw cancelledError();
      return await fn({ signal: controller.signal, apiKey: options.apiKey });
    } catch (error) {
      throw outer.aborted ? cancelledError() : asProviderError(error);
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', stop);
    }
  };
  const pause = (ms: number) => sleep(ms, signal).catch(() => Promise.reject(cancelledError()));

  report('submitting', 0);
  let job: VideoJobRef | null = options.resume ?? null;
  for (let attempt = 0; job === null; attempt++) {
    try {
      job = await call((ctx) => jobs.submit(request, ctx), options.callTimeoutMs);
    } catch (error) {
      const failure = asProviderError(error);
      if (failure.kind !== 'rateLimit' || attempt + 1 >= SUBMIT_ATTEMPTS) throw failure;
      await pause(failure.retryAfterMs ?? backoffDelayMs(attempt, random, DEFAULT_BACKOFF));
    }
  }
  if (!options.resume) options.onSubmitted?.(job);
  const submitted: VideoJobRef = job;

  /** Tell the provider to stop (best effort, never longer than a few seconds), then fail. */
  const stopAt = async (reason: ProviderError): Promise<never> => {
    if (jobs.cancel) {
      const cancel = jobs.cancel;
      await call(
        (ctx) => cancel(submitted, ctx),
        CANCEL_CALL_TIMEOUT_MS,
        new AbortController().signal,
      ).catch(() => undefined);
    }
    throw reason;
  };

  try {
    let interval = policy.firstMs;
    let failures = 0;
    for (;;) {
      await pause(interval);
      interval = Math.min(policy.maxMs, interval * policy.factor);
      if (now() - started > policy.maxWaitMs) {
        const minutes = Math.round(policy.maxWaitMs / 60_000);
        return await stopAt(
          new ProviderError('timeout', `The clip was not ready after ${minutes} minutes.`),
        );
      }
      let status;
      try {
        status = await call((ctx) => jobs.status(submitted, ctx), options.callTimeoutMs);
        failures = 0;
      } catch (error) {
        const failure = asProviderError(error);
        if (!RETRYABLE_KINDS.has(failure.kind) || ++failures >= policy.maxPollFailures)
          throw failure;
        if (failure.retryAfterMs !== null) interval = Math.max(interval, failure.retryAfterMs);
        continue;
      }
      if (status.state === 'done') break;
      const elapsed = now() - started;
      if (status.state === 'queued') report('queued', 0.02, status.position);
      else report('running', status.fraction ?? estimatedFraction(elapsed, jobs.typicalMs));
    }
    report('downloading', 0.97);
    let result: MediaResult | null = null;
    for (let attempt = 0; result === null; attempt++) {
      try {
        result = await call((ctx) => jobs.result(submitted, ctx), options.callTimeoutMs);
      } catch (error) {
        const failure = asProviderError(error);
        if (!RETRYABLE_KINDS.has(failure.kind) || attempt + 1 >= DEFAULT_BACKOFF.maxAttempts)
          throw failure;
        await pause(failure.retryAfterMs ?? backoffDelayMs(attempt, random, DEFAULT_BACKOFF));
      }
    }
    report('downloading', 1);
    return { result, job: submitted };
  } catch (error) {
    const failure = asProviderError(error);
    if (failure.kind === 'cancelled' || signal.aborted) return stopAt(cancelledError());
    throw failure;
  }
}
