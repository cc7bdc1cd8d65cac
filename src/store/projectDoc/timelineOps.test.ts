import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { AssetHash, SceneId, ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { CUT } from '../../model/transition';
import { ms } from '../../model/units';
import { readProject, rootsOf, writeSnapshot } from '.';
import { USER_ORIGIN } from './layout';
import {
  fitShotToAudio,
  removeAudioClip,
  setAudioClip,
  setMusic,
  setShotFraming,
  setTransition,
} from './timelineOps';

const HASH = 'b'.repeat(64) as AssetHash;
const A = 'a' as ShotId;

function doc(): Y.Doc {
  const scene = createScene({ id: 's' as SceneId, number: '1', heading: 'INT. ROOM - DAY' });
  const snapshot: ProjectSnapshot = {
    meta: createProjectMeta('Timeline'),
    scenes: [scene],
    shots: [
      createShot({ id: A, sceneId: scene.id, number: '1' }),
      createShot({ id: 'b' as ShotId, sceneId: scene.id, number: '1A' }),
    ],
    characters: [],
  };
  const d = new Y.Doc();
  writeSnapshot(d, snapshot);
  return d;
}

const shotA = (d: Y.Doc) => readProject(d).snapshot.shots[0]!;

describe('timeline operations', () => {
  test('new and old shots read with a cut, the preset camera and no sound', () => {
    const d = doc();
    // A shot written before these fields existed: the reader fills the defaults.
    for (const key of ['framing', 'transitionOut', 'audio']) rootsOf(d).shots.get('a')?.delete(key);
    rootsOf(d).meta.delete('music');
    const result = readProject(d);
    expect(result.problems).toEqual([]);
    expect(result.snapshot.shots[0]).toMatchObject({
      framing: null,
      transitionOut: CUT,
      audio: [],
    });
    expect(result.snapshot.meta.music).toBeNull();
  });

  test('framing and transition are stored normalised and read back', () => {
    const d = doc();
    setShotFraming(d, A, {
      start: { x: 0, y: 0, w: 1, h: 1 },
      end: { x: 0.9, y: 0.1, w: 0.5, h: 0.5 },
      easing: 'ease-out',
      shake: 0,
    });
    setTransition(d, A, { kind: 'wipe', durationMs: ms(600) });
    expect(shotA(d).framing?.end).toEqual({ x: 0.5, y: 0.1, w: 0.5, h: 0.5 });
    expect(shotA(d).transitionOut).toEqual({ kind: 'wipe', durationMs: 600, direction: 'right' });
    setShotFraming(d, A, null);
    expect(shotA(d).framing).toBeNull();
  });

  test('clips are added, replaced by id and removed; fit to audio sets the duration', () => {
    const d = doc();
    const id = setAudioClip(d, A, {
      assetHash: HASH,
      kind: 'tts',
      volume: 1,
      offsetMs: ms(250),
      durationMs: ms(4100),
    });
    expect(id).not.toBeNull();
    expect(shotA(d).audio).toHaveLength(1);
    setAudioClip(d, A, {
      id: id!,
      assetHash: HASH,
      kind: 'tts',
      volume: 0.5,
      offsetMs: ms(0),
      durationMs: ms(4100),
    });
    expect(shotA(d).audio).toEqual([
      { id, assetHash: HASH, kind: 'tts', volume: 0.5, offsetMs: 0, durationMs: 4100 },
    ]);
    expect(fitShotToAudio(d, A, 200)).toBe(4300);
    expect(shotA(d).durationMs).toBe(4300);
    removeAudioClip(d, A, id!);
    expect(shotA(d).audio).toEqual([]);
    expect(fitShotToAudio(d, A)).toBeNull();
    expect(
      setAudioClip(d, 'missing' as ShotId, {
        assetHash: HASH,
        kind: 'tts',
        volume: 1,
        offsetMs: ms(0),
        durationMs: ms(1),
      }),
    ).toBeNull();
  });

  test('music is set, survives a round trip to a peer, and is cleared', () => {
    const d = doc();
    setMusic(d, { assetHash: HASH, volume: 0.4, fadeInMs: ms(1000), fadeOutMs: ms(2000) });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(d));
    expect(readProject(peer).snapshot.meta.music).toEqual({
      assetHash: HASH,
      volume: 0.4,
      fadeInMs: 1000,
      fadeOutMs: 2000,
    });
    setMusic(d, null);
    expect(readProject(d).snapshot.meta.music).toBeNull();
  });

  test('each edit is one undo step', () => {
    const d = doc();
    const undo = new Y.UndoManager([rootsOf(d).shots, rootsOf(d).meta], {
      trackedOrigins: new Set([USER_ORIGIN]),
    });
    setTransition(d, A, { kind: 'crossfade', durationMs: ms(800) });
    expect(shotA(d).transitionOut.kind).toBe('crossfade');
    undo.undo();
    expect(shotA(d).transitionOut).toEqual(CUT);
  });
});
