import type { Point, Rect } from './geometry';
import type { Stage } from './stage';

/** A room is about one and a half people tall; the camera height decides how much floor shows. */
const ROOM_HEIGHT_PEOPLE = 1.55;
const MAX_CAMERA_IN_ROOM = 1.4;
/** How far rays from the vanishing point are drawn: well past any overscanned edge. */
export const RAY_REACH = 12;
/** Back wall height as a share of the picture at a set zoom of 1, and its width to height. */
const BACK_WALL_HEIGHT_SHARE = 0.6;
const BACK_WALL_ASPECT = 1.7;
/** The back wall never fills the width, so the side walls and their perspective always show. */
const BACK_WALL_MAX_WIDTH_SHARE = 0.62;

/** The room's shape on screen, in scene space. */
export interface Room {
  readonly vanishing: Point;
  readonly backWall: Rect;
  readonly corners: {
    readonly tl: Point;
    readonly tr: Point;
    readonly br: Point;
    readonly bl: Point;
  };
}

/**
 * Places the back wall around the vanishing point. Its height follows the set zoom; how much of
 * it lies below the horizon follows the camera height (a high camera sees more floor).
 */
export function planRoom(stage: Stage): Room {
  const { picture, horizonY, framing, angle, setRandom: rng } = stage;
  const zoom = framing.setZoom;
  const wallHeight = picture.h * BACK_WALL_HEIGHT_SHARE * zoom;
  const camera = Math.min(angle.cameraHeight, MAX_CAMERA_IN_ROOM);
  const below = wallHeight * (camera / ROOM_HEIGHT_PEOPLE);
  const wallWidth = Math.min(
    wallHeight * BACK_WALL_ASPECT,
    picture.w * BACK_WALL_MAX_WIDTH_SHARE * zoom,
  );
  const vanishing = { x: picture.x + picture.w * (0.5 + rng.jitter(0.1)), y: horizonY };
  const left = vanishing.x - wallWidth * rng.range(0.4, 0.6);
  const top = horizonY + below - wallHeight;
  const backWall = { x: left, y: top, w: wallWidth, h: wallHeight };
  return {
    vanishing,
    backWall,
    corners: {
      tl: { x: left, y: top },
      tr: { x: left + wallWidth, y: top },
      br: { x: left + wallWidth, y: top + wallHeight },
      bl: { x: left, y: top + wallHeight },
    },
  };
}
