import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AssetHash } from '../../model/ids';
import { aspectValue, timelineShots, type ProjectSnapshot } from '../../model/project';
import { fileSlug } from '../fileNames';
import { buildEditTimeline } from '../timeline/editTimeline';
import { writeEdl } from '../timeline/edlWriter';
import { writeFcp7 } from '../timeline/fcp7Writer';
import { writeFcpxml } from '../timeline/fcpxmlWriter';
import { writeOtio } from '../timeline/otioWriter';
import type { TimelineRateId } from '../timeline/rates';
import { readAssets, type AssetSource, type ExportControl } from './assetSource';
import type { ConvertImage, FrameShape } from './frameShape';
import { extensionFor } from './mediaFiles';

/**
 * An editor's timeline as one zip: the timeline file at the top and the media it points at
 * beside it (`frames/3A.png`, `audio/3A-dialogue.wav`), so unzipping anywhere and opening the
 * timeline finds every file by its relative path. Media are stored, not deflated: PNG, JPEG and
 * compressed sound gain nothing from it. A frame of another shape than the project's (a picture
 * uploaded before the aspect ratio changed) is fitted as the boards show it, by `convert`, so the
 * editor gets what the animatic shows; a frame already in shape is kept byte for byte.
 */
export const TIMELINE_FORMATS = ['otio', 'fcp7', 'fcpxml', 'edl'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

const WRITERS = { otio: writeOtio, fcp7: writeFcp7, fcpxml: writeFcpxml, edl: writeEdl } as const;
const FILE_EXTENSIONS: Record<TimelineFormat, string> = {
  otio: 'otio',
  fcp7: 'xml',
  fcpxml: 'fcpxml',
  edl: 'edl',
};

export interface ExportedFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly fileName: string;
  readonly mimeType: string;
  /** Frames and sounds the timeline points at that this browser does not have. */
  readonly missing: number;
}

export function timelineFileName(
  title: string,
  format: TimelineFormat,
  rate: TimelineRateId,
): string {
  return `${fileSlug(title)}-${format}-${rate.replace('.', '')}fps.zip`;
}

export async function timelinePackage(
  snapshot: ProjectSnapshot,
  format: TimelineFormat,
  rate: TimelineRateId,
  assets: AssetSource,
  convert: ConvertImage,
  control: ExportControl = {},
): Promise<ExportedFile> {
  const frame: FrameShape = {
    aspect: aspectValue(snapshot.meta.aspectRatio),
    fit: snapshot.meta.frameFit,
  };
  const hashes: AssetHash[] = [];
  for (const shot of timelineShots(snapshot)) {
    if (shot.frameHash) hashes.push(shot.frameHash);
    for (const clip of shot.audio) hashes.push(clip.assetHash);
  }
  const found = await readAssets(assets, hashes, control);
  const timeline = buildEditTimeline(snapshot, rate, (hash) => {
    const asset = found.get(hash);
    return asset ? extensionFor(asset.type) : null;
  });
  const slug = fileSlug(snapshot.meta.title);
  const files: Zippable = {
    [`${slug}.${FILE_EXTENSIONS[format]}`]: strToU8(WRITERS[format](timeline)),
  };
  let missing = 0;
  for (const media of timeline.media) {
    const asset = media.hash ? found.get(media.hash) : undefined;
    if (!asset) {
      missing++;
      continue;
    }
    const bytes = asset.type.startsWith('image/')
      ? await convert(asset.bytes, asset.type, asset.type, frame)
      : asset.bytes;
    files[media.path] = [bytes, { level: 0 }];
  }
  return {
    // fflate allocates plain ArrayBuffers; the type only says it could be shared.
    bytes: zipSync(files) as Uint8Array<ArrayBuffer>,
    fileName: timelineFileName(snapshot.meta.title, format, rate),
    mimeType: 'application/zip',
    missing,
  };
}
