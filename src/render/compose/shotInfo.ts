import { CAMERA_ANGLE_LABELS, CAMERA_MOVE_LABELS, SHOT_TYPE_LABELS } from '../../model/camera';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';

/** The shot info overlay's text (what the offline sketch used to paint under every picture). */
export interface ShotInfo {
  /** `3A · Medium shot · Low angle · Pan` */
  readonly title: string;
  /** `INT. KITCHEN - NIGHT — She opens the fridge.` */
  readonly text: string;
}

const ACTION_MAX_CHARS = 140;

/** Shot number, type, angle and move (when not the default), slugline and action. */
export function shotInfoFor(shot: Shot, scene: Scene | undefined): ShotInfo {
  const title = [
    shot.number,
    SHOT_TYPE_LABELS[shot.shotType],
    shot.cameraAngle === 'eye' ? '' : CAMERA_ANGLE_LABELS[shot.cameraAngle],
    shot.cameraMove === 'static' ? '' : CAMERA_MOVE_LABELS[shot.cameraMove],
  ]
    .filter((part) => part.length > 0)
    .join(' · ');
  const first = shot.dialogue[0];
  const action = (shot.action.trim() || (first ? `${first.speaker}: ${first.line}` : '')).replace(
    /\s+/g,
    ' ',
  );
  const clipped =
    action.length > ACTION_MAX_CHARS ? `${action.slice(0, ACTION_MAX_CHARS - 1)}…` : action;
  const text = [scene?.heading.trim() ?? '', clipped].filter((s) => s.length > 0).join(' — ');
  return { title, text };
}
