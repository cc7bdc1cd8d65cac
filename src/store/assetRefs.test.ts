import { expect, test } from 'vitest';
import * as Y from 'yjs';
import type { AssetHash, SceneId, ShotId } from '../model/ids';
import { createProjectMeta } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { ms } from '../model/units';
import { referencedAssetHashes } from './assetRefs';
import { setAudioClip, setMusic, writeSnapshot } from './projectDoc';

const hash = (c: string) => c.repeat(64) as AssetHash;

test('sound clips and the music bed count as referenced, so clean-up never deletes them', () => {
  const doc = new Y.Doc();
  const scene = createScene({ id: 's' as SceneId, number: '1', heading: 'INT. A - DAY' });
  const shot = createShot({
    id: 'a' as ShotId,
    sceneId: scene.id,
    number: '1',
    frameHash: hash('f'),
    frameSource: 'sketch',
  });
  writeSnapshot(doc, {
    meta: createProjectMeta('t'),
    scenes: [scene],
    shots: [shot],
    characters: [],
  });
  setAudioClip(doc, shot.id, {
    assetHash: hash('a'),
    kind: 'import',
    volume: 1,
    offsetMs: ms(0),
    durationMs: ms(1000),
  });
  setMusic(doc, { assetHash: hash('b'), volume: 0.5, fadeInMs: ms(0), fadeOutMs: ms(0) });
  expect([...referencedAssetHashes(doc)].sort()).toEqual([hash('a'), hash('b'), hash('f')]);
});
