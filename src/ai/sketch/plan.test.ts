import { describe, expect, test } from 'vitest';
import { CAMERA_ANGLES, CAMERA_MOVES, SHOT_TYPES } from '../../model/camera';
import { INT_EXT_VALUES } from '../../model/scene';
import type { SketchOp } from './ops';
import { planSketch } from './plan';
import { outOfBounds, planTexts, sketchInput } from './testKit';

const HD = [1280, 720] as const;

function plan(
  patch: Parameters<typeof sketchInput>[0] = {},
  size: readonly [number, number] = HD,
): SketchOp[] {
  return planSketch(sketchInput(patch), size[0], size[1]);
}

describe('planSketch is deterministic', () => {
  test('the same input gives deep-equal plans and byte-equal JSON', () => {
    const first = plan();
    const second = plan();
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  test('plans are plain data that survive a JSON round trip', () => {
    const ops = plan({ shotType: 'POV', cameraMove: 'zoom', intExt: 'EXT', timeOfDay: 'DUSK' });
    expect(JSON.parse(JSON.stringify(ops))).toEqual(ops);
  });

  test('a shot in the same place keeps its set when only the caption changes', () => {
    const wallsOf = (ops: SketchOp[]) =>
      ops.filter((op) => op.op === 'path' && op.fill !== undefined).length;
    expect(wallsOf(plan({ caption: 'Another line' }))).toBe(wallsOf(plan()));
  });
});

describe('planSketch draws what the shot says', () => {
  test('every shot type gives a different picture', () => {
    const plans = SHOT_TYPES.map((shotType) => JSON.stringify(plan({ shotType })));
    expect(new Set(plans).size).toBe(SHOT_TYPES.length);
  });

  test('every camera angle gives a different picture', () => {
    const plans = CAMERA_ANGLES.map((cameraAngle) => JSON.stringify(plan({ cameraAngle })));
    expect(new Set(plans).size).toBe(CAMERA_ANGLES.length);
  });

  test('a camera move adds its storyboard arrow or marker and its name', () => {
    const still = plan({ cameraMove: 'static' });
    for (const cameraMove of CAMERA_MOVES.filter((m) => m !== 'static')) {
      const moving = plan({ cameraMove });
      expect(moving.length, cameraMove).toBeGreaterThan(still.length);
    }
    expect(planTexts(plan({ cameraMove: 'dolly' }))).toContain('DOLLY IN');
    expect(planTexts(plan({ cameraMove: 'handheld' }))).toContain('HANDHELD');
  });

  test('night is drawn on a darker paper than day', () => {
    const paper = (ops: SketchOp[]) => (ops[0]?.op === 'rect' ? ops[0].fill : null);
    const luminance = (hex: unknown) => {
      const value = Number.parseInt(String(hex).slice(1), 16);
      return ((value >> 16) & 0xff) + ((value >> 8) & 0xff) + (value & 0xff);
    };
    expect(luminance(paper(plan({ timeOfDay: 'NIGHT' })))).toBeLessThan(
      luminance(paper(plan({ timeOfDay: 'DAY' }))),
    );
    expect(paper(plan({ timeOfDay: 'DUSK' }))).not.toBe(paper(plan({ timeOfDay: 'DAY' })));
  });

  test('names each character in shot and the strip carries number, type and caption', () => {
    const texts = planTexts(
      plan({ characters: ['MAYA', 'TOM'], shotNumber: '7C', shotType: 'TWO' }),
    );
    expect(texts).toEqual(
      expect.arrayContaining(['MAYA', 'TOM', '7C', 'TWO', 'Maya sets the cup down.']),
    );
  });

  test('the scene heading is written small in the corner', () => {
    expect(planTexts(plan({ intExt: 'EXT', location: 'PIER', timeOfDay: 'DAWN' }))).toContain(
      'EXT. PIER — DAWN',
    );
  });
});

describe('planSketch edge cases', () => {
  test('no characters: the set alone, no name tags', () => {
    const texts = planTexts(plan({ characters: [] }));
    expect(texts.filter((t) => t === 'MAYA' || t === 'TOM')).toEqual([]);
    expect(plan({ characters: [] }).length).toBeLessThan(plan().length);
  });

  test('twenty characters: the first five are drawn and the rest counted as +15', () => {
    const characters = Array.from({ length: 20 }, (_, i) => `EXTRA ${i + 1}`);
    const texts = planTexts(plan({ characters, shotType: 'WS' }));
    expect(texts).toContain('EXTRA 5');
    expect(texts).not.toContain('EXTRA 6');
    expect(texts).toContain('+15');
  });

  test('a two-shot draws two and an ECU one, counting the rest', () => {
    expect(planTexts(plan({ shotType: 'TWO', characters: ['A', 'B', 'C'] }))).toContain('+1');
    expect(planTexts(plan({ shotType: 'ECU', characters: ['A', 'B', 'C'] }))).toContain('+2');
  });

  test('an over-the-shoulder shot with one name looks over an unnamed shoulder at them', () => {
    const texts = planTexts(plan({ shotType: 'OTS', characters: ['RUIZ'] }));
    expect(texts.filter((t) => t === 'RUIZ')).toHaveLength(1);
  });

  test('Unicode names and captions pass through untouched for the painter to set', () => {
    const characters = ['Zoë', '李雷', 'Ōkami 🐺', 'اليسار'];
    const texts = planTexts(plan({ characters, caption: 'Ça va? — 「はい」' }));
    expect(texts).toEqual(expect.arrayContaining([...characters, 'Ça va? — 「はい」']));
  });

  test('an empty caption and shot number leave them out of the strip', () => {
    const strip = plan({ caption: '', shotNumber: '' }).find((op) => op.op === 'textLine');
    expect(strip?.op === 'textLine' && strip.spans.map((s) => s.text)).toEqual(['MS']);
  });

  test('a very long caption is handed whole to the painter, which fits it to the strip', () => {
    const caption = 'word '.repeat(500).trim();
    const strip = plan({ caption }).find((op) => op.op === 'textLine');
    expect(strip?.op === 'textLine' && strip.spans.at(-1)?.text).toBe(caption);
    expect(strip?.op === 'textLine' && strip.maxWidth).toBeLessThanOrEqual(HD[0]);
  });

  test('an INSERT writes its caption on the object, wrapped', () => {
    const card = plan({ shotType: 'INSERT', caption: 'MEET ME AT THE PIER' }).find(
      (op) => op.op === 'text' && op.text === 'MEET ME AT THE PIER',
    );
    expect(card?.op === 'text' && card.maxLines).toBeGreaterThan(1);
  });

  test('refuses a size it cannot draw', () => {
    expect(() => planSketch(sketchInput(), 0, 720)).toThrow(RangeError);
    expect(() => planSketch(sketchInput(), Number.NaN, 720)).toThrow(RangeError);
  });
});

describe('planSketch stays inside the canvas', () => {
  const sizes: readonly (readonly [string, number, number])[] = [
    ['16:9', 1280, 720],
    ['2.39:1', 1721, 720],
    ['4:3', 960, 720],
    ['1:1', 720, 720],
    ['9:16', 720, 1280],
    ['thumbnail', 160, 90],
  ];
  test.each(sizes)('%s: every shot type, angle and set', (_name, width, height) => {
    const problems: string[] = [];
    for (const shotType of SHOT_TYPES) {
      for (const cameraAngle of CAMERA_ANGLES) {
        for (const intExt of INT_EXT_VALUES) {
          const input = {
            shotType,
            cameraAngle,
            intExt,
            cameraMove: 'zoom' as const,
            aspectRatio: width / height,
          };
          const ops = planSketch(sketchInput(input), width, height);
          for (const problem of outOfBounds(ops, width, height)) {
            problems.push(`${shotType}/${cameraAngle}/${intExt} ${problem}`);
          }
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  test.each(CAMERA_MOVES)('%s arrows stay inside a 9:16 frame', (cameraMove) => {
    const ops = plan(
      { cameraMove, characters: Array.from({ length: 9 }, (_, i) => `P${i}`) },
      [720, 1280],
    );
    expect(outOfBounds(ops, 720, 1280)).toEqual([]);
  });
});

describe('the caption band', () => {
  test('is painted by default, and left out (with the slugline) when the project says so', () => {
    const input = { caption: 'Maya sets the cup down.', location: 'KITCHEN', timeOfDay: 'NIGHT' };
    const banded = planTexts(plan(input)).join(' | ');
    const bare = planTexts(plan({ ...input, captionBand: false })).join(' | ');
    expect(banded).toContain('Maya sets the cup down.');
    expect(banded).toContain('KITCHEN');
    expect(bare).not.toContain('Maya sets the cup down.');
    expect(bare).not.toContain('KITCHEN');
  });
});
