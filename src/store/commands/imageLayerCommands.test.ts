import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ImageItem } from '../../model/drawing';
import type { AssetHash, ShotId } from '../../model/ids';
import { NO_FILTERS } from '../../model/imageFilters';
import { runOk } from '../../../tests/helpers/commands';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';

let db: FramelineDb;
let session: ProjectSession;
let shotId: ShotId;
let n = 0;

const PHOTO = 'c'.repeat(64) as AssetHash;
const picture: ImageItem = {
  id: 'photo',
  type: 'image',
  hash: PHOTO,
  points: [-4_000, -3_000, 8_000, 6_000],
  x: 0,
  y: 0,
  rotation: 0,
  scale: 1,
};

beforeEach(async () => {
  db = openDb(`image-layer-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Pictures' }));
  shotId = runOk(session, 'scene/addWithShot', { heading: 'INT. ROOM - DAY' }) as ShotId;
});

afterEach(async () => {
  await session.close();
  db.close();
});

const imageLayer = () => session.drawing(shotId).layers.find((l) => l.kind === 'image');

describe('image layers and their filters', () => {
  test('a picture goes on a new image layer on top in one undo step', () => {
    runOk(session, 'drawing/addImageLayer', {
      shotId,
      layer: { id: 'img', name: 'Photo' },
      picture,
      aboveLayerId: null,
    });
    const layers = session.drawing(shotId).layers;
    expect(layers.at(-1)).toMatchObject({ id: 'img', kind: 'image', name: 'Photo', filters: null });
    expect(layers.at(-1)!.items).toEqual([picture]);
    expect(layers).toHaveLength(7);
    session.undo();
    expect(imageLayer()).toBeUndefined();
  });

  test('one slider drag is one undo step; a second drag is another; null takes filters off', () => {
    runOk(session, 'drawing/addImageLayer', {
      shotId,
      layer: { id: 'img', name: 'Photo' },
      picture,
      aboveLayerId: null,
    });
    const drag = (values: number[]) => {
      const gesture = session.beginGesture();
      for (const brightness of values) {
        runOk(session, 'drawing/setFilters', {
          shotId,
          layerId: 'img',
          filters: { ...(imageLayer()!.filters ?? NO_FILTERS), brightness },
        });
      }
      gesture.end();
    };
    drag([5, 10, 20, 30]);
    expect(imageLayer()!.filters).toEqual({ ...NO_FILTERS, brightness: 30 });
    drag([40, 50]);
    expect(imageLayer()!.filters!.brightness).toBe(50);
    session.undo();
    expect(imageLayer()!.filters!.brightness).toBe(30);
    session.undo();
    expect(imageLayer()!.filters).toBeNull();
    session.redo();
    runOk(session, 'drawing/setFilters', { shotId, layerId: 'img', filters: null });
    expect(imageLayer()!.filters).toBeNull();
  });

  test('filters the schema refuses are not written', () => {
    const result = session.run('drawing/setFilters', {
      shotId,
      layerId: 'default:ink',
      filters: { ...NO_FILTERS, posterize: 1 },
    });
    expect(result.ok).toBe(false);
    expect(session.drawing(shotId).layers.every((l) => l.filters === null)).toBe(true);
  });
});
