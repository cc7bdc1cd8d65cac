import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { createCharacter } from '../../model/character';
import type { CharacterId, ShotId } from '../../model/ids';
import { createShot } from '../../model/shot';
import { newProviderConfig } from '../settings/providerConfig';
import { ANNA, BEN, openAiHarness, sampleProject } from '../testKit';
import { extractBibleByRules } from './extractByRules';
import { extractBibleWithLlm, parseBibleAnswer } from './extractWithLlm';
import { sheetPrompt } from './characterSheet';

let fake: FakeProviderServer;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});

describe('character bible by rules', () => {
  test('age in parentheses, the appositive and the clothes of the introducing paragraph', () => {
    const entries = extractBibleByRules(sampleProject());
    expect(entries.find((e) => e.id === ANNA)).toEqual({
      id: ANNA,
      description: 'a tired night nurse in blue scrubs',
      look: 'in their 40s',
      wardrobe: 'blue scrubs',
    });
    expect(entries.find((e) => e.id === BEN)).toEqual({
      id: BEN,
      description: 'a lanky orderly wearing a grey hoodie',
      look: 'lanky',
      wardrobe: 'a grey hoodie',
    });
  });

  test('a name inside a longer caps name is found, and only where it is in caps', () => {
    const base = sampleProject();
    const steel = createCharacter({ id: 'c-steel' as CharacterId, name: 'STEEL' });
    const snapshot = {
      ...base,
      characters: [steel],
      shots: [
        createShot({
          id: 's1' as ShotId,
          sceneId: base.scenes[0]!.id,
          number: '1',
          action: 'Steel sits. Nothing happens.',
        }),
        createShot({
          id: 's2' as ShotId,
          sceneId: base.scenes[0]!.id,
          number: '1A',
          action:
            'The SCREEN DOOR slides open and DICK STEEL (60), his former partner and fellow retiree, emerges with two cold beers.',
        }),
      ],
    };
    expect(extractBibleByRules(snapshot)).toEqual([
      {
        id: steel.id,
        description: 'his former partner and fellow retiree',
        look: '60 years old',
        wardrobe: '',
      },
    ]);
  });

  test('a character never introduced in caps gets nothing rather than a guess', () => {
    const base = sampleProject();
    expect(extractBibleByRules({ ...base, shots: [] })).toEqual([]);
  });
});

describe('character bible with a text provider', () => {
  test('the answer is parsed even when wrapped in prose or a code fence', () => {
    expect(parseBibleAnswer('Sure!\n```json\n[{"name":"ANNA","look":"tall"}]\n```')).toEqual([
      { name: 'ANNA', description: '', look: 'tall', wardrobe: '' },
    ]);
    expect(() => parseBibleAnswer('I cannot help with that.')).toThrow(/list/);
  });

  test('entries are matched to the project’s characters by name', async () => {
    const h = await openAiHarness();
    try {
      await h.ai.saveProvider(
        {
          ...newProviderConfig('openaiCompatible'),
          baseUrl: fake.baseUrl('openai', 'ok', 'v1'),
          model: 'm',
        },
        'keep',
      );
      fake.setTextAnswer(
        JSON.stringify([
          { name: 'Anna', description: 'Night nurse', look: 'grey braid', wardrobe: 'scrubs' },
          { name: 'NOBODY', description: 'x', look: '', wardrobe: '' },
        ]),
      );
      const entries = await extractBibleWithLlm(h.ai.router, h.session.getState().snapshot);
      expect(entries).toEqual([
        { id: ANNA, description: 'Night nurse', look: 'grey braid', wardrobe: 'scrubs' },
      ]);
      const sent = fake.requests().find((r) => r.path === '/v1/chat/completions');
      expect(sent?.body).toContain('Characters: ANNA, BEN');
      expect(sent?.body).toContain('INT. HOSPITAL CORRIDOR - NIGHT');
    } finally {
      fake.setTextAnswer(null);
      await h.close();
    }
  });

  test('a sheet prompt describes the character and the project style', () => {
    const anna = createCharacter({ id: ANNA, name: 'ANNA', look: 'grey braid' });
    const prompt = sheetPrompt(anna, sampleProject().meta);
    expect(prompt).toContain('ANNA (grey braid)');
    expect(prompt).toContain('grey marker');
  });
});
