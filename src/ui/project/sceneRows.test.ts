import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { ms } from '../../model/units';
import { SceneRowsKeeper } from './sceneRows';
import { ShotGrouper } from './shotGroups';

const s1 = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. A - DAY' });
const s2 = createScene({ id: 's2' as SceneId, number: '2', heading: 'INT. B - DAY' });
const shot = (id: string, sceneId: SceneId) =>
  createShot({ id: id as ShotId, sceneId, number: id, action: 'x', durationMs: ms(2000) });
const base: ProjectSnapshot = {
  meta: createProjectMeta('t'),
  scenes: [s1, s2],
  shots: [shot('a', s1.id), shot('b', s1.id), shot('c', s2.id)],
  characters: [],
};
const pages = new Map([
  ['s1', 0.5],
  ['s2', 0.2],
]);

/** The snapshot after typing in shot `id`'s action. */
const typed = (snapshot: ProjectSnapshot, id: string, action: string): ProjectSnapshot => ({
  ...snapshot,
  shots: snapshot.shots.map((s) => (s.id === id ? { ...s, action } : s)),
});

describe("the script panel's scene rows", () => {
  test('say each scene’s shots, time and pages, and where picking it goes', () => {
    const rows = new SceneRowsKeeper().of(base.scenes, new ShotGrouper().of(base), pages);
    expect(rows.map((r) => [r.scene.id, r.firstShotId, r.meta])).toEqual([
      ['s1', 'a', '2 shots · 4.0s · 0.5 pages'],
      ['s2', 'c', '1 shot · 2.0s · 0.2 pages'],
    ]);
  });

  test('typing in a shot keeps the same rows array (the memoised panel skips rendering)', () => {
    const keeper = new SceneRowsKeeper();
    const grouper = new ShotGrouper();
    const before = keeper.of(base.scenes, grouper.of(base), pages);
    const after = typed(base, 'b', 'x and more');
    expect(keeper.of(after.scenes, grouper.of(after), pages)).toBe(before);
  });

  test('a changed page estimate gives a new array in which only that scene’s row is new', () => {
    const keeper = new SceneRowsKeeper();
    const grouper = new ShotGrouper();
    const before = keeper.of(base.scenes, grouper.of(base), pages);
    const after = typed(base, 'c', 'a much longer action');
    const rows = keeper.of(after.scenes, grouper.of(after), new Map([...pages, ['s2', 0.3]]));
    expect(rows).not.toBe(before);
    expect(rows[0]).toBe(before[0]);
    expect(rows[1]?.meta).toBe('1 shot · 2.0s · 0.3 pages');
  });

  test('a new duration, a renamed scene or a moved first shot change that row', () => {
    const keeper = new SceneRowsKeeper();
    const grouper = new ShotGrouper();
    const before = keeper.of(base.scenes, grouper.of(base), pages);
    const longer = {
      ...base,
      shots: base.shots.map((s) => (s.id === 'c' ? { ...s, durationMs: ms(3000) } : s)),
    };
    expect(keeper.of(longer.scenes, grouper.of(longer), pages)[1]?.meta).toBe(
      '1 shot · 3.0s · 0.2 pages',
    );
    const renamed = { ...longer, scenes: [s1, { ...s2, heading: 'EXT. C - NIGHT' }] };
    const rows = keeper.of(renamed.scenes, grouper.of(renamed), pages);
    expect(rows[1]?.scene.heading).toBe('EXT. C - NIGHT');
    const [a, b, c] = renamed.shots as [
      ReturnType<typeof shot>,
      ReturnType<typeof shot>,
      ReturnType<typeof shot>,
    ];
    const swapped = { ...renamed, shots: [b, a, c] };
    expect(keeper.of(swapped.scenes, grouper.of(swapped), pages)[0]?.firstShotId).toBe('b');
    expect(before[0]?.firstShotId).toBe('a');
  });
});
