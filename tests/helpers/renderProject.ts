// A small project with camera moves, transitions, a dialogue clip and music, written as a
// Frameline project JSON (the app's own export format) so an e2e test can import it through the
// "Project file" input: no test-only hooks in the app. Pictures and sounds are made with ffmpeg.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { presetFraming } from '../../src/model/framing';
import type { SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { fps, ms } from '../../src/model/units';
import { projectToJson, type AssetBytes } from '../../src/export/projectJson';
import { hashBytes } from '../../src/store/assets';
import type { Rgb } from './media';

const PICTURE_SIZE = '1280x720';

/** Shot pictures: flat colours, so a dissolve's frame is measurably neither of its neighbours. */
export const SHOT_COLOURS: readonly { readonly name: string; readonly rgb: Rgb }[] = [
  { name: 'red', rgb: [220, 40, 40] },
  { name: 'blue', rgb: [40, 60, 220] },
  { name: 'green', rgb: [40, 200, 60] },
  { name: 'yellow', rgb: [230, 220, 40] },
];
export const SHOT_MS = 2000;
export const CROSSFADE_MS = 1000;
export const FRAME_RATE = 25;
export const TITLE = 'Sound and Motion';

function hex(rgb: Rgb): string {
  return rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

async function assetFrom(path: string, mimeType: string): Promise<AssetBytes> {
  const bytes = new Uint8Array(readFileSync(path));
  return { hash: await hashBytes(bytes), mimeType, bytes };
}

/** Writes `<dir>/sound-and-motion.json` and returns its path. */
export async function writeRenderProject(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const pictures: AssetBytes[] = [];
  for (const { name, rgb } of SHOT_COLOURS) {
    const path = join(dir, `${name}.png`);
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      `color=c=0x${hex(rgb)}:s=${PICTURE_SIZE}`,
      '-frames:v',
      '1',
      path,
    ]);
    pictures.push(await assetFrom(path, 'image/png'));
  }
  const totalSeconds = (SHOT_COLOURS.length * SHOT_MS) / 1000;
  const musicPath = join(dir, 'music.wav');
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=330:duration=${totalSeconds + 2}`,
    '-ar',
    '48000',
    musicPath,
  ]);
  const voicePath = join(dir, 'dialogue.wav');
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=660:duration=1.5', '-ar', '44100', voicePath]);
  const music = await assetFrom(musicPath, 'audio/wav');
  const voice = await assetFrom(voicePath, 'audio/wav');

  const scene = createScene({
    id: 'scene-1' as SceneId,
    number: '1',
    heading: 'INT. STUDIO - DAY',
  });
  // The last shot has a scene of its own: the render dialog can render one scene.
  const lastScene = createScene({
    id: 'scene-2' as SceneId,
    number: '2',
    heading: 'EXT. GARDEN - NIGHT',
  });
  const shot = (i: number) => {
    const picture = pictures[i];
    if (!picture) throw new Error(`no picture ${i}`);
    return createShot({
      id: `shot-${i + 1}` as ShotId,
      sceneId: i === SHOT_COLOURS.length - 1 ? lastScene.id : scene.id,
      number: i === 0 ? '1' : `1${String.fromCharCode(64 + i)}`,
      durationMs: ms(SHOT_MS),
      frameHash: picture.hash,
      // An upload is never redrawn by the sketcher.
      frameSource: 'upload',
    });
  };
  const snapshot: ProjectSnapshot = {
    meta: {
      ...createProjectMeta(TITLE),
      frameRate: fps(FRAME_RATE),
      music: { assetHash: music.hash, volume: 0.5, fadeInMs: ms(500), fadeOutMs: ms(1000) },
    },
    scenes: [scene, lastScene],
    shots: [
      {
        ...shot(0),
        transitionOut: { kind: 'crossfade', durationMs: ms(CROSSFADE_MS) },
        dialogue: [{ speaker: 'ANNA', line: 'Is anyone there?', parenthetical: '' }],
      },
      {
        ...shot(1),
        cameraMove: 'pan',
        audio: [
          {
            id: 'voice-1',
            assetHash: voice.hash,
            kind: 'dialogue',
            volume: 1,
            offsetMs: ms(200),
            durationMs: ms(1500),
          },
        ],
        dialogue: [{ speaker: 'BEN', line: 'Right behind you.', parenthetical: '' }],
      },
      {
        ...shot(2),
        framing: presetFraming('zoom'),
        transitionOut: { kind: 'dipToBlack', durationMs: ms(600) },
      },
      shot(3),
    ],
    characters: [],
  };
  const path = join(dir, 'sound-and-motion.json');
  writeFileSync(path, projectToJson(snapshot, [...pictures, music, voice]));
  return path;
}
