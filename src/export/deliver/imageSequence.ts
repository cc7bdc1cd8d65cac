import { zipSync, type Zippable } from 'fflate';
import type { AssetHash } from '../../model/ids';
import { aspectValue, timelineShots, type ProjectSnapshot } from '../../model/project';
import { fileSlug } from '../fileNames';
import { safeFileStem } from '../timeline/mediaNames';
import { readAssets, throwIfCancelled, type AssetSource, type ExportControl } from './assetSource';
import type { ConvertImage, FrameShape } from './frameShape';
import type { ExportedFile } from './timelinePackage';

/**
 * The frames as a numbered image sequence in a zip: `0001_1.png`, `0002_1A.png`, … — the order
 * prefix makes any file browser list them as the animatic plays, the shot number says which
 * board each is. Every frame goes through `convert` (a canvas in the browser), which encodes it
 * in the format asked for and, for a picture of another shape than the project's frame, fits it
 * as the boards show it (letterbox, crop or extend: frameShape.ts); a frame already in that
 * format and shape is kept byte for byte. Shots without a frame are skipped and counted.
 */
export type SequenceFormat = 'png' | 'jpeg';

export const SEQUENCE_TYPES: Record<SequenceFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
};
const SEQUENCE_EXTENSIONS: Record<SequenceFormat, string> = { png: 'png', jpeg: 'jpg' };

export type { ConvertImage } from './frameShape';

export function sequenceFileName(title: string, format: SequenceFormat): string {
  return `${fileSlug(title)}-frames-${format}.zip`;
}

export async function imageSequence(
  snapshot: ProjectSnapshot,
  format: SequenceFormat,
  assets: AssetSource,
  convert: ConvertImage,
  control: ExportControl = {},
): Promise<ExportedFile> {
  const shots = timelineShots(snapshot);
  const hashes = shots.flatMap((s) => (s.frameHash ? [s.frameHash] : []));
  const found = await readAssets(assets, hashes, control);
  const digits = Math.max(4, String(shots.length).length);
  const target = SEQUENCE_TYPES[format];
  const frame: FrameShape = {
    aspect: aspectValue(snapshot.meta.aspectRatio),
    fit: snapshot.meta.frameFit,
  };
  const converted = new Map<AssetHash, Uint8Array>();
  const files: Zippable = {};
  const taken = new Set<string>();
  let missing = 0;
  for (const [i, shot] of shots.entries()) {
    throwIfCancelled(control.signal);
    const asset = shot.frameHash ? found.get(shot.frameHash) : undefined;
    if (!shot.frameHash || !asset) {
      missing++;
      continue;
    }
    let bytes = converted.get(shot.frameHash);
    if (!bytes) {
      bytes = await convert(asset.bytes, asset.type, target, frame);
      converted.set(shot.frameHash, bytes);
    }
    let name = `${String(i + 1).padStart(digits, '0')}_${safeFileStem(shot.number)}`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    files[`${name}.${SEQUENCE_EXTENSIONS[format]}`] = [bytes, { level: 0 }];
  }
  return {
    bytes: zipSync(files) as Uint8Array<ArrayBuffer>,
    fileName: sequenceFileName(snapshot.meta.title, format),
    mimeType: 'application/zip',
    missing,
  };
}
