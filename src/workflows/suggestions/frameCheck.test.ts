import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { generateFrame } from '../../ai/frames/generateFrame';
import { newProviderConfig, type ProviderConfig } from '../../ai/settings/providerConfig';
import { ANNA, openAiHarness, type AiHarness } from '../../ai/testKit';
import type { ShotId } from '../../model/ids';
import { StructuredOutputError } from '../pipeline/structured';
import {
  checkFrame,
  frameCheckPrompt,
  frameCheckUsage,
  frameScoreSchema,
  regenerationNotes,
} from './frameCheck';

const KEY = 'sk-check-test-0f4b8d2a6c1e3a59';
const SHOT_1 = 'shot-1' as ShotId;

let fake: FakeProviderServer;
let h: AiHarness;

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  fake.setTextAnswer(null);
  h = await openAiHarness();
  h.session.run('character/update', {
    characterId: ANNA,
    patch: { look: 'grey braid, forties', wardrobe: 'blue scrubs' },
  });
});
afterEach(async () => {
  await h.close();
});

const snapshot = () => h.session.getState().snapshot;
const shot = () => snapshot().shots.find((s) => s.id === SHOT_1)!;
const deps = () => ({ router: h.ai.router, assets: h.assets, session: h.session });

async function addProvider(kind: ProviderConfig['kind'], vendor: string, apiRoot: string) {
  const config = {
    ...newProviderConfig(kind),
    label: `Fake ${kind}`,
    baseUrl: fake.baseUrl(vendor, 'ok', apiRoot),
  };
  await h.ai.saveProvider(config, { set: KEY });
}

/** The shot with a generated frame of its own (a take from the fake OpenAI). */
async function withGeneratedFrame() {
  await addProvider('openai', 'openai', 'v1');
  const { take } = await generateFrame(deps(), SHOT_1);
  if (!take) throw new Error('a take expected');
  fake.reset();
  return take;
}

describe('the frame check', () => {
  test('the prompt holds the shot description and the look and wardrobe of who is in it', () => {
    const prompt = frameCheckPrompt(snapshot(), shot());
    expect(prompt).toContain('Shot 1.');
    expect(prompt).toContain('pushes a cart down the corridor');
    expect(prompt).toContain('- ANNA — look: grey braid, forties; wardrobe: blue scrubs');
    expect(frameCheckUsage(prompt).inputTokens).toBeGreaterThan(1600);
  });

  test('a score outside 1–5 is refused; notes fall back to the mismatches', () => {
    expect(frameScoreSchema.safeParse({ score: 7 }).success).toBe(false);
    const score = frameScoreSchema.parse({ score: '2', mismatches: ['No cart.'] });
    expect(score.score).toBe(2);
    expect(regenerationNotes(score)).toBe('Fix: No cart.');
  });

  test('sends the frame with the shot to a model that reads pictures and reads its score', async () => {
    const take = await withGeneratedFrame();
    const check = await checkFrame(deps(), snapshot(), SHOT_1);
    expect(check).toMatchObject({ frameHash: take.hash, providerLabel: 'Fake openai' });
    expect(check.score).toMatchObject({
      score: 3,
      mismatches: ["ANNA's wardrobe differs from the character sheet."],
    });
    const [sent] = fake.requests();
    expect(sent?.path).toBe('/v1/responses');
    const frame = new Uint8Array(await (await h.assets.get(take.hash))!.arrayBuffer());
    expect(sent?.body).toContain(Buffer.from(frame).toString('base64'));
  });

  test('only text providers whose model reads pictures are asked', async () => {
    const compatible = {
      ...newProviderConfig('openaiCompatible'),
      label: 'Local',
      baseUrl: fake.baseUrl('openai', 'ok', 'v1'),
      model: 'fake-model',
    };
    await h.ai.saveProvider(compatible, { set: KEY });
    expect(await h.ai.canDo('text')).toBe(true);
    expect(await h.ai.canSee()).toBe(false);
    await addProvider('anthropic', 'anthropic', '');
    expect(await h.ai.canSee()).toBe(true);
    const estimate = await h.ai.estimateText(frameCheckUsage('x'), true);
    expect(estimate).toMatchObject({ providerLabel: 'Fake anthropic', model: 'claude-haiku-4-5' });
    expect(estimate!.costUsd).toBeGreaterThan(0);
  });

  test('an answer about no picture is asked again, then shown with its raw text', async () => {
    await withGeneratedFrame();
    const request = h.ai.router.vision.bind(h.ai.router);
    // The same router, but the picture dropped on the way: the fake's model then sees nothing.
    const blind = {
      vision: (r: Parameters<typeof request>[0], o?: Parameters<typeof request>[1]) =>
        request({ ...r, images: [] }, o),
    } as typeof h.ai.router;
    const error = await checkFrame({ router: blind, assets: h.assets }, snapshot(), SHOT_1).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).raw).toBe('I do not see any picture attached.');
    expect(fake.requests()).toHaveLength(2);
  });
});

describe('regenerating with the notes', () => {
  test('makes a new take whose prompt carries the notes; the checked take stays', async () => {
    const first = await withGeneratedFrame();
    const check = await checkFrame(deps(), snapshot(), SHOT_1);
    const { take } = await generateFrame(deps(), SHOT_1, { notes: regenerationNotes(check.score) });
    expect(take?.prompt).toMatch(/Corrections to the previous take: Dress ANNA exactly/);
    expect(shot().takes.map((t) => t.id)).toEqual([first.id, take!.id]);
    expect(shot().frameHash).toBe(take!.hash);
    const image = fake.requests().find((r) => r.path.startsWith('/v1/images'));
    expect(image?.body).toContain('Dress ANNA exactly');
  });

  test('a shot without a frame is not sent anywhere', async () => {
    await addProvider('openai', 'openai', 'v1');
    await expect(checkFrame(deps(), snapshot(), 'shot-3' as ShotId)).rejects.toThrow(
      'The shot has no frame to check.',
    );
    expect(fake.requests()).toHaveLength(0);
  });
});
