import * as Y from 'yjs';
import { writeBundle } from '../../src/export/bundle';
import type { AssetHash, ProjectId, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, totalDuration, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { writeSnapshot } from '../../src/store/projectDoc';
import { noisePng, sha256Hex } from './noisePng';

export interface BundleOfShots {
  readonly bytes: Uint8Array;
  readonly title: string;
  /** Hashes of the frames the shots show. */
  readonly referenced: readonly AssetHash[];
  /** Hashes of images the bundle carries that nothing in the document mentions. */
  readonly unreferenced: readonly AssetHash[];
}

export interface BundleOfShotsOptions {
  readonly shots: number;
  readonly scenes?: number;
  /** Images in the bundle (listed in its manifest, hashes right) that no shot uses. */
  readonly unreferenced?: number;
  /** Side of each noise frame in pixels (noise does not compress: about side² × 3 bytes). */
  readonly framePixels?: { readonly width: number; readonly height: number };
  readonly title?: string;
  readonly seed?: number;
}

/**
 * A valid `.frameline` bundle of a project with `shots` shots, each showing its own frame (seeded
 * noise PNGs, so every hash differs), plus optional images no shot uses: what a big real project
 * and an over-stuffed one look like to the importer. Deterministic for the same options.
 */
export async function bundleOfShots(options: BundleOfShotsOptions): Promise<BundleOfShots> {
  const { shots: shotCount, unreferenced = 0, seed = 1 } = options;
  const sceneCount = options.scenes ?? Math.max(1, Math.round(shotCount / 20));
  const { width, height } = options.framePixels ?? { width: 96, height: 54 };
  const title = options.title ?? `Bundle of ${shotCount} shots`;
  const frame = (n: number) => {
    const bytes = noisePng(width, height, seed * 1_000_003 + n);
    return {
      hash: sha256Hex(bytes) as AssetHash,
      mimeType: 'image/png',
      bytes: new Uint8Array(bytes),
    };
  };
  const scenes = Array.from({ length: sceneCount }, (_, i) =>
    createScene({
      id: `scene-${seed}-${i}` as SceneId,
      number: String(i + 1),
      heading: `INT. ROOM ${i + 1} - DAY`,
    }),
  );
  const frames = Array.from({ length: shotCount }, (_, i) => frame(i));
  const shots = frames.map((asset, i) => {
    const scene = scenes[Math.floor((i * sceneCount) / shotCount)]!;
    return createShot({
      id: `shot-${seed}-${String(i).padStart(5, '0')}` as ShotId,
      sceneId: scene.id,
      number: `${scene.number}-${i}`,
      action: `Shot ${i + 1}: someone crosses the room and looks out of the window.`,
      frameHash: asset.hash,
      frameSource: 'upload',
    });
  });
  const extras = Array.from({ length: unreferenced }, (_, i) => frame(shotCount + i));
  const snapshot: ProjectSnapshot = {
    meta: createProjectMeta(title),
    scenes,
    shots,
    characters: [],
  };
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const at = Date.UTC(2025, 0, 1);
  const bytes = await writeBundle({
    state: {
      row: {
        id: `bundle-${seed}` as ProjectId,
        title,
        createdAt: at,
        updatedAt: at,
        shotCount,
        durationMs: totalDuration(snapshot),
        deletedAt: null,
      },
      update,
      snapshot,
      assetHashes: frames.map((f) => f.hash),
    },
    assets: [...frames, ...extras],
    generator: 'tests/helpers/bigBundle.ts',
    exportedAt: new Date(at),
  });
  return {
    bytes,
    title,
    referenced: frames.map((f) => f.hash),
    unreferenced: extras.map((f) => f.hash),
  };
}
