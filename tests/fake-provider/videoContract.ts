import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ProviderError } from '../../src/ai/providers/errors';
import type {
  CallContext,
  ProviderAdapter,
  VideoJobs,
  VideoRequest,
} from '../../src/ai/providers/types';
import { sniffMedia } from '../../src/model/mediaType';
import { fakePng } from './png';
import { startFakeProvider, type FakeProviderServer } from './server';

/**
 * The suite every image-to-video adapter passes against the fake's long-running endpoints:
 * submit, poll to done, fetch a real clip; a failed job is a ProviderError of the right kind;
 * cancel reaches the provider where its API has a way; the key stays in its header.
 */
export interface VideoContractSetup {
  readonly name: string;
  readonly vendor: string;
  readonly apiRoot: string;
  readonly key: string;
  readonly create: (baseUrl: string) => ProviderAdapter;
  /** The request that cancels a running job, or null where the API has none (Veo). */
  readonly cancel: { readonly method: string; readonly path: RegExp } | null;
}

/** Between polls: long enough for the fake's timed jobs (ComfyUI), short for tests. */
const POLL_GAP_MS = 40;
const pause = () => new Promise((r) => setTimeout(r, POLL_GAP_MS));

export const VIDEO_REQUEST: VideoRequest = {
  prompt: 'The kettle starts to steam',
  image: { bytes: new Uint8Array(fakePng('still of a kitchen', 16, 9)), mimeType: 'image/png' },
  aspectRatio: 16 / 9,
  seconds: 3,
};

/** Submit, poll until done (the fake finishes on the third poll), fetch. */
export async function videoToEnd(jobs: VideoJobs, ctx: CallContext, maxPolls = 20) {
  const job = await jobs.submit(VIDEO_REQUEST, ctx);
  for (let i = 0; i < maxPolls; i++) {
    const status = await jobs.status(job, ctx);
    if (status.state === 'done') return jobs.result(job, ctx);
    await pause();
  }
  throw new Error('the job never finished');
}

export function runVideoContract(setup: VideoContractSetup): void {
  describe(`${setup.name} image-to-video contract`, () => {
    let fake: FakeProviderServer;
    const jobsFor = (scenario = 'ok') => {
      const jobs = setup.create(fake.baseUrl(setup.vendor, scenario, setup.apiRoot)).video;
      if (!jobs) throw new Error('no video jobs');
      return jobs;
    };
    const ctx = (signal = new AbortController().signal): CallContext => ({
      signal,
      apiKey: setup.key,
    });

    beforeAll(async () => {
      fake = await startFakeProvider();
    });
    afterAll(async () => {
      await fake.close();
    });
    beforeEach(() => fake.reset());

    test('submit, poll and complete: the clip arrives as MP4 bytes with its length as usage', async () => {
      const jobs = jobsFor();
      const job = await jobs.submit(VIDEO_REQUEST, ctx());
      const states: string[] = [];
      for (let i = 0; i < 20; i++) {
        const status = await jobs.status(job, ctx());
        states.push(status.state);
        if (status.state === 'done') break;
        await pause();
      }
      expect(states.at(-1)).toBe('done');
      expect(states.length).toBeGreaterThan(1);
      const result = await jobs.result(job, ctx());
      expect(sniffMedia(result.bytes)?.kind).toBe('video');
      expect(result.mimeType).toBe('video/mp4');
      expect(result.usage.videoSeconds).toBe(jobs.secondsFor(VIDEO_REQUEST.seconds));
      expect(result.usage.videoSeconds).toBeGreaterThan(0);
      // The still travels with the job: base64 in JSON, or uploaded as a file.
      const still = Buffer.from(VIDEO_REQUEST.image.bytes);
      const posts = fake.requests().filter((r) => r.method === 'POST');
      expect(
        posts.some(
          (r) =>
            r.body.includes(still.toString('base64')) || r.body.includes(still.toString('latin1')),
        ),
      ).toBe(true);
    });

    test('the key travels only in its header, never in a URL', async () => {
      await videoToEnd(jobsFor(), ctx());
      for (const request of fake.requests()) {
        expect(request.path + request.query).not.toContain(setup.key);
        expect(request.body).not.toContain(setup.key);
      }
      // The clip on a media host is fetched without the key.
      for (const request of fake.requests().filter((r) => r.vendor === 'files'))
        expect(request.headers.authorization).toBeUndefined();
    });

    test('a job that fails at the provider is a refused request with its words', async () => {
      const error = await videoToEnd(jobsFor('videofail'), ctx()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('badRequest');
      expect((error as ProviderError).message.length).toBeGreaterThan(10);
    });

    test('a refused key fails the submit as auth, without repeating the key', async () => {
      const error = await jobsFor('401')
        .submit(VIDEO_REQUEST, ctx())
        .catch((e: unknown) => e);
      expect((error as ProviderError).kind).toBe('auth');
      expect((error as ProviderError).message).not.toContain(setup.key);
    });

    test('cancel tells the provider where its API allows it', async () => {
      const jobs = jobsFor('running');
      const job = await jobs.submit(VIDEO_REQUEST, ctx());
      expect((await jobs.status(job, ctx())).state).not.toBe('done');
      const expected = setup.cancel;
      if (expected === null) {
        expect(jobs.cancel).toBeNull();
        return;
      }
      await jobs.cancel!(job, ctx());
      const cancels = fake
        .requests()
        .filter((r) => r.method === expected.method && expected.path.test(r.path));
      expect(cancels).toHaveLength(1);
    });
  });
}
