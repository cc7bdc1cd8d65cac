import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from './ids';
import { createProjectMeta, type ProjectSnapshot } from './project';
import { dropTarget, nudgeTarget } from './reorder';
import { createScene } from './scene';
import { createShot } from './shot';

const s1 = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. A - DAY' });
const s2 = createScene({ id: 's2' as SceneId, number: '2', heading: 'INT. B - DAY' });
const shot = (id: string, sceneId: SceneId) =>
  createShot({ id: id as ShotId, sceneId, number: id });
const snapshot: ProjectSnapshot = {
  meta: createProjectMeta('t'),
  scenes: [s1, s2],
  shots: [shot('a', s1.id), shot('b', s1.id), shot('c', s2.id)],
  characters: [],
};

describe('keyboard reordering', () => {
  test('moves within a scene', () => {
    expect(nudgeTarget(snapshot, 'a' as ShotId, 1)).toEqual({ sceneId: 's1', index: 1 });
    expect(nudgeTarget(snapshot, 'b' as ShotId, -1)).toEqual({ sceneId: 's1', index: 0 });
  });

  test('crosses into the neighbouring scene at the edges', () => {
    expect(nudgeTarget(snapshot, 'b' as ShotId, 1)).toEqual({ sceneId: 's2', index: 0 });
    expect(nudgeTarget(snapshot, 'c' as ShotId, -1)).toEqual({ sceneId: 's1', index: 2 });
  });

  test('stops at the ends of the board', () => {
    expect(nudgeTarget(snapshot, 'a' as ShotId, -1)).toBeNull();
    expect(nudgeTarget(snapshot, 'c' as ShotId, 1)).toBeNull();
  });
});

describe('drag and drop', () => {
  test('dropping before or after a board', () => {
    expect(dropTarget(snapshot, 'b' as ShotId, 'a' as ShotId, 'before')).toEqual({
      sceneId: 's1',
      index: 0,
    });
    expect(dropTarget(snapshot, 'a' as ShotId, 'b' as ShotId, 'after')).toEqual({
      sceneId: 's1',
      index: 1,
    });
    expect(dropTarget(snapshot, 'a' as ShotId, 'c' as ShotId, 'after')).toEqual({
      sceneId: 's2',
      index: 1,
    });
    expect(dropTarget(snapshot, 'a' as ShotId, 'a' as ShotId, 'after')).toBeNull();
  });
});
