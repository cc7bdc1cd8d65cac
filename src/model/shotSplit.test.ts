import { describe, expect, test } from 'vitest';
import type { AssetHash, SceneId, ShotId } from './ids';
import { createShot, type DialogueLine, type Shot } from './shot';
import { defaultSplitPoint, divideDuration, planSplit, splitPoints } from './shotSplit';
import { ms } from './units';

const line = (speaker: string, text: string): DialogueLine => ({
  speaker,
  line: text,
  parenthetical: '',
});

function shot(overrides: Partial<Shot> = {}): Shot {
  return createShot({
    id: 'a' as ShotId,
    sceneId: 's' as SceneId,
    number: '3A',
    durationMs: ms(6000),
    ...overrides,
  });
}

const next = { id: 'b' as ShotId, number: '3A.1' };

describe('splitting a shot at its dialogue', () => {
  test('the lines before the split stay, the rest go to the new shot', () => {
    const original = shot({
      action: 'They argue.',
      dialogue: [line('BRICK', 'No.'), line('STEEL', 'Yes.'), line('BRICK', 'Fine.')],
      characterIds: ['c1' as never],
    });
    const { first, second } = planSplit(original, 2, next);
    expect(first.dialogue.map((d) => d.line)).toEqual(['No.', 'Yes.']);
    expect(second.dialogue.map((d) => d.line)).toEqual(['Fine.']);
    expect(first.id).toBe('a');
    expect(second).toMatchObject({ id: 'b', number: '3A.1', action: '', notes: '' });
    expect(second.characterIds).toEqual(['c1']);
    expect(second.shotType).toBe(original.shotType);
  });

  test('the two parts add up to the shot, shared by how long each takes to say', () => {
    const long = 'This is a much longer line that takes a good while to say out loud.';
    const original = shot({ dialogue: [line('A', 'Hi.'), line('B', long)] });
    const { first, second } = planSplit(original, 1, next);
    expect(first.durationMs + second.durationMs).toBe(6000);
    expect(second.durationMs).toBeGreaterThan(first.durationMs);
  });

  test('a shot without dialogue splits into halves', () => {
    const original = shot({ action: 'The car drives off.' });
    expect(splitPoints(original)).toEqual([0]);
    const { first, second } = planSplit(original, 0, next);
    expect([first.durationMs, second.durationMs]).toEqual([3000, 3000]);
    expect(first.action).toBe('The car drives off.');
  });

  test('each part is at least the shortest shot, however the weights fall', () => {
    expect(divideDuration(ms(1000), 1, 1_000_000)).toEqual([100, 900]);
    expect(divideDuration(ms(200), 1, 1)).toEqual([100, 100]);
  });

  test('the frame is shared, generated takes stay with the original', () => {
    const hash = 'f'.repeat(64) as AssetHash;
    const take = {
      id: 't',
      hash,
      providerKind: 'openai',
      providerLabel: 'OpenAI',
      model: 'm',
      prompt: 'p',
      createdAt: 1,
    };
    const original = shot({
      dialogue: [line('A', 'One.'), line('B', 'Two.')],
      frameHash: hash,
      frameSource: 'ai',
      takes: [take],
    });
    const { first, second } = planSplit(original, 1, next);
    expect(second.frameHash).toBe(hash);
    expect(second.frameSource).toBe('ai');
    expect(first.takes).toEqual([take]);
    expect(second.takes).toEqual([]);
  });

  test('sound starting in the second part moves with it, at the same moment', () => {
    const clip = (id: string, offset: number) => ({
      id,
      assetHash: 'e'.repeat(64) as AssetHash,
      kind: 'tts' as const,
      volume: 1,
      offsetMs: ms(offset),
      durationMs: ms(900),
    });
    const original = shot({
      dialogue: [line('A', 'One.'), line('B', 'Two.')],
      audio: [clip('x', 0), clip('y', 4000)],
    });
    const { first, second } = planSplit(original, 1, next);
    expect(first.durationMs).toBe(3000);
    expect(first.audio.map((c) => c.id)).toEqual(['x']);
    expect(second.audio).toEqual([{ ...clip('y', 1000) }]);
  });

  test('the hand-over to the next shot moves to the second part', () => {
    const wipe = { kind: 'wipe' as const, durationMs: ms(500), direction: 'left' as const };
    const original = shot({ dialogue: [line('A', '1'), line('B', '2')], transitionOut: wipe });
    const { first, second } = planSplit(original, 1, next);
    expect(first.transitionOut.kind).toBe('cut');
    expect(second.transitionOut).toEqual(wipe);
  });

  test('split points: between lines, before the first only when there is action', () => {
    const lines = [line('A', '1'), line('B', '2'), line('C', '3')];
    expect(splitPoints(shot({ dialogue: lines }))).toEqual([1, 2]);
    expect(splitPoints(shot({ dialogue: lines, action: 'Rain.' }))).toEqual([0, 1, 2]);
    expect(splitPoints(shot({ dialogue: [line('A', '1')] }))).toEqual([1]);
    expect(defaultSplitPoint(shot({ dialogue: lines }))).toBe(2);
    expect(defaultSplitPoint(shot({ dialogue: [line('A', '1')], action: 'x' }))).toBe(0);
  });

  test('an OMITTED shot, a too-short shot and a point that is not one are refused', () => {
    const lines = [line('A', '1'), line('B', '2')];
    expect(() => planSplit(shot({ dialogue: lines, omitted: true }), 1, next)).toThrow(/OMITTED/);
    expect(() => planSplit(shot({ dialogue: lines, durationMs: ms(150) }), 1, next)).toThrow(
      /too short/,
    );
    expect(() => planSplit(shot({ dialogue: lines }), 0, next)).toThrow(/no place to split/);
    expect(() => planSplit(shot({ dialogue: lines }), 5, next)).toThrow(/no place to split/);
  });
});
