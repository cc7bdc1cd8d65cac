import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { newProviderConfig } from '../../ai/settings/providerConfig';
import { openAiHarness, SCENE_1, type AiHarness } from '../../ai/testKit';
import type { ShotId } from '../../model/ids';
import { shotsOfScene } from '../../model/project';
import { ms } from '../../model/units';
import { StructuredOutputError } from '../pipeline/structured';
import { applySuggestion, reviewScene } from './applySuggestion';
import {
  buildSuggestions,
  changedSince,
  freshness,
  reviewRequest,
  sceneReviewSchema,
  SHOTS_HEADER,
  type SuggestionItem,
} from './sceneReview';

const KEY = 'sk-review-test-5d1e9a0b7c3f2e48';
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

const snapshot = () => h.session.getState().snapshot;
const shot = (id: ShotId) => snapshot().shots.find((s) => s.id === id);
const scene1 = () => snapshot().scenes.find((s) => s.id === SCENE_1)!;

function itemsFor(review: unknown): SuggestionItem[] {
  return buildSuggestions(sceneReviewSchema.parse(review), snapshot(), SCENE_1);
}

const REVIEW = {
  summary: 'Tighter.',
  changes: [
    { shot: '1', shotType: 'medium shot', seconds: 2, reason: 'Come in sooner.' },
    { shot: '1A', shotType: 'CU', reason: 'Already a close-up: nothing to change.' },
  ],
  inserts: [
    { after: '1', shotType: 'INSERT', seconds: 1.5, action: 'The cart.', reason: 'See it.' },
  ],
  omits: [{ shot: '1A', reason: 'Repeats shot 1.' }],
};

describe('the review answer', () => {
  test('takes shot types and moves as codes or words, and shot numbers as numbers', () => {
    const review = sceneReviewSchema.parse({
      changes: [{ shot: 3, shotType: 'Close up', cameraMove: 'Dolly', reason: 'Closer.' }],
    });
    expect(review.changes[0]).toMatchObject({ shot: '3', shotType: 'CU', cameraMove: 'dolly' });
    expect(review.inserts).toEqual([]);
    expect(review.omits).toEqual([]);
  });

  test('refuses a suggestion without a reason and a shot type it does not know', () => {
    expect(sceneReviewSchema.safeParse({ omits: [{ shot: '1', reason: ' ' }] }).success).toBe(
      false,
    );
    expect(
      sceneReviewSchema.safeParse({ changes: [{ shot: '1', shotType: 'macro', reason: 'x' }] })
        .success,
    ).toBe(false);
  });

  test('the request lists the scene’s shots with type, camera, seconds, action and dialogue', () => {
    h.session.run('shot/update', {
      shotId: SHOT_2,
      patch: { dialogue: [{ speaker: 'BEN', line: 'Room four.', parenthetical: 'whispering' }] },
    });
    const request = reviewRequest(snapshot(), scene1());
    const listed = JSON.parse(request.prompt.split(SHOTS_HEADER)[1]!) as unknown[];
    expect(listed).toEqual([
      expect.objectContaining({ shot: '1', type: 'WS', camera: 'static', seconds: 3 }),
      expect.objectContaining({ shot: '1A', dialogue: ['BEN (whispering): Room four.'] }),
    ]);
    expect(request.prompt).toContain('INT. HOSPITAL CORRIDOR - NIGHT');
  });
});

describe('suggestions as a diff', () => {
  test('each field change shows old → new in words; changes to nothing are left out', () => {
    const items = itemsFor(REVIEW);
    expect(items.map((i) => i.kind)).toEqual(['change', 'insert', 'omit']);
    const change = items[0]!;
    if (change.kind !== 'change') throw new Error('change expected');
    expect(change.fields).toEqual([
      { field: 'shotType', label: 'Shot type', from: 'Wide shot', to: 'Medium shot' },
      { field: 'durationMs', label: 'Duration', from: '3 s', to: '2 s' },
    ]);
    expect(change.patch).toEqual({ shotType: 'MS', durationMs: ms(2000) });
  });

  test('a suggestion naming a shot the scene does not have is shown, never applied', () => {
    const items = itemsFor({ omits: [{ shot: '9Z', reason: 'Gone.' }] });
    expect(items).toEqual([expect.objectContaining({ kind: 'unknownShot', shotNumber: '9Z' })]);
    expect(freshness(items[0]!, snapshot())).toBe('gone');
    expect(applySuggestion(h.session, items[0]!)).toEqual({
      ok: false,
      why: 'Its shot is no longer in the scene.',
    });
  });
});

describe('applying', () => {
  test('one item is one undo step, even right after typing in the same field', () => {
    h.session.run('shot/update', { shotId: SHOT_1, patch: { action: 'Typed.' } });
    const [change] = itemsFor({
      changes: [{ shot: '1', action: 'Anna stops the cart.', reason: 'Clearer.' }],
    });
    expect(applySuggestion(h.session, change!).ok).toBe(true);
    expect(shot(SHOT_1)?.action).toBe('Anna stops the cart.');
    h.session.undo();
    expect(shot(SHOT_1)?.action).toBe('Typed.');
  });

  test('an insert goes right after its shot, an omit marks the shot OMITTED; each undoes alone', () => {
    const [, insert, omit] = itemsFor(REVIEW);
    expect(applySuggestion(h.session, insert!).ok).toBe(true);
    const order = shotsOfScene(snapshot(), SCENE_1);
    expect(order.map((s) => s.shotType)).toEqual(['WS', 'INSERT', 'CU']);
    expect(order[1]).toMatchObject({ action: 'The cart.', durationMs: 1500 });
    expect(applySuggestion(h.session, omit!).ok).toBe(true);
    expect(shot(SHOT_2)?.omitted).toBe(true);
    h.session.undo();
    expect(shot(SHOT_2)?.omitted).toBe(false);
    expect(shotsOfScene(snapshot(), SCENE_1)).toHaveLength(3);
    h.session.undo();
    expect(shotsOfScene(snapshot(), SCENE_1)).toHaveLength(2);
  });

  test('two new shots after one shot keep the review’s order', () => {
    const items = itemsFor({
      inserts: [
        { after: '1', shotType: 'CU', seconds: 1, action: 'First.', reason: 'a' },
        { after: '1', shotType: 'ECU', seconds: 1, action: 'Second.', reason: 'b' },
      ],
    });
    const inserted = new Set<string>();
    for (const item of items) {
      const applied = applySuggestion(h.session, item, { inserted });
      if (!applied.ok || !applied.inserted) throw new Error('inserted expected');
      inserted.add(applied.inserted);
    }
    expect(shotsOfScene(snapshot(), SCENE_1).map((s) => s.action)).toEqual([
      expect.stringContaining('pushes a cart'),
      'First.',
      'Second.',
      expect.stringContaining('whispers'),
    ]);
  });

  test('a shot edited since the review is marked and not applied unless asked', () => {
    const [change] = itemsFor(REVIEW);
    h.session.run('shot/update', { shotId: SHOT_1, patch: { cameraMove: 'pan' } });
    expect(freshness(change!, snapshot())).toBe('changed');
    expect(changedSince(change!, snapshot())).toEqual(new Map());
    h.session.run('shot/update', { shotId: SHOT_1, patch: { shotType: 'CU' } });
    expect(changedSince(change!, snapshot())).toEqual(new Map([['shotType', 'Close-up']]));
    h.session.undo();
    expect(applySuggestion(h.session, change!)).toEqual({
      ok: false,
      why: 'Its shot changed since the review.',
    });
    expect(shot(SHOT_1)?.shotType).toBe('WS');
    expect(applySuggestion(h.session, change!, { anyway: true }).ok).toBe(true);
    expect(shot(SHOT_1)).toMatchObject({ shotType: 'MS', cameraMove: 'pan' });
  });

  test('a deleted shot makes its items gone; the review’s own change keeps its siblings fresh', () => {
    const items = itemsFor({
      changes: [{ shot: '1A', shotType: 'MCU', reason: 'Softer.' }],
      omits: [{ shot: '1A', reason: 'Or drop it.' }],
    });
    const applied = applySuggestion(h.session, items[0]!);
    if (!applied.ok || !applied.madeHere) throw new Error('applied expected');
    expect(freshness(items[1]!, snapshot())).toBe('changed');
    expect(freshness(items[1]!, snapshot(), new Set([applied.madeHere]))).toBe('fresh');
    expect(applySuggestion(h.session, items[1]!).ok).toBe(false);
    const madeHere = new Set([applied.madeHere]);
    expect(applySuggestion(h.session, items[1]!, { madeHere }).ok).toBe(true);
    h.session.undo();
    h.session.run('shot/delete', { shotId: SHOT_2 });
    expect(freshness(items[1]!, snapshot(), new Set([applied.madeHere]))).toBe('gone');
  });
});

describe('asking the text model', () => {
  beforeEach(async () => {
    const config = {
      ...newProviderConfig('openai'),
      label: 'Fake OpenAI',
      baseUrl: fake.baseUrl('openai', 'ok', 'v1'),
    };
    await h.ai.saveProvider(config, { set: KEY });
  });

  test('a review of the scene comes back as items against its shots, with its cost', async () => {
    const outcome = await reviewScene(h.ai.router, h.session, scene1());
    expect(outcome.providerLabel).toBe('Fake OpenAI');
    expect(outcome.costUsd).toBeGreaterThan(0);
    expect(outcome.items.map((i) => i.kind)).toEqual(['change', 'change', 'insert']);
    const sent = fake.requests().filter((r) => r.path === '/v1/responses');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('storyboard supervisor');
  });

  test('a malformed answer is asked once more, then shown with its raw text', async () => {
    fake.setTextAnswer('Looks great to me!');
    const error = await reviewScene(h.ai.router, h.session, scene1()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).raw).toBe('Looks great to me!');
    expect(fake.requests().filter((r) => r.path === '/v1/responses')).toHaveLength(2);
  });
});
