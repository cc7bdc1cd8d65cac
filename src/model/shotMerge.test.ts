import { describe, expect, test } from 'vitest';
import type { AssetHash, CharacterId, SceneId, ShotId } from './ids';
import { createShot, type Shot } from './shot';
import { framesLostByMerge, mergePartner, planMerge } from './shotMerge';
import { ms } from './units';

const hash = (c: string) => c.repeat(64) as AssetHash;

function shot(id: string, overrides: Partial<Shot> = {}): Shot {
  return createShot({
    id: id as ShotId,
    sceneId: 's' as SceneId,
    number: id.toUpperCase(),
    durationMs: ms(2000),
    ...overrides,
  });
}

let n = 0;
const freshId = () => `fresh-${++n}`;

describe('merging shots', () => {
  test('the first keeps its id and number and plays everything back to back', () => {
    const a = shot('3a', {
      action: 'Door opens.',
      notes: 'low',
      dialogue: [{ speaker: 'A', line: 'Hi.', parenthetical: '' }],
      characterIds: ['x' as CharacterId],
    });
    const b = shot('3b', {
      action: 'She enters.',
      durationMs: ms(3000),
      dialogue: [{ speaker: 'B', line: 'Hello.', parenthetical: '' }],
      characterIds: ['y' as CharacterId, 'x' as CharacterId],
      transitionOut: { kind: 'crossfade', durationMs: ms(400) },
    });
    const merged = planMerge([a, b], freshId);
    expect(merged).toMatchObject({ id: '3a', number: '3A', durationMs: 5000 });
    expect(merged.action).toBe('Door opens.\n\nShe enters.');
    expect(merged.notes).toBe('low');
    expect(merged.dialogue.map((d) => d.line)).toEqual(['Hi.', 'Hello.']);
    expect(merged.characterIds).toEqual(['x', 'y']);
    expect(merged.transitionOut.kind).toBe('crossfade');
  });

  test('sound keeps its moment in the animatic; colliding clip ids get new ones', () => {
    const clip = { id: 'c', assetHash: hash('e'), kind: 'tts' as const, volume: 1 };
    const a = shot('a', { audio: [{ ...clip, offsetMs: ms(100), durationMs: ms(500) }] });
    const b = shot('b', { audio: [{ ...clip, offsetMs: ms(200), durationMs: ms(500) }] });
    const merged = planMerge([a, b], () => 'new');
    expect(merged.audio.map((c) => [c.id, c.offsetMs])).toEqual([
      ['c', 100],
      ['new', 2200],
    ]);
  });

  test('every generated take stays; a drawn frame wins over a sketch', () => {
    const take = (id: string, h: string) => ({
      id,
      hash: hash(h),
      providerKind: 'openai',
      providerLabel: 'OpenAI',
      model: 'm',
      prompt: 'p',
      createdAt: 1,
    });
    const a = shot('a', { frameHash: hash('1'), frameSource: 'sketch', takes: [take('t', '2')] });
    const b = shot('b', {
      frameHash: hash('3'),
      frameSource: 'drawn',
      takes: [take('t', '2'), take('u', '4')],
    });
    const merged = planMerge([a, b], freshId);
    expect(merged.frameHash).toBe(hash('3'));
    expect(merged.frameSource).toBe('drawn');
    expect(merged.takes.map((t) => t.id)).toEqual(['t', 'u']);
    expect(framesLostByMerge([a, b])).toEqual([]);
  });

  test('a drawn frame that is not kept is reported before the merge', () => {
    const a = shot('a', { frameHash: hash('1'), frameSource: 'drawn' });
    const b = shot('b', { frameHash: hash('3'), frameSource: 'upload' });
    expect(planMerge([a, b], freshId).frameHash).toBe(hash('1'));
    expect(framesLostByMerge([a, b]).map((s) => s.id)).toEqual(['b']);
  });

  test('the length never passes the longest shot', () => {
    const merged = planMerge(
      [shot('a', { durationMs: ms(500_000) }), shot('b', { durationMs: ms(500_000) })],
      freshId,
    );
    expect(merged.durationMs).toBe(600_000);
  });

  test('one shot, shots of two scenes and OMITTED shots are refused', () => {
    expect(() => planMerge([shot('a')], freshId)).toThrow(/two shots/);
    expect(() => planMerge([shot('a'), shot('b', { sceneId: 't' as SceneId })], freshId)).toThrow(
      /one scene/,
    );
    expect(() => planMerge([shot('a'), shot('b', { omitted: true })], freshId)).toThrow(/OMITTED/);
  });
});

describe('merge with next', () => {
  test('joins a shot with the next one of its scene, never across scenes or with OMITTED', () => {
    const shots = [
      shot('a'),
      shot('b'),
      shot('c', { sceneId: 't' as SceneId }),
      shot('d', { sceneId: 't' as SceneId, omitted: true }),
    ];
    expect(mergePartner({ shots }, 'a' as ShotId)?.id).toBe('b');
    expect(mergePartner({ shots }, 'b' as ShotId)).toBeNull();
    expect(mergePartner({ shots }, 'c' as ShotId)).toBeNull();
    expect(mergePartner({ shots }, 'd' as ShotId)).toBeNull();
  });
});
