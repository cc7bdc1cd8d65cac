import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../../tests/helpers/fixtures';
import type { AssetHash } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { parseScript } from '../../script';
import { breakdownScript } from '../breakdown';
import { align } from './align';
import { planReimport, summarizeReimport } from './reimport';

const DRAFT_1 = `INT. KITCHEN - NIGHT

Anna waits by the window. Rain streaks the glass.

ANNA
He is not coming.

BEN (O.S.)
I'm right here.

Ben steps in, soaked.

EXT. ROOF - NIGHT

Ben lights a cigarette and looks at the city.

INT. GARAGE - DAY

The car is gone.
`;

function project(text: string): ProjectSnapshot {
  return { meta: createProjectMeta('Test'), ...breakdownScript(parseScript(text)) };
}

function draft(text: string) {
  return breakdownScript(parseScript(text));
}

const DRAWN = 'd'.repeat(64) as AssetHash;

describe('re-importing a new draft', () => {
  test('the same draft changes nothing', () => {
    const current = project(DRAFT_1);
    const plan = planReimport(current, draft(DRAFT_1));
    expect(summarizeReimport(plan).unchanged).toBe(true);
    expect(plan.shots.map((s) => s.id)).toEqual(current.shots.map((s) => s.id));
    expect(plan.shots).toEqual(current.shots);
  });

  test('an edited line updates its shot and keeps the frame, number and notes', () => {
    const current = project(DRAFT_1);
    const talk = current.shots.find((s) => s.dialogue.length > 0)!;
    const withWork: ProjectSnapshot = {
      ...current,
      shots: current.shots.map((s) =>
        s.id === talk.id
          ? { ...s, frameHash: DRAWN, frameSource: 'drawn', notes: 'keep me', shotType: 'CU' }
          : s,
      ),
    };
    const plan = planReimport(
      withWork,
      draft(DRAFT_1.replace('He is not coming.', 'He is not coming back tonight.')),
    );
    const updated = plan.shots.find((s) => s.id === talk.id)!;
    expect(updated.dialogue[0]?.line).toBe('He is not coming back tonight.');
    expect(updated).toMatchObject({
      frameHash: DRAWN,
      notes: 'keep me',
      shotType: 'CU',
      number: talk.number,
    });
    expect(updated.durationMs).toBeGreaterThan(talk.durationMs);
    expect(summarizeReimport(plan)).toMatchObject({
      shotsUpdated: 1,
      shotsAdded: 0,
      shotsRemoved: 0,
    });
  });

  test('a new beat is added in place with a number that moves no one', () => {
    const current = project(DRAFT_1);
    const next = DRAFT_1.replace(
      'Ben steps in, soaked.',
      'Ben steps in, soaked.\n\nAnna throws him a towel.',
    );
    const plan = planReimport(current, draft(next));
    const kitchen = plan.shots.filter((s) => s.sceneId === current.scenes[0]!.id);
    expect(kitchen.map((s) => s.number)).toEqual(['1', '1A', '1B', '1C']);
    expect(kitchen[3]?.action).toBe('Anna throws him a towel.');
    for (const old of current.shots)
      expect(plan.shots.find((s) => s.id === old.id)?.number).toBe(old.number);
  });

  test.each(['drawn', 'upload'] as const)(
    'a cut beat is deleted unless its frame is someone’s work (%s), then it is kept as omitted',
    (source) => {
      const current = project(DRAFT_1);
      const steps = current.shots.find((s) => s.action === 'Ben steps in, soaked.')!;
      const plain = planReimport(current, draft(DRAFT_1.replace('Ben steps in, soaked.\n\n', '')));
      expect(plain.deletedShotIds).toEqual([steps.id]);

      const drawn = {
        ...current,
        shots: current.shots.map((s) =>
          s.id === steps.id ? { ...s, frameHash: DRAWN, frameSource: source } : s,
        ),
      };
      const kept = planReimport(drawn, draft(DRAFT_1.replace('Ben steps in, soaked.\n\n', '')));
      expect(kept.deletedShotIds).toEqual([]);
      expect(kept.shots.find((s) => s.id === steps.id)?.omitted).toBe(true);
      expect(summarizeReimport(kept)).toMatchObject({ shotsOmitted: 1, shotsRemoved: 0 });
    },
  );

  test('scenes added, renamed and removed keep script order and stable numbers', () => {
    const current = project(DRAFT_1);
    const next = DRAFT_1.replace('EXT. ROOF - NIGHT', 'EXT. ROOFTOP - NIGHT')
      .replace('INT. GARAGE - DAY\n\nThe car is gone.\n', '')
      .replace(
        'INT. KITCHEN - NIGHT',
        'EXT. STREET - NIGHT\n\nA taxi pulls away.\n\nINT. KITCHEN - NIGHT',
      );
    const plan = planReimport(current, draft(next));
    expect(plan.scenes.map((s) => `${s.number} ${s.heading}`)).toEqual([
      '0A EXT. STREET - NIGHT',
      '1 INT. KITCHEN - NIGHT',
      '2 EXT. ROOFTOP - NIGHT',
    ]);
    expect(summarizeReimport(plan)).toMatchObject({
      scenesAdded: 1,
      scenesRenamed: 1,
      scenesRemoved: 1,
    });
    expect(plan.deletedSceneIds).toEqual([current.scenes[2]!.id]);
  });

  test('a real script rewritten: every old shot is accounted for', () => {
    const text = readScreenplay('brick_and_steel.fountain');
    const current = project(text);
    const rewritten = text.replace(/Steel/g, 'Steele').replace(/beer/gi, 'whiskey');
    const plan = planReimport(current, draft(rewritten));
    const summary = summarizeReimport(plan);
    const kept = new Set(plan.shots.map((s) => s.id));
    for (const shot of current.shots)
      expect(kept.has(shot.id) || plan.deletedShotIds.includes(shot.id)).toBe(true);
    expect(summary.scenesAdded + summary.scenesRemoved).toBe(0);
    expect(summary.shotsUpdated).toBeGreaterThan(5);
  });
});

describe('order-preserving alignment', () => {
  test('matches in order and skips pairs under the threshold', () => {
    const a = ['x', 'y', 'z'];
    const b = ['y', 'q', 'z'];
    const pairs = align(a.length, b.length, (i, j) => (a[i] === b[j] ? 1 : 0), 0.5);
    expect(pairs.map((p) => [p.oldIndex, p.newIndex])).toEqual([
      [1, 0],
      [2, 2],
    ]);
  });

  test('never crosses: a swapped pair matches only one side', () => {
    const pairs = align(2, 2, (i, j) => (i !== j ? 1 : 0), 0.5);
    expect(pairs).toHaveLength(1);
  });
});
