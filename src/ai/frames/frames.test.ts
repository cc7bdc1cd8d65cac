import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import type { AssetHash, ShotId } from '../../model/ids';
import { runOk } from '../../../tests/helpers/commands';
import { sniffImageType } from '../providers/media';
import { newProviderConfig, type ProviderConfig } from '../settings/providerConfig';
import { ANNA, openAiHarness, type AiHarness } from '../testKit';
import { generateFrame } from './generateFrame';
import { buildShotPrompt, promptForShot } from './promptBuilder';
import { pngBytes } from '../../../tests/helpers/mediaBytes';

const KEY = 'sk-frames-test-3e9d5b7c1a2f4e6d';
const SHOT_1 = 'shot-1' as ShotId;
const SHOT_2 = 'shot-2' as ShotId;

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
});
afterEach(async () => {
  await h.close();
});

const deps = () => ({ session: h.session, router: h.ai.router, assets: h.assets });
const shot = (id: ShotId) => h.session.getState().snapshot.shots.find((s) => s.id === id)!;

async function addProvider(
  kind: ProviderConfig['kind'],
  scenario: string,
  label: string,
  model = 'fake-model',
) {
  const config = {
    ...newProviderConfig(kind),
    label,
    baseUrl: fake.baseUrl('openai', scenario, 'v1'),
    model,
  };
  await h.ai.saveProvider(config, { set: KEY });
  return config;
}

describe('prompts', () => {
  test('the built prompt names style, framing, place, time, cast with their bible, and action', () => {
    const snapshot = h.session.getState().snapshot;
    const prompt = buildShotPrompt(
      {
        ...snapshot,
        characters: snapshot.characters.map((c) =>
          c.id === ANNA ? { ...c, look: 'grey braid', wardrobe: 'blue scrubs' } : c,
        ),
      },
      shot(SHOT_1),
    );
    expect(prompt).toMatch(/^Professional film storyboard frame in grey marker/);
    expect(prompt).toContain('Wide shot, eye level camera.');
    expect(prompt).toContain('Interior, hospital corridor, night.');
    expect(prompt).toContain('ANNA (grey braid; blue scrubs)');
    expect(prompt).toContain('Action: ANNA (40s), a tired night nurse');
  });

  test('a prompt the user wrote wins over the built one', () => {
    runOk(h.session, 'shot/update', { shotId: SHOT_1, patch: { prompt: 'My own words' } });
    expect(promptForShot(h.session.getState().snapshot, shot(SHOT_1))).toBe('My own words');
  });
});

describe('generating a frame', () => {
  test('a failing provider falls back to the next; the take is kept and becomes the frame', async () => {
    await addProvider('openaiCompatible', '500', 'Broken');
    await addProvider('openaiCompatible', 'ok', 'Working');
    const outcome = await generateFrame(deps(), SHOT_1);
    expect(outcome.providerLabel).toBe('Working');
    expect(outcome.trouble).toBe('Broken: server ×2');
    const after = shot(SHOT_1);
    expect(after.takes).toHaveLength(1);
    expect(after.takes[0]).toMatchObject({
      providerLabel: 'Working',
      model: 'fake-model',
      providerKind: 'openaiCompatible',
    });
    expect(after.frameSource).toBe('ai');
    expect(after.frameHash).toBe(after.takes[0]!.hash);
    const blob = await h.assets.get(after.frameHash as AssetHash);
    expect(sniffImageType(new Uint8Array(await blob!.arrayBuffer()))).toBe('image/png');
    const log = await h.ai.log.list();
    expect(log.map((r) => `${r.providerLabel}:${r.outcome}`)).toEqual([
      'Broken:server',
      'Broken:server',
      'Working:ok',
    ]);
  });

  test.each(['drawn', 'upload'] as const)(
    'a %s frame is never replaced: the take is kept beside it',
    async (source) => {
      await addProvider('openaiCompatible', 'ok', 'Working');
      const drawn = 'f'.repeat(64) as AssetHash;
      runOk(h.session, 'frame/set', {
        shotId: SHOT_1,
        frame: { hash: drawn, source, signature: '' },
      });
      await generateFrame(deps(), SHOT_1);
      expect(shot(SHOT_1).frameHash).toBe(drawn);
      expect(shot(SHOT_1).takes).toHaveLength(1);
    },
  );

  test('a frame saved from the frame editor is not replaced by generation either', async () => {
    await addProvider('openaiCompatible', 'ok', 'Working');
    const drawn = 'e'.repeat(64) as AssetHash;
    runOk(h.session, 'drawing/saveFrame', {
      shotId: SHOT_1,
      take: {
        id: 'drawn-1',
        hash: drawn,
        providerKind: 'drawing',
        providerLabel: 'Drawn',
        model: '',
        prompt: '',
        createdAt: 1,
        source: 'drawn',
      },
    });
    await generateFrame(deps(), SHOT_1);
    expect(shot(SHOT_1)).toMatchObject({ frameHash: drawn, frameSource: 'drawn' });
    expect(shot(SHOT_1).takes.map((t) => t.source ?? 'ai')).toEqual(['drawn', 'ai']);
  });

  test('when every provider fails the offline sketch answers and no take is added', async () => {
    await addProvider('openaiCompatible', '500', 'Broken');
    const outcome = await generateFrame(deps(), SHOT_1);
    expect(outcome).toMatchObject({ take: null, providerLabel: 'Offline sketch' });
    expect(shot(SHOT_1).takes).toEqual([]);
  });

  test('improving the prompt uses the text provider, and the take records the prompt sent', async () => {
    await addProvider('openaiCompatible', 'ok', 'Working');
    fake.setTextAnswer('A tense wide shot, fluorescent light, long corridor.');
    const outcome = await generateFrame(deps(), SHOT_1, { enhance: true });
    expect(outcome.take?.prompt).toBe('A tense wide shot, fluorescent light, long corridor.');
    const images = fake.requests().find((r) => r.path === '/v1/images/generations');
    expect(images?.body).toContain('fluorescent light');
  });

  test('character sheets go to providers that take references; the others get descriptions', async () => {
    const sheet = await h.assets.put(pngBytes(1), 'image/png');
    runOk(h.session, 'character/setSheet', { characterId: ANNA, hash: sheet });
    await addProvider('openai', 'ok', 'OpenAI', 'gpt-image-1');
    await generateFrame(deps(), SHOT_2);
    const edit = fake.requests().find((r) => r.path === '/v1/images/edits');
    expect(edit?.body).toContain('name="image[]"');
    expect(edit?.body).toContain('character sheet of ANNA');
  });

  test('a cancelled generation adds nothing', async () => {
    await addProvider('openaiCompatible', 'hang', 'Hanging');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      generateFrame(deps(), SHOT_1, { signal: controller.signal }),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(shot(SHOT_1).takes).toEqual([]);
  });
});
