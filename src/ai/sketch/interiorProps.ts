import { lerp, type Point, type Rect } from './geometry';
import type { Room } from './room';
import type { InteriorKind } from './setChoice';
import type { Stage } from './stage';

/* Furniture of the back wall: windows, a door, a kitchen counter, shelves of books. */

/**
 * A window and maybe a door on the back wall, placed by the location's seed. Shelves take the
 * left of the wall and a kitchen's counter and cupboards its top and bottom, so the window keeps
 * clear of them.
 */
export function drawWallFeatures(stage: Stage, room: Room, kind: InteriorKind): void {
  const { backWall: wall } = room;
  const rng = stage.setRandom;
  const windowLeft = kind === 'shelves' ? false : rng.chance(0.5);
  const windowW = wall.w * rng.range(0.22, 0.32);
  const kitchen = kind === 'kitchen';
  const windowRect = {
    x: wall.x + (windowLeft ? wall.w * 0.12 : wall.w * 0.88 - windowW),
    y: wall.y + wall.h * (kitchen ? 0.34 : 0.2),
    w: windowW,
    h: wall.h * (kitchen ? 0.22 : 0.4),
  };
  drawWindow(stage, windowRect);
  if (kind === 'room' && rng.chance(0.6)) {
    const doorW = wall.w * 0.16;
    const doorX = windowLeft ? wall.x + wall.w * 0.7 : wall.x + wall.w * 0.14;
    const doorTop = wall.y + wall.h * 0.3;
    const floor = wall.y + wall.h;
    const alpha = stage.framing.setAlpha;
    stage.scene.shape(
      [
        { x: doorX, y: floor },
        { x: doorX, y: doorTop },
        { x: doorX + doorW, y: doorTop },
        { x: doorX + doorW, y: floor },
      ],
      { fill: stage.palette.wall, stroke: stage.lines.set, lineAlpha: alpha },
    );
    stage.scene.dot(
      { x: doorX + doorW * 0.82, y: lerp(doorTop, floor, 0.55) },
      doorW * 0.04,
      doorW * 0.04,
      stage.palette.softPencil,
      alpha,
    );
  }
}

export function drawWindow(stage: Stage, rect: Rect): void {
  const { scene, palette, lines } = stage;
  const alpha = stage.framing.setAlpha;
  const pane = palette.light === 'night' ? palette.skyTop : palette.skyHorizon;
  const corners = [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.w, y: rect.y },
    { x: rect.x + rect.w, y: rect.y + rect.h },
    { x: rect.x, y: rect.y + rect.h },
  ];
  scene.shape(corners, { fill: pane, stroke: lines.set, lineAlpha: alpha });
  const midX = rect.x + rect.w / 2;
  const midY = rect.y + rect.h / 2;
  scene.line({ x: midX, y: rect.y }, { x: midX, y: rect.y + rect.h }, lines.fine, { alpha });
  scene.line({ x: rect.x, y: midY }, { x: rect.x + rect.w, y: midY }, lines.fine, { alpha });
  // Sill: a ledge a little wider than the frame.
  const sill = rect.y + rect.h;
  scene.line(
    { x: rect.x - rect.w * 0.06, y: sill + rect.h * 0.04 },
    { x: rect.x + rect.w * 1.06, y: sill + rect.h * 0.04 },
    lines.set,
    { alpha },
  );
}

/**
 * INT/EXT and vehicles: most of the back wall is glass with the horizon beyond. A vehicle's glass
 * is a windshield, narrower at the top, over a dashboard.
 */
export function drawBigWindow(stage: Stage, room: Room, vehicle: boolean): void {
  const { backWall: wall } = room;
  const { scene, palette, lines } = stage;
  const alpha = stage.framing.setAlpha;
  const rect = {
    x: wall.x + wall.w * 0.08,
    y: wall.y + wall.h * 0.12,
    w: wall.w * 0.84,
    h: wall.h * 0.5,
  };
  if (!vehicle) {
    drawWindow(stage, rect);
  } else {
    const inset = rect.w * 0.08;
    const glass: Point[] = [
      { x: rect.x + inset, y: rect.y },
      { x: rect.x + rect.w - inset, y: rect.y },
      { x: rect.x + rect.w, y: rect.y + rect.h },
      { x: rect.x, y: rect.y + rect.h },
    ];
    scene.shape(glass, { fill: palette.skyHorizon, stroke: lines.set, lineAlpha: alpha });
    const dashTop = rect.y + rect.h;
    scene.shape(
      [
        { x: wall.x, y: dashTop },
        { x: wall.x + wall.w, y: dashTop },
        { x: wall.x + wall.w, y: dashTop + wall.h * 0.14 },
        { x: wall.x, y: dashTop + wall.h * 0.14 },
      ],
      { fill: palette.wall, stroke: lines.set, lineAlpha: alpha },
    );
  }
  const horizon = Math.min(Math.max(stage.horizonY, rect.y), rect.y + rect.h);
  scene.line({ x: rect.x, y: horizon }, { x: rect.x + rect.w, y: horizon }, lines.fine, {
    alpha: alpha * 0.6,
  });
}

export function drawCounter(stage: Stage, room: Room): void {
  const { bl, br } = room.corners;
  const { backWall: wall } = room;
  const alpha = stage.framing.setAlpha;
  const top = wall.y + wall.h * 0.62;
  stage.scene.shape(
    [
      { x: bl.x, y: top },
      { x: br.x, y: top },
      { x: br.x, y: br.y },
      { x: bl.x, y: bl.y },
    ],
    { fill: stage.palette.wall, stroke: stage.lines.set, lineAlpha: alpha },
  );
  const doors = 5;
  for (let i = 1; i < doors; i++) {
    const x = lerp(bl.x, br.x, i / doors);
    stage.scene.line({ x, y: top + wall.h * 0.05 }, { x, y: bl.y }, stage.lines.fine, {
      alpha: alpha * 0.6,
    });
  }
  const cupboardTop = wall.y + wall.h * 0.08;
  const cupboardBottom = wall.y + wall.h * 0.3;
  for (let i = 0; i <= doors; i++) {
    const x = lerp(bl.x, br.x, i / doors);
    stage.scene.line({ x, y: cupboardTop }, { x, y: cupboardBottom }, stage.lines.fine, {
      alpha: alpha * 0.6,
    });
  }
  stage.scene.line(
    { x: bl.x, y: cupboardBottom },
    { x: br.x, y: cupboardBottom },
    stage.lines.set,
    { alpha: alpha * 0.8 },
  );
}

export function drawShelves(stage: Stage, room: Room): void {
  const { backWall: wall } = room;
  const rng = stage.setRandom;
  const alpha = stage.framing.setAlpha;
  const left = wall.x + wall.w * 0.05;
  const width = wall.w * 0.3;
  const shelves = 4;
  for (let i = 0; i <= shelves; i++) {
    const y = wall.y + wall.h * (0.15 + (0.8 * i) / shelves);
    stage.scene.line({ x: left, y }, { x: left + width, y }, stage.lines.set, { alpha });
    if (i === shelves) break;
    // Books: narrow upright rectangles of mixed heights, now and then a gap.
    const next = wall.y + wall.h * (0.15 + (0.8 * (i + 1)) / shelves);
    let x = left + width * 0.03;
    while (x < left + width * 0.9) {
      const bookW = width * rng.range(0.035, 0.06);
      const bookH = (next - y) * rng.range(0.55, 0.85);
      if (rng.chance(0.85)) {
        stage.scene.polyline(
          [
            { x, y: next },
            { x, y: next - bookH },
            { x: x + bookW, y: next - bookH },
            { x: x + bookW, y: next },
          ],
          stage.lines.fine,
          { alpha: alpha * 0.6 },
        );
      }
      x += bookW + width * rng.range(0, 0.015);
    }
  }
}
