import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { ms } from '../model/units';
import { hashBytes } from '../store/assets';
import { assetHashesOf, projectFromJson, projectToJson, type AssetBytes } from './projectJson';
import { pngBytes, wavBytes } from '../../tests/helpers/mediaBytes';

async function asset(data: Uint8Array<ArrayBuffer>, mimeType: string): Promise<AssetBytes> {
  return { hash: await hashBytes(data), mimeType, bytes: data };
}

async function sample() {
  const frame = await asset(pngBytes(1), 'image/png');
  const voice = await asset(wavBytes(1), 'audio/wav');
  const music = await asset(wavBytes(2), 'audio/wav');
  const scene = createScene({ id: 's' as SceneId, number: '1', heading: 'INT. ROOM - DAY' });
  const snapshot: ProjectSnapshot = {
    meta: {
      ...createProjectMeta('Sound'),
      music: { assetHash: music.hash, volume: 0.4, fadeInMs: ms(500), fadeOutMs: ms(1500) },
    },
    scenes: [scene],
    shots: [
      createShot({
        id: 'a' as ShotId,
        sceneId: scene.id,
        number: '1',
        frameHash: frame.hash,
        frameSource: 'upload',
        framing: {
          start: { x: 0, y: 0, w: 1, h: 1 },
          end: { x: 0.1, y: 0.1, w: 0.8, h: 0.8 },
          easing: 'ease-in-out',
          shake: 0,
        },
        transitionOut: { kind: 'dipToBlack', durationMs: ms(700) },
        audio: [
          {
            id: 'clip',
            assetHash: voice.hash,
            kind: 'dialogue',
            volume: 1,
            offsetMs: ms(200),
            durationMs: ms(1800),
          },
        ],
      }),
    ],
    characters: [],
  };
  return { snapshot, assets: [frame, voice, music], voice, music };
}

describe('project JSON with camera moves, transitions and sound', () => {
  test('framing, transitions, clips and music round-trip with their audio bytes', async () => {
    const { snapshot, assets } = await sample();
    expect(assetHashesOf(snapshot).sort()).toEqual(assets.map((a) => a.hash).sort());
    const result = await projectFromJson(projectToJson(snapshot, assets));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot).toEqual(snapshot);
    expect(result.assets).toEqual(assets);
  });

  test('a file whose sound or music is missing is refused, naming what is missing', async () => {
    const { snapshot, assets, voice, music } = await sample();
    const withoutVoice = await projectFromJson(
      projectToJson(
        snapshot,
        assets.filter((a) => a !== voice),
      ),
    );
    expect(withoutVoice.ok ? '' : withoutVoice.error).toMatch(/a sound of shot 1 is not in it/);
    const withoutMusic = await projectFromJson(
      projectToJson(
        snapshot,
        assets.filter((a) => a !== music),
      ),
    );
    expect(withoutMusic.ok ? '' : withoutMusic.error).toMatch(/the music is not in it/);
  });

  test('a file from before these fields existed opens with cuts, presets and silence', async () => {
    const { snapshot, assets } = await sample();
    const file = JSON.parse(projectToJson(snapshot, assets));
    delete file.project.meta.music;
    const shot = file.project.shots[0];
    delete shot.framing;
    delete shot.transitionOut;
    delete shot.audio;
    const result = await projectFromJson(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.meta.music).toBeNull();
    expect(result.snapshot.shots[0]).toMatchObject({
      framing: null,
      transitionOut: { kind: 'cut', durationMs: 0 },
      audio: [],
    });
  });
});
