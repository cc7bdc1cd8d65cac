import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ShotId } from '../../model/ids';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { fakeVideoJobs } from '../../../tests/fake-provider/video';
import { noisePng } from '../../../tests/helpers/noisePng';
import { runOk } from '../../../tests/helpers/commands';
import { newProviderConfig, type ProviderConfig } from '../settings/providerConfig';
import type { PollPolicy, VideoProgress } from '../router/videoJob';
import { openAiHarness, type AiHarness } from '../testKit';
import { animateShot, motionPromptFor } from './animateShot';

/** "Animate shot" from the still to a clip take on the shot, through the fake's video APIs. */

const SHOT = 'shot-1' as ShotId;
const STILL = new Uint8Array(noisePng(64, 36, 3));
/** The fake finishes on the third poll; tests poll every few milliseconds. */
const FAST: PollPolicy = { firstMs: 5, factor: 1, maxMs: 5, maxWaitMs: 10_000, maxPollFailures: 3 };

let fake: FakeProviderServer;
let h: AiHarness;

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

beforeEach(async () => {
  h = await openAiHarness();
  const hash = await h.assets.put(STILL, 'image/png');
  runOk(h.session, 'frame/set', {
    shotId: SHOT,
    frame: { hash, source: 'upload', signature: '' },
  });
});
afterEach(() => h.close());

async function addProvider(kind: 'fal' | 'gemini', scenario = 'ok') {
  const config: ProviderConfig = {
    ...newProviderConfig(kind),
    label: kind === 'fal' ? 'fal' : 'Veo',
    baseUrl: fake.baseUrl(kind, scenario, kind === 'gemini' ? 'v1beta' : ''),
  };
  await h.ai.saveProvider(config, { set: 'key-video-test' });
  const provider = (await h.ai.videoProviders()).find((p) => p.id === config.id);
  if (!provider) throw new Error('provider not listed for video');
  return provider;
}

const shot = () => h.session.getState().snapshot.shots.find((s) => s.id === SHOT)!;
const deps = () => ({ session: h.session, router: h.ai.router, assets: h.assets });

describe('animating a shot', () => {
  for (const kind of ['fal', 'gemini'] as const) {
    test(`${kind}: the clip becomes a take playing over the still, costed and logged`, async () => {
      const provider = await addProvider(kind);
      const still = shot().frameHash;
      const progress: VideoProgress[] = [];
      const outcome = await animateShot(deps(), SHOT, {
        provider,
        poll: FAST,
        onProgress: (p) => progress.push(p),
      });
      expect(shot().clipHash).toBe(outcome.take.hash);
      expect(shot().frameHash).toBe(still);
      expect(outcome.take).toMatchObject({
        kind: 'video',
        source: 'ai',
        providerLabel: provider.label,
      });
      expect((await h.assets.get(outcome.take.hash))?.type).toBe('video/mp4');
      expect(progress.map((p) => p.stage)).toContain('running');
      expect(progress.at(-1)?.fraction).toBe(1);
      const seconds = provider.adapter.video!.secondsFor(3);
      expect(outcome.take.clipMs).toBe(seconds * 1000);
      expect(outcome.costUsd).toBeCloseTo(h.ai.estimateVideoCostUsd(provider, 3));
      expect(outcome.costUsd).toBeGreaterThan(0);
      const [row] = await h.ai.log.list();
      expect(row).toMatchObject({ capability: 'imageToVideo', outcome: 'ok' });
      // The still went to the provider, with a prompt built from the shot.
      const job = fakeVideoJobs().at(-1)!;
      expect(JSON.stringify(job.body)).toContain(Buffer.from(STILL).toString('base64'));
      expect(outcome.take.prompt).toBe(motionPromptFor(h.session.getState().snapshot, shot()));
    });
  }

  test('a job kept from before a reload is finished without being sent again', async () => {
    const provider = await addProvider('fal');
    const kept: { id: string; prompt: string }[] = [];
    await animateShot(deps(), SHOT, {
      provider,
      poll: FAST,
      onSubmitted: (job, prompt) => kept.push({ id: job.id, prompt }),
    });
    expect(kept).toHaveLength(1);
    // As after a reload: a job the provider took earlier, polled to its end.
    const job = await provider.adapter.video!.submit(
      {
        prompt: 'earlier',
        image: { bytes: STILL, mimeType: 'image/png' },
        aspectRatio: 1,
        seconds: 5,
      },
      { signal: new AbortController().signal, apiKey: 'key-video-test' },
    );
    fake.reset();
    const outcome = await animateShot(deps(), SHOT, {
      provider,
      poll: FAST,
      resume: { job, prompt: 'earlier' },
    });
    expect(fake.requests().filter((r) => r.method === 'POST')).toEqual([]);
    expect(outcome.take.prompt).toBe('earlier');
    expect(shot().clipHash).toBe(outcome.take.hash);
  });

  test('a job the provider fails leaves the shot as it was', async () => {
    const provider = await addProvider('fal', 'videofail');
    await expect(animateShot(deps(), SHOT, { provider, poll: FAST })).rejects.toMatchObject({
      kind: 'badRequest',
    });
    expect(shot().clipHash).toBeNull();
    expect(shot().takes).toEqual([]);
  });

  test('cancel stops the job at fal.ai and writes nothing', async () => {
    const provider = await addProvider('fal', 'running');
    const controller = new AbortController();
    const done = animateShot(deps(), SHOT, {
      provider,
      poll: FAST,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'running') controller.abort();
      },
    });
    await expect(done).rejects.toMatchObject({ kind: 'cancelled' });
    expect(fake.requests().some((r) => r.method === 'PUT' && r.path.endsWith('/cancel'))).toBe(
      true,
    );
    expect(shot().takes).toEqual([]);
  });
});
