import { overscan } from './extended';
import { lerpPoint, type Point } from './geometry';
import { drawBigWindow, drawCounter, drawShelves, drawWallFeatures } from './interiorProps';
import { verticalGradient } from './paints';
import { planRoom, RAY_REACH, type Room } from './room';
import { interiorKind } from './setChoice';
import type { Stage } from './stage';

/**
 * An interior in one-point perspective: a back wall around the vanishing point and rays from it
 * through the wall's corners for floor, ceiling and side walls. `withView` draws the outside
 * through a big window (INT/EXT).
 */
export function drawInterior(stage: Stage, withView: boolean): void {
  const { scene, picture, palette, lines } = stage;
  const area = overscan(picture);
  const room = planRoom(stage);
  const { tl, tr, br, bl } = room.corners;
  const alpha = stage.framing.setAlpha;
  const ray = (corner: Point): Point => lerpPoint(room.vanishing, corner, RAY_REACH);

  scene.shape(
    [
      { x: area.x, y: area.y },
      { x: area.x + area.w, y: area.y },
      { x: area.x + area.w, y: area.y + area.h },
      { x: area.x, y: area.y + area.h },
    ],
    { fill: palette.wall, wobble: 0 },
  );
  scene.shape([bl, br, ray(br), ray(bl)], {
    fill: verticalGradient(
      room.vanishing.x,
      bl.y,
      picture.y + picture.h,
      palette.ground,
      palette.wall,
    ),
    wobble: 0,
  });
  scene.shape([tl, tr, ray(tr), ray(tl)], { fill: palette.paper, alpha: 0.6, wobble: 0 });
  scene.shape([tl, tr, br, bl], { fill: palette.paper, wobble: 0 });

  for (const corner of [tl, tr, br, bl]) scene.line(corner, ray(corner), lines.set, { alpha });
  scene.shape([tl, tr, br, bl], { stroke: lines.set, lineAlpha: alpha });
  drawFloorBoards(stage, room);

  const kind = interiorKind(stage.input.location);
  if (withView || kind === 'vehicle') drawBigWindow(stage, room, kind === 'vehicle');
  else drawWallFeatures(stage, room, kind);
  if (kind === 'kitchen') drawCounter(stage, room);
  if (kind === 'shelves') drawShelves(stage, room);
}

function drawFloorBoards(stage: Stage, room: Room): void {
  const { bl, br } = room.corners;
  const boards = 6;
  for (let i = 1; i < boards; i++) {
    const start = lerpPoint(bl, br, i / boards);
    stage.scene.line(start, lerpPoint(room.vanishing, start, RAY_REACH), stage.lines.fine, {
      alpha: stage.framing.setAlpha * 0.35,
    });
  }
}
