import type { SceneId, ShotId } from './ids';
import { checkAssetBytes, sniffMedia } from './mediaType';
import type { Shot } from './shot';

/**
 * Where pictures a person brings go: dropped on a scene they fill its shots in board order,
 * starting at the board they were dropped on (or the scene's first), one picture per shot.
 * OMITTED shots are passed over (they do not play) unless dropped on. What is left once the scene's last shot has
 * a picture becomes new shots at the scene's end: a folder of frames is a sequence the artist
 * drew, and dropping none of it is worse than a few boards to delete.
 *
 * Pure: the caller orders the pictures (see `byFileName`) and runs the command.
 */
export interface PicturePlan<T> {
  readonly placements: readonly { readonly shotId: ShotId; readonly item: T }[];
  /** Pictures past the scene's last shot, in order: each becomes a new shot at its end. */
  readonly extra: readonly T[];
}

export function planPictures<T>(
  shots: readonly Pick<Shot, 'id' | 'sceneId' | 'omitted'>[],
  sceneId: SceneId,
  startShotId: ShotId | null,
  items: readonly T[],
): PicturePlan<T> {
  const inScene = shots.filter((s) => s.sceneId === sceneId);
  const start = Math.max(
    0,
    inScene.findIndex((s) => s.id === startShotId),
  );
  // The board they were dropped on takes one even if OMITTED (the person chose it).
  const targets = inScene.slice(start).filter((s, i) => i === 0 || !s.omitted);
  const placements = targets
    .slice(0, items.length)
    .map((shot, i) => ({ shotId: shot.id, item: items[i] as T }));
  return { placements, extra: items.slice(placements.length) };
}

/**
 * Files in the order a person numbered them: `frame 2` before `frame 10`. A drop hands them over
 * in whatever order the file manager had them selected.
 */
export function byFileName<T extends { readonly name: string }>(files: readonly T[]): T[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...files].sort((a, b) => collator.compare(a.name, b.name));
}

export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/** No side of a kept picture is longer than this many times the frame's long side. */
const LONG_SIDE_CAP = 2;

/**
 * The size a picture is scaled down to so it still covers `frame` (the project's 1080p frame):
 * nothing is lost at any framing (a panorama's long side stops at twice the frame's), and a 6000×4000 photo does not weigh on every view, sync and
 * export. Null when the picture is no larger than that already (never scaled up).
 */
export function downscaledSize(picture: PixelSize, frame: PixelSize): PixelSize | null {
  if (!(picture.width > 0 && picture.height > 0)) return null;
  const cover = Math.max(frame.width / picture.width, frame.height / picture.height);
  // A panorama or a long scroll would stay huge at the covering size: its long side is capped.
  const longSide =
    (LONG_SIDE_CAP * Math.max(frame.width, frame.height)) / Math.max(picture.width, picture.height);
  const scale = Math.min(cover, longSide);
  if (scale >= 1) return null;
  return {
    width: Math.max(1, Math.round(picture.width * scale)),
    height: Math.max(1, Math.round(picture.height * scale)),
  };
}

/** Bigger files are refused before they are read: no storyboard frame is this large. */
export const MAX_PICTURE_BYTES = 64 * 1024 * 1024;

export type PictureCheck =
  | { readonly ok: true; readonly mimeType: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Whether bytes may become a frame: an accepted raster picture by its bytes (mediaType.ts), and
 * not a sound or a video. The reason reads after "it is…".
 */
export function checkPictureBytes(bytes: Uint8Array): PictureCheck {
  const checked = checkAssetBytes(bytes, 'application/octet-stream');
  if (!checked.ok) return checked;
  const sniffed = sniffMedia(bytes);
  if (sniffed?.kind !== 'image') {
    return { ok: false, reason: `${sniffed?.label ?? 'not a picture'}, not a picture` };
  }
  return { ok: true, mimeType: checked.mimeType };
}
