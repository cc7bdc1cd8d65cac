import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { writeBundle } from '../../src/export/bundle/writeBundle';
import type { AssetHash, ProjectId, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { writeSnapshot } from '../../src/store/projectDoc';
import { fakePng } from '../fake-provider/png';

/**
 * The "no script from content" attack (issue 10): a frame whose declared type is image/svg+xml
 * with a script inside, delivered by a project file, a bundle or a room peer. Opened as a blob in
 * a tab of the app's origin, the script would run there. Shared by unit and end-to-end tests.
 */

/** Where the script leaves its mark: a localStorage key of the app's origin. */
export const PWNED_KEY = 'frameline-pwned';

/**
 * An SVG whose script marks localStorage (`PWNED_KEY` = `label`) and, when given, calls a
 * loopback canary URL, so a test can see whether it ever ran.
 */
export function scriptedSvg(label: string, canaryUrl?: string): Uint8Array<ArrayBuffer> {
  const call = canaryUrl ? `new Image().src=${JSON.stringify(`${canaryUrl}${label}`)};` : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180">` +
    `<rect width="320" height="180" fill="#c33"/>` +
    `<script>localStorage.setItem(${JSON.stringify(PWNED_KEY)},${JSON.stringify(label)});${call}</script>` +
    `</svg>`;
  return new Uint8Array(Buffer.from(svg));
}

export function sha256(bytes: Uint8Array): AssetHash {
  return createHash('sha256').update(bytes).digest('hex') as AssetHash;
}

/** Two shots: shot 1 shows the hostile frame, shot 2 an honest PNG. */
function snapshotWith(title: string, hostile: AssetHash, honest: AssetHash): ProjectSnapshot {
  const scene = createScene({ id: 'scene-x' as SceneId, number: '1', heading: 'INT. LAB - DAY' });
  return {
    meta: createProjectMeta(title),
    scenes: [scene],
    shots: [
      createShot({
        id: 'shot-svg' as ShotId,
        sceneId: scene.id,
        number: '1',
        action: 'A red card.',
        frameHash: hostile,
        frameSource: 'upload',
      }),
      createShot({
        id: 'shot-png' as ShotId,
        sceneId: scene.id,
        number: '2',
        action: 'A plain card.',
        frameHash: honest,
        frameSource: 'upload',
      }),
    ],
    characters: [],
  };
}

const HONEST_PNG = new Uint8Array(fakePng('honest frame', 64, 36));

/** A project JSON file whose shot 1 frame is `svg`, declared as image/svg+xml. */
export function projectJsonWithFrame(svg: Uint8Array, title = 'Scripted JSON'): Buffer {
  const snapshot = snapshotWith(title, sha256(svg), sha256(HONEST_PNG));
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: snapshot,
      assets: [
        { hash: sha256(svg), mimeType: 'image/svg+xml', data: Buffer.from(svg).toString('base64') },
        {
          hash: sha256(HONEST_PNG),
          mimeType: 'image/png',
          data: Buffer.from(HONEST_PNG).toString('base64'),
        },
      ],
    }),
  );
}

/**
 * A `.frameline` bundle whose shot 1 frame is `svg` (declared image/svg+xml). With `carry: false`
 * the SVG is not in the zip but listed as missing: a valid bundle whose frame a room peer will be
 * asked for.
 */
export async function bundleWithFrame(
  svg: Uint8Array,
  { title = 'Scripted bundle', carry = true } = {},
): Promise<Uint8Array> {
  const snapshot = snapshotWith(title, sha256(svg), sha256(HONEST_PNG));
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const now = Date.now();
  const assets = [
    { hash: sha256(HONEST_PNG), mimeType: 'image/png', bytes: new Uint8Array(HONEST_PNG) },
    ...(carry
      ? [{ hash: sha256(svg), mimeType: 'image/svg+xml', bytes: new Uint8Array(svg) }]
      : []),
  ];
  return writeBundle({
    state: {
      row: {
        id: `${title.replace(/\W+/g, '-')}-id` as ProjectId,
        title,
        createdAt: now,
        updatedAt: now,
        shotCount: snapshot.shots.length,
        durationMs: 0,
        deletedAt: null,
      },
      update,
      snapshot,
      assetHashes: [sha256(svg), sha256(HONEST_PNG)],
    },
    assets,
    generator: 'hostile-test',
  });
}
