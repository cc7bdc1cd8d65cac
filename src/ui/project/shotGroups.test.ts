import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { groupShots, sameStructure, ShotGrouper, StructureKeeper } from './shotGroups';

const s1 = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. A - DAY' });
const s2 = createScene({ id: 's2' as SceneId, number: '2', heading: 'INT. B - DAY' });
const shot = (id: string, sceneId: SceneId, action = '') =>
  createShot({ id: id as ShotId, sceneId, number: id, action });
const base: ProjectSnapshot = {
  meta: createProjectMeta('t'),
  scenes: [s1, s2],
  shots: [shot('a', s1.id), shot('b', s1.id), shot('c', s2.id)],
  characters: [],
};

describe('shots grouped by scene', () => {
  test('each scene lists its shots in board order, an empty scene none', () => {
    const s3 = createScene({ id: 's3' as SceneId, number: '3', heading: '' });
    const groups = groupShots({ ...base, scenes: [s1, s2, s3] });
    expect(groups.get('s1')?.map((s) => s.id)).toEqual(['a', 'b']);
    expect(groups.get('s2')?.map((s) => s.id)).toEqual(['c']);
    expect(groups.get('s3')).toEqual([]);
  });

  test('an edit in one shot gives only its scene a new array', () => {
    const before = groupShots(base);
    const edited = { ...base, shots: base.shots.map((s) => (s.id === 'c' ? { ...s } : s)) };
    const after = groupShots(edited, before);
    expect(after.get('s1')).toBe(before.get('s1'));
    expect(after.get('s2')).not.toBe(before.get('s2'));
  });

  test('a reorder within a scene is a new array', () => {
    const before = groupShots(base);
    const [a, b, c] = base.shots as [
      ReturnType<typeof shot>,
      ReturnType<typeof shot>,
      ReturnType<typeof shot>,
    ];
    const after = groupShots({ ...base, shots: [b, a, c] }, before);
    expect(after.get('s1')?.map((s) => s.id)).toEqual(['b', 'a']);
    expect(after.get('s2')).toBe(before.get('s2'));
  });

  test('the grouper answers the same snapshot with the same groups and keeps untouched scenes', () => {
    const grouper = new ShotGrouper();
    const first = grouper.of(base);
    expect(grouper.of(base)).toBe(first);
    const moved = {
      ...base,
      shots: base.shots.map((s) => (s.id === 'b' ? { ...s, sceneId: s2.id } : s)),
    };
    const next = grouper.of(moved);
    expect(next.get('s1')?.map((s) => s.id)).toEqual(['a']);
    expect(next.get('s2')?.map((s) => s.id)).toEqual(['b', 'c']);
  });
});

describe('the grid structure', () => {
  const edit = (snapshot: ProjectSnapshot, id: string) => ({
    ...snapshot,
    shots: snapshot.shots.map((s) => (s.id === id ? { ...s, action: 'typed' } : s)),
  });

  test('an edit of a field keeps the structure; adding, moving or reordering does not', () => {
    expect(sameStructure(base, edit(base, 'b'))).toBe(true);
    const [a, b, c] = base.shots;
    expect(sameStructure(base, { ...base, shots: [b!, a!, c!] })).toBe(false);
    expect(sameStructure(base, { ...base, shots: [a!, b!] })).toBe(false);
    expect(sameStructure(base, { ...base, shots: [a!, { ...b!, sceneId: s2.id }, c!] })).toBe(
      false,
    );
    expect(sameStructure(base, { ...base, scenes: [s2, s1] })).toBe(false);
  });

  test('typing keeps the same structure object; a new shot makes a new one', () => {
    const grouper = new ShotGrouper();
    const keeper = new StructureKeeper();
    const first = keeper.of(base, grouper.of(base));
    expect(first.order).toEqual(['a', 'b', 'c']);
    expect(first.places.get('c' as ShotId)).toEqual({ scene: 1, index: 0 });
    expect(first.before).toEqual([0, 2]);
    const typed = edit(base, 'a');
    expect(keeper.of(typed, grouper.of(typed))).toBe(first);
    const added = { ...typed, shots: [...typed.shots, shot('d', s2.id)] };
    const next = keeper.of(added, grouper.of(added));
    expect(next.sizes).toEqual([2, 2]);
  });

  test('typing regroups only the scene of the shot typed in', () => {
    const grouper = new ShotGrouper();
    const before = grouper.of(base);
    const typed = edit(base, 'c');
    const after = grouper.of(typed);
    expect(after.get('s1')).toBe(before.get('s1'));
    expect(after.get('s2')?.[0]?.action).toBe('typed');
    // A scene's heading edited: the same groups.
    const renamed = { ...typed, scenes: [{ ...s1, heading: 'X' }, s2] };
    expect(grouper.of(renamed)).toBe(after);
  });

  test('shots edited in several scenes at once are regrouped as a fresh grouping would', () => {
    const grouper = new ShotGrouper();
    grouper.of(base);
    const typed = edit(edit(edit(base, 'a'), 'b'), 'c');
    const after = grouper.of(typed);
    const fresh = groupShots(typed);
    expect([...after.keys()]).toEqual([...fresh.keys()]);
    for (const [sceneId, shots] of fresh) expect(after.get(sceneId)).toEqual(shots);
    expect(after.get('s1')?.every((shot, i) => shot === typed.shots[i])).toBe(true);
  });
});
