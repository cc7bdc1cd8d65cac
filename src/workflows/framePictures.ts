import type { SceneId, ShotId } from '../model/ids';
import {
  byFileName,
  checkPictureBytes,
  MAX_PICTURE_BYTES,
  planPictures,
  type PixelSize,
} from '../model/picturePlacement';
import { aspectValue } from '../model/project';
import { newTakeId, type Take } from '../model/take';
import { resolutionFor } from '../render/resolution';
import { AssetRefusedError, type AssetStore, type ProjectSession } from '../store';
import type { Notice } from './appServices';

/** A file, a pasted picture, a dropped one: a name and its bytes, read only when needed. */
export interface PictureSource {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

export interface FittedPicture {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  /** The picture's own size, and the size it was scaled down to (null: kept as it was). */
  readonly from: PixelSize;
  readonly to: PixelSize | null;
}

/**
 * Decodes a picture and scales it down to cover `frame` if it is larger (the page's one uses
 * createImageBitmap, which decodes and resizes off the main thread, and OffscreenCanvas). Throws
 * when the bytes do not decode.
 */
export type FitPicture = (
  bytes: Uint8Array,
  mimeType: string,
  frame: PixelSize,
) => Promise<FittedPicture>;

export interface PictureDeps {
  readonly session: ProjectSession;
  readonly assets: AssetStore;
  readonly fit: FitPicture;
}

/** Where pictures go: a scene, from one of its boards (or its first). */
export interface PictureTarget {
  readonly sceneId: SceneId;
  readonly startShotId: ShotId | null;
}

export interface PictureOutcome {
  /** Shots whose frame is now a picture, in order. */
  readonly placed: readonly ShotId[];
  /** Shots made for pictures past the scene's last shot. */
  readonly added: readonly ShotId[];
  readonly refused: readonly { readonly name: string; readonly reason: string }[];
  readonly scaled: readonly {
    readonly name: string;
    readonly from: PixelSize;
    readonly to: PixelSize;
  }[];
  /** The command's refusal (a read-only project…), or null. */
  readonly error: string | null;
}

/** The frame pictures are kept at: the project's 1080p output (render/resolution.ts). */
export const PICTURE_FRAME_CLASS = 1080;

/**
 * Puts pictures a person brought on a scene's shots (see model/picturePlacement.ts for where
 * each goes): every file is checked by its bytes and refused with its reason if it is not a
 * raster picture, scaled down if huge, stored by its hash and kept as an `upload` take that
 * becomes the frame. One command for all of them, so one undo takes the whole drop back. The
 * original of a scaled picture is not kept: it is still on the person's disk, and a 50 MB
 * photo in every sync and bundle would cost more than it gives a storyboard.
 */
export async function putPicturesOnShots(
  files: readonly PictureSource[],
  target: PictureTarget,
  deps: PictureDeps,
): Promise<PictureOutcome> {
  const { session, assets, fit } = deps;
  const meta = session.getState().snapshot.meta;
  const frame = resolutionFor(aspectValue(meta.aspectRatio), PICTURE_FRAME_CLASS);
  const refused: { name: string; reason: string }[] = [];
  const scaled: { name: string; from: PixelSize; to: PixelSize }[] = [];
  const takes: Take[] = [];
  for (const file of byFileName(files)) {
    const take = await pictureTake(file, frame, assets, fit).catch((error: unknown) => ({
      reason:
        error instanceof AssetRefusedError
          ? error.reason
          : error instanceof Error
            ? error.message
            : String(error),
    }));
    if ('reason' in take) {
      refused.push({ name: file.name, reason: take.reason });
      continue;
    }
    if (take.scaledTo) scaled.push({ name: file.name, from: take.from, to: take.scaledTo });
    takes.push(take.take);
  }
  const none = { placed: [], added: [], refused, scaled, error: null };
  if (takes.length === 0) return none;
  const plan = planPictures(
    session.getState().snapshot.shots,
    target.sceneId,
    target.startShotId,
    takes,
  );
  const result = session.run('frame/putPictures', {
    placements: plan.placements.map(({ shotId, item }) => ({ shotId, take: item })),
    extra: plan.extra.length > 0 ? { sceneId: target.sceneId, takes: plan.extra } : null,
  });
  if (!result.ok) return { ...none, error: result.error.message };
  return { ...none, placed: plan.placements.map((p) => p.shotId), added: result.value };
}

type PictureTake =
  | { readonly take: Take; readonly from: PixelSize; readonly scaledTo: PixelSize | null }
  | { readonly reason: string };

async function pictureTake(
  file: PictureSource,
  frame: PixelSize,
  assets: AssetStore,
  fit: FitPicture,
): Promise<PictureTake> {
  if (file.size > MAX_PICTURE_BYTES) {
    const mb = Math.round(MAX_PICTURE_BYTES / 1024 / 1024);
    return { reason: `larger than ${mb} MB` };
  }
  const bytes = await file.bytes();
  const checked = checkPictureBytes(bytes);
  if (!checked.ok) return { reason: checked.reason };
  let fitted: FittedPicture;
  try {
    fitted = await fit(bytes, checked.mimeType, frame);
  } catch {
    return { reason: 'a picture that could not be decoded (damaged or cut short)' };
  }
  const hash = await assets.put(fitted.bytes, fitted.mimeType);
  const take: Take = {
    id: newTakeId(),
    hash,
    providerKind: 'upload',
    source: 'upload',
    providerLabel: 'Uploaded',
    model: '',
    // Where the picture came from, shown on the take like a generated take's prompt.
    prompt: file.name,
    createdAt: Date.now(),
  };
  return { take, from: fitted.from, scaledTo: fitted.to };
}

/** What to tell the person: what was placed and made, and each refused file with its reason. */
export function pictureNotices(
  outcome: PictureOutcome,
  numberOf: (id: ShotId) => string,
): Notice[] {
  const notices: Notice[] = [];
  if (outcome.error) {
    notices.push({ kind: 'error', title: 'Pictures not used', detail: outcome.error });
  }
  const placed = outcome.placed.map(numberOf);
  const added = outcome.added.map(numberOf);
  if (placed.length + added.length > 0) {
    const parts = [
      placed.length > 0 ? `on ${shotList(placed)}` : '',
      added.length > 0
        ? `${added.length} new ${added.length === 1 ? 'shot' : 'shots'} for the rest (${added.join(', ')})`
        : '',
    ].filter(Boolean);
    const count = placed.length + added.length;
    const scaled = outcome.scaled.map(
      (s) =>
        `${s.name} scaled from ${s.from.width}×${s.from.height} to ${s.to.width}×${s.to.height}`,
    );
    notices.push({
      kind: 'info',
      title: `${count === 1 ? 'Picture' : `${count} pictures`} ${parts.join('; ')}`,
      ...(scaled.length > 0 ? { detail: `${scaled.join('; ')}.` } : {}),
    });
  }
  for (const { name, reason } of outcome.refused) {
    notices.push({
      kind: 'error',
      title: `“${name}” not used`,
      detail: `It is ${reason}. Frames can be PNG, JPEG, WebP, GIF or AVIF pictures.`,
    });
  }
  return notices;
}

function shotList(numbers: readonly string[]): string {
  return `${numbers.length === 1 ? 'shot' : 'shots'} ${numbers.join(', ')}`;
}
