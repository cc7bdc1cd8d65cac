import { APPROVAL_LABELS, type Approval, type ApprovalState } from '../../model/approval';
import {
  CAMERA_ANGLE_LABELS,
  CAMERA_MOVE_LABELS,
  type CameraAngle,
  type CameraMove,
  type ShotType,
} from '../../model/camera';
import { isResolved, threadsOf, type Comment, type ThreadResolution } from '../../model/comment';
import type { ShotId } from '../../model/ids';
import { aspectValue, type FrameFit, type ProjectSnapshot } from '../../model/project';
import type { DialogueLine } from '../../model/shot';
import type { PdfSelection } from './pdfOptions';

/**
 * What the PDF is made from: plain, structured-clonable data (it is posted to the worker), the
 * selected boards only, comments and approvals already joined to their shots.
 */
export interface PdfBoard {
  readonly shotId: string;
  readonly number: string;
  readonly sceneNumber: string;
  readonly sceneHeading: string;
  readonly shotType: ShotType;
  readonly cameraAngle: CameraAngle;
  readonly cameraMove: CameraMove;
  readonly durationMs: number;
  readonly action: string;
  readonly dialogue: readonly DialogueLine[];
  readonly notes: string;
  readonly frameHash: string | null;
  readonly approval: ApprovalState | null;
  /** Open threads' comments, oldest first. */
  readonly comments: readonly { readonly author: string; readonly body: string }[];
}

export interface PdfDocumentInput {
  readonly title: string;
  /** Frame width / height. */
  readonly aspect: number;
  /** How a picture of another shape sits in its frame (meta.frameFit); letterbox when absent. */
  readonly fit?: FrameFit;
  /** Shown on the cover and in the footer; empty for none. */
  readonly version: string;
  /** The date as the person reads it (formatted where their locale is known). */
  readonly dateText: string;
  readonly boards: readonly PdfBoard[];
}

export interface PdfReview {
  readonly comments: readonly Comment[];
  readonly resolutions: ReadonlyMap<string, ThreadResolution>;
  readonly approvals: ReadonlyMap<ShotId, Approval>;
}

/**
 * The shots a selection keeps, in board order: the listed scenes (none = all), then from the shot
 * numbered `fromShot` to the one numbered `toShot` (either empty = open). OMITTED shots are left
 * out, as in the animatic.
 */
export function selectShots(snapshot: ProjectSnapshot, selection: PdfSelection) {
  const scenes = new Set(selection.sceneIds);
  let shots = snapshot.shots.filter(
    (shot) => !shot.omitted && (scenes.size === 0 || scenes.has(shot.sceneId)),
  );
  const from = selection.fromShot.trim();
  const to = selection.toShot.trim();
  if (from) {
    const start = shots.findIndex((shot) => shot.number === from);
    if (start >= 0) shots = shots.slice(start);
  }
  if (to) {
    const end = shots.findIndex((shot) => shot.number === to);
    if (end >= 0) shots = shots.slice(0, end + 1);
  }
  return shots;
}

export function pdfInputOf(
  snapshot: ProjectSnapshot,
  review: PdfReview,
  selection: PdfSelection,
  extra: { readonly version: string; readonly dateText: string },
): PdfDocumentInput {
  const scenes = new Map(snapshot.scenes.map((scene) => [scene.id, scene]));
  const commentsByShot = new Map<string, { author: string; body: string }[]>();
  for (const thread of threadsOf(review.comments, review.resolutions)) {
    if (thread.target.kind !== 'shot' || isResolved(thread)) continue;
    const list = commentsByShot.get(thread.target.id) ?? [];
    for (const comment of thread.comments)
      list.push({ author: comment.author.name, body: comment.body });
    commentsByShot.set(thread.target.id, list);
  }
  const boards = selectShots(snapshot, selection).map((shot): PdfBoard => {
    const scene = scenes.get(shot.sceneId);
    return {
      shotId: shot.id,
      number: shot.number,
      sceneNumber: scene?.number ?? '',
      sceneHeading: scene?.heading ?? '',
      shotType: shot.shotType,
      cameraAngle: shot.cameraAngle,
      cameraMove: shot.cameraMove,
      durationMs: shot.durationMs,
      action: shot.action,
      dialogue: shot.dialogue,
      notes: shot.notes,
      frameHash: shot.frameHash,
      approval: review.approvals.get(shot.id)?.state ?? null,
      comments: commentsByShot.get(shot.id) ?? [],
    };
  });
  return {
    title: snapshot.meta.title,
    aspect: aspectValue(snapshot.meta.aspectRatio),
    fit: snapshot.meta.frameFit,
    version: extra.version,
    dateText: extra.dateText,
    boards,
  };
}

/** `65_000` → `1:05`, `3_000` → `0:03`, `2_500` → `0:02.5`: how a board's length is read. */
export function clockDuration(durationMs: number): string {
  const tenths = Math.round(durationMs / 100);
  const seconds = Math.floor(tenths / 10);
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  const fraction = tenths % 10 === 0 ? '' : `.${tenths % 10}`;
  return `${minutes}:${rest}${fraction}`;
}

export function cameraLine(board: Pick<PdfBoard, 'shotType' | 'cameraAngle' | 'cameraMove'>) {
  return `${board.shotType} · ${CAMERA_ANGLE_LABELS[board.cameraAngle]} · ${CAMERA_MOVE_LABELS[board.cameraMove]}`;
}

export function approvalText(state: ApprovalState): string {
  return APPROVAL_LABELS[state];
}

/** Every text the input can print: what decides which fonts are loaded. */
export function inputTexts(input: PdfDocumentInput): string[] {
  const texts = [input.title, input.version, input.dateText];
  for (const board of input.boards) {
    texts.push(board.sceneHeading, board.action, board.notes, board.number);
    for (const line of board.dialogue) texts.push(line.speaker, line.parenthetical, line.line);
    for (const comment of board.comments) texts.push(comment.author, comment.body);
  }
  return texts;
}
