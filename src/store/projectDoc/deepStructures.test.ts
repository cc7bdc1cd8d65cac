import { expect, test } from 'vitest';
import * as Y from 'yjs';
import type { AssetHash, SceneId, ShotId } from '../../model/ids';
import { createProjectMeta } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import type { VersionId } from '../../model/version';
import { nestedMapsUpdate } from '../../../tests/helpers/hostileUpdates';
import { referencedAssetHashes } from '../assetRefs';
import { addVersion, readProject, readReview, readVersions, writeSnapshot } from '.';

/**
 * Readers meet documents the guard never saw: stored before it existed, or built in memory. A
 * structure 100,000 shared types deep (which Yjs applies without complaint) must not take any
 * reader past the call stack: readers read the layout's shapes and leave the rest alone.
 */
const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. HALL - DAY' });
const shot = createShot({ id: 'a' as ShotId, sceneId: scene.id, number: '1', action: 'Waits.' });

function projectWithDeepParts(): Y.Doc {
  const doc = new Y.Doc();
  writeSnapshot(doc, {
    meta: createProjectMeta('Deep'),
    scenes: [scene],
    shots: [shot],
    characters: [],
  });
  addVersion(doc, {
    id: 'good' as VersionId,
    name: 'Good',
    createdAt: 1,
    authorName: 'Anna',
    stateHash: 'a'.repeat(64) as AssetHash,
    shotCount: 1,
  });
  // One version record and one shot's takes list are the tops of 100,000-deep chains.
  Y.applyUpdate(doc, nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'deep' }));
  const takes = (doc.getMap('shots').get('a') as Y.Map<unknown>).get('takes') as Y.Array<unknown>;
  const top = new Y.Map<unknown>();
  takes.push([top]);
  let map = top;
  doc.transact(() => {
    for (let i = 0; i < 100_000; i++) {
      const inner = new Y.Map<unknown>();
      map.set('inner', inner);
      map = inner;
    }
  });
  return doc;
}

test('the project, its versions, review and asset references read past a 100,000-deep structure', () => {
  const doc = projectWithDeepParts();
  const { snapshot, problems } = readProject(doc);
  expect(snapshot.shots.map((s) => s.action)).toEqual(['Waits.']);
  expect(problems.some((p) => p.includes('take'))).toBe(true);
  expect(readVersions(doc).map((v) => v.name)).toEqual(['Good']);
  expect(readReview(doc).comments).toEqual([]);
  expect(referencedAssetHashes(doc).has('a'.repeat(64) as AssetHash)).toBe(true);
});
