import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AssetHash, SceneId } from '../model/ids';
import { SketchScheduler } from '../ai/sketchScheduler';
import { sketchJobsFor } from '../ai/sketchForShot';
import {
  createAssetStore,
  openDb,
  ProjectRepository,
  ProjectSession,
  type AssetStore,
  type FramelineDb,
} from '../store';
import { runOk } from '../../tests/helpers/commands';
import { pngBytes } from '../../tests/helpers/mediaBytes';
import {
  pictureNotices,
  putPicturesOnShots,
  type FitPicture,
  type PictureSource,
} from './framePictures';

let db: FramelineDb;
let n = 0;
let session: ProjectSession;
let assets: AssetStore;
let sceneId: SceneId;

/** Pictures of 800×450 unless named `huge…` (6000×4000): what the page's decoder would say. */
const fit: FitPicture = async (bytes, mimeType, frame) => {
  const from = { width: 800, height: 450 };
  if (bytes[40] !== 0xee) return { bytes, mimeType, from, to: null };
  const to = { width: Math.round((6000 * frame.height) / 4000), height: frame.height };
  return { bytes: pngBytes(99), mimeType: 'image/png', from: { width: 6000, height: 4000 }, to };
};

const file = (name: string, bytes: Uint8Array): PictureSource => ({
  name,
  size: bytes.byteLength,
  bytes: async () => bytes,
});
const png = (name: string, seed: number) => file(name, pngBytes(seed));
const svg = file(
  'logo.svg',
  new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
);

const shots = () => session.getState().snapshot.shots;
const deps = () => ({ session, assets, fit });

beforeEach(async () => {
  db = openDb(`pictures-test-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Pictures' }));
  assets = createAssetStore(db);
  runOk(session, 'scene/addWithShot', { heading: 'INT. HALL - DAY' });
  sceneId = shots()[0]!.sceneId;
  runOk(session, 'shot/insert', { sceneId, index: 1 });
  runOk(session, 'shot/insert', { sceneId, index: 2 });
});

afterEach(async () => {
  await session.close();
  db.close();
});

describe('pictures a person brings', () => {
  test('one picture on a shot becomes its frame, kept as an upload take', async () => {
    const target = shots()[1]!;
    const outcome = await putPicturesOnShots(
      [png('me.png', 3)],
      {
        sceneId,
        startShotId: target.id,
      },
      deps(),
    );
    expect(outcome).toMatchObject({ placed: [target.id], added: [], refused: [], error: null });
    const shot = shots()[1]!;
    expect(shot.frameSource).toBe('upload');
    expect(shot.takes).toEqual([
      expect.objectContaining({ hash: shot.frameHash, providerKind: 'upload', prompt: 'me.png' }),
    ]);
    const stored = await assets.get(shot.frameHash as AssetHash);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(pngBytes(3));
  });

  test('several files fill the scene in file-name order; the rest become new shots; one undo', async () => {
    const before = shots().length;
    const undoDepth = session.undoManager.undoStack.length;
    const files = ['f10.png', 'f2.png', 'f1.png', 'f3.png', 'f4.png'].map((name, i) =>
      png(name, 10 + i),
    );
    const outcome = await putPicturesOnShots(files, { sceneId, startShotId: null }, deps());
    expect(outcome.placed).toHaveLength(3);
    expect(outcome.added).toHaveLength(2);
    expect(shots().map((s) => s.takes[0]?.prompt)).toEqual([
      'f1.png',
      'f2.png',
      'f3.png',
      'f4.png',
      'f10.png',
    ]);
    expect(shots().map((s) => s.number)).toEqual(['1', '1A', '1B', '1C', '1D']);
    expect(session.undoManager.undoStack.length).toBe(undoDepth + 1);
    session.undo();
    expect(shots()).toHaveLength(before);
    expect(shots().every((s) => s.frameSource !== 'upload' && s.takes.length === 0)).toBe(true);
  });

  test('an SVG is refused with its name and why; the other files are still used', async () => {
    const outcome = await putPicturesOnShots(
      [svg, png('a.png', 4)],
      { sceneId, startShotId: null },
      deps(),
    );
    expect(outcome.refused).toEqual([
      { name: 'logo.svg', reason: 'an SVG image, which can carry scripts' },
    ]);
    expect(outcome.placed).toEqual([shots()[0]!.id]);
    const notices = pictureNotices(outcome, (id) => shots().find((s) => s.id === id)!.number);
    expect(notices).toContainEqual({
      kind: 'error',
      title: '“logo.svg” not used',
      detail:
        'It is an SVG image, which can carry scripts. Frames can be PNG, JPEG, WebP, GIF or AVIF pictures.',
    });
    expect(notices[0]).toMatchObject({ kind: 'info', title: 'Picture on shot 1' });
  });

  test('a huge picture is stored scaled down to cover the project frame, and says so', async () => {
    const huge = pngBytes(5);
    huge[40] = 0xee;
    const outcome = await putPicturesOnShots(
      [file('huge.png', huge)],
      { sceneId, startShotId: null },
      deps(),
    );
    expect(outcome.scaled).toEqual([
      { name: 'huge.png', from: { width: 6000, height: 4000 }, to: { width: 1620, height: 1080 } },
    ]);
    const stored = await assets.get(shots()[0]!.frameHash as AssetHash);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(pngBytes(99));
    const [notice] = pictureNotices(outcome, () => '1');
    expect(notice?.detail).toBe('huge.png scaled from 6000×4000 to 1620×1080.');
  });

  test('a read-only project takes no picture and says why', async () => {
    await session.forceReadOnly('A newer build has this project open.');
    const outcome = await putPicturesOnShots(
      [png('a.png', 6)],
      { sceneId, startShotId: null },
      deps(),
    );
    expect(outcome.error).toMatch(/newer build/);
    expect(shots().every((s) => s.frameSource !== 'upload')).toBe(true);
  });
});

describe('an uploaded frame is never replaced without asking', () => {
  test('the sketch scheduler leaves it alone, even after the shot changes', async () => {
    await putPicturesOnShots([png('a.png', 7)], { sceneId, startShotId: null }, deps());
    const id = shots()[0]!.id;
    const frame = shots()[0]!.frameHash;
    runOk(session, 'shot/update', { shotId: id, patch: { action: 'Something else happens.' } });
    expect(sketchJobsFor(session.getState().snapshot).map((j) => j.shotId)).not.toContain(id);
    const scheduler = new SketchScheduler(session, assets, async () => pngBytes(50));
    await scheduler.idle();
    scheduler.stop();
    expect(shots()[0]).toMatchObject({ frameHash: frame, frameSource: 'upload' });
  });

  test('choosing the uploaded take again makes the frame an upload, not a generated frame', async () => {
    await putPicturesOnShots([png('a.png', 8)], { sceneId, startShotId: null }, deps());
    const shot = shots()[0]!;
    runOk(session, 'frame/returnToSketch', { shotId: shot.id });
    runOk(session, 'take/choose', { shotId: shot.id, takeId: shot.takes[0]!.id });
    expect(shots()[0]).toMatchObject({ frameSource: 'upload', frameHash: shot.takes[0]!.hash });
    runOk(session, 'take/remove', { shotId: shot.id, takeId: shot.takes[0]!.id });
    expect(shots()[0]!.frameSource).toBe('sketch');
  });
});
