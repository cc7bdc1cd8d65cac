import { describe, expect, test } from 'vitest';
import { buildFeatureLengthScript } from '../../tests/bench/parseCorpus';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { inspectProjectState } from '../store/projectState';
import { SCREENPLAY_BUDGET } from './screenplayBudget';
import { screenplayToSnapshot } from './screenplayImport';
import { planScreenplayDraft, planScreenplayProject, type ScreenplayStage } from './screenplayJob';

const BRICK = readScreenplay('brick_and_steel.fountain');

describe('planning a screenplay project (what the worker runs)', () => {
  test('hands back the new project as a document the page only has to store', async () => {
    const stages: ScreenplayStage[] = [];
    const result = await planScreenplayProject(
      { bytes: new TextEncoder().encode(BRICK), fileName: 'brick.fountain' },
      { onStage: (stage) => stages.push(stage) },
    );
    if (!result.ok) throw new Error(result.error);
    expect(stages).toEqual(['reading', 'planning', 'preparing']);
    expect(result.snapshot).toBeNull();
    const stored = inspectProjectState(result.update);
    if (!stored.ok) throw new Error(stored.error);
    expect(stored.snapshot.meta.title).toBe(result.title);
    expect(stored.snapshot.scenes).toHaveLength(result.scenes);
    expect(stored.snapshot.shots).toHaveLength(result.shots);
    expect(stored.snapshot.characters).toHaveLength(result.characters);
    // The same board the page used to plan itself, ids aside.
    const direct = screenplayToSnapshot(BRICK, 'brick.fountain');
    if (!direct.ok) throw new Error(direct.error);
    expect(stored.snapshot.shots.map((shot) => [shot.number, shot.action])).toEqual(
      direct.snapshot.shots.map((shot) => [shot.number, shot.action]),
    );
  });

  test('returns the records too when asked (to fill an open, empty project)', async () => {
    const result = await planScreenplayProject(
      { text: BRICK, fileName: '' },
      { withSnapshot: true },
    );
    expect(result.ok && result.snapshot?.shots.length).toBe(result.ok ? result.shots : -1);
  });

  test('a new project starts at the aspect ratio chosen where it was made; 16:9 without one', async () => {
    const vertical = await planScreenplayProject(
      { text: BRICK, fileName: 'brick.fountain', aspectRatio: '9:16' },
      { withSnapshot: true },
    );
    if (!vertical.ok) throw new Error(vertical.error);
    expect(vertical.snapshot?.meta.aspectRatio).toBe('9:16');
    const stored = inspectProjectState(vertical.update);
    expect(stored.ok && stored.snapshot.meta.aspectRatio).toBe('9:16');
    const plain = await planScreenplayProject(
      { text: BRICK, fileName: 'brick.fountain' },
      {
        withSnapshot: true,
      },
    );
    if (!plain.ok) throw new Error(plain.error);
    expect(plain.snapshot?.meta.aspectRatio).toBe('16:9');
  });

  test('a script over the budget is refused with the reason, and nothing is built', async () => {
    const result = await planScreenplayProject(
      { text: buildFeatureLengthScript(), fileName: 'feature.fountain' },
      { budget: { ...SCREENPLAY_BUDGET, maxShots: 100 } },
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^“feature\.fountain” would make [\d,]+ shots in [\d,]+ scenes; Frameline handles up to 100 shots per project\./,
      ),
    });
  });

  test('a job past its time is refused between steps with the time budget message', async () => {
    let clock = 0;
    const result = await planScreenplayProject(
      { text: BRICK, fileName: 'slow.fountain' },
      {
        budget: { ...SCREENPLAY_BUDGET, timeMs: 1000 },
        now: () => clock,
        onStage: () => {
          clock += 600;
        },
      },
    );
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Reading “slow\.fountain” took longer than 1 s/),
    });
  });

  test('a new draft is planned against the open project, within the same budget', async () => {
    const first = screenplayToSnapshot(BRICK, 'brick.fountain');
    if (!first.ok) throw new Error(first.error);
    const rewritten = BRICK.replace(/\r?\n/, '\n\nINT. NEW ROOM - DAY\n\nA new scene.\n\n');
    const draft = await planScreenplayDraft(
      { text: rewritten, fileName: 'v2.fountain' },
      first.snapshot,
    );
    if (!draft.ok) throw new Error(draft.error);
    expect(draft.plan.scenes.length).toBeGreaterThan(0);
    const refused = await planScreenplayDraft(
      { text: rewritten, fileName: 'v2.fountain' },
      first.snapshot,
      { budget: { ...SCREENPLAY_BUDGET, maxScenes: 2 } },
    );
    expect(refused.ok ? '' : refused.error).toMatch(/Frameline handles up to 2 scenes per project/);
  });
});
