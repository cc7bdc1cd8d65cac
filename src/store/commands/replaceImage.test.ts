import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ImageItem } from '../../model/drawing';
import type { AssetHash, ShotId } from '../../model/ids';
import { runOk } from '../../../tests/helpers/commands';
import { referencedAssetHashes } from '../assetRefs';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { documentOf, ProjectSession } from '../projectSession';

/** drawing/replaceImage: a picture swapped for an edit of it (its background removed). */

let db: FramelineDb;
let session: ProjectSession;
let shotId: ShotId;
let n = 0;

const PHOTO = 'c'.repeat(64) as AssetHash;
const CUTOUT = 'd'.repeat(64) as AssetHash;
const TIGHTER = 'e'.repeat(64) as AssetHash;
const picture: ImageItem = {
  id: 'photo',
  type: 'image',
  hash: PHOTO,
  points: [-4_000, -3_000, 8_000, 6_000],
  x: 120,
  y: -40,
  rotation: 10,
  scale: 1.5,
};

beforeEach(async () => {
  db = openDb(`replace-image-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Cut-outs' }));
  shotId = runOk(session, 'scene/addWithShot', { heading: 'INT. ROOM - DAY' }) as ShotId;
  runOk(session, 'drawing/addImageLayer', {
    shotId,
    layer: { id: 'img', name: 'Photo' },
    picture,
    aboveLayerId: null,
  });
  session.undoManager.stopCapturing();
});

afterEach(async () => {
  await session.close();
  db.close();
});

const photo = () =>
  session
    .drawing(shotId)
    .layers.find((l) => l.id === 'img')
    ?.items.find((i) => i.id === 'photo');

test('the cut-out takes the picture’s place, the original is kept, and one undo brings it back', () => {
  expect(runOk(session, 'drawing/replaceImage', { shotId, itemId: 'photo', hash: CUTOUT })).toBe(
    true,
  );
  // Same place, size and turn: only the picture changed.
  expect(photo()).toEqual({ ...picture, hash: CUTOUT, original: PHOTO });
  // "Delete unused images" must not take the original while the item remembers it.
  expect(referencedAssetHashes(documentOf(session))).toEqual(new Set([PHOTO, CUTOUT]));

  session.undo();
  expect(photo()).toEqual(picture);
  session.redo();
  expect(photo()).toEqual({ ...picture, hash: CUTOUT, original: PHOTO });
});

test('a second edit keeps the first original; going back to it forgets it', () => {
  runOk(session, 'drawing/replaceImage', { shotId, itemId: 'photo', hash: CUTOUT });
  session.undoManager.stopCapturing();
  runOk(session, 'drawing/replaceImage', { shotId, itemId: 'photo', hash: TIGHTER });
  expect(photo()).toMatchObject({ hash: TIGHTER, original: PHOTO });
  session.undoManager.stopCapturing();
  runOk(session, 'drawing/replaceImage', { shotId, itemId: 'photo', hash: PHOTO });
  expect(photo()).toEqual(picture);
});

test('an item that is gone or is not a picture is left alone', () => {
  runOk(session, 'drawing/addItem', {
    shotId,
    layerId: 'img',
    item: {
      id: 'line',
      type: 'line',
      color: '#000000',
      size: 20,
      points: [0, 0, 10, 10],
      x: 0,
      y: 0,
      rotation: 0,
      scale: 1,
    },
  });
  const steps = session.undoManager.undoStack.length;
  expect(runOk(session, 'drawing/replaceImage', { shotId, itemId: 'line', hash: CUTOUT })).toBe(
    false,
  );
  expect(runOk(session, 'drawing/replaceImage', { shotId, itemId: 'gone', hash: CUTOUT })).toBe(
    false,
  );
  expect(session.undoManager.undoStack.length).toBe(steps);
  expect(photo()).toEqual(picture);
});
