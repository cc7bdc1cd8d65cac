import { overscan } from './extended';
import type { Point, Rect } from './geometry';
import { drawGroundHatch, drawRoad, drawWater } from './ground';
import { verticalGradient } from './paints';
import { exteriorKind } from './setChoice';
import { puffRing, smoothThrough } from './shapes';
import { drawSky } from './sky';
import type { Stage } from './stage';

/** Beyond this set zoom (close shots), mountains and streaks of cloud are left out. */
const FAR_DETAIL_MAX_ZOOM = 1.6;

/**
 * An exterior: sky, ground and a horizon with something on it. The horizon's height comes from
 * the camera angle; everything on it is scaled by the shot's set zoom, so a close-up sees a few big
 * soft shapes and an extreme wide shot a long low skyline.
 */
export function drawExterior(stage: Stage): void {
  const { scene, picture, horizonY, palette } = stage;
  const area = overscan(picture);
  const right = area.x + area.w;
  const bottom = area.y + area.h;
  const cx = picture.x + picture.w / 2;
  const kind = exteriorKind(stage.input.location, stage.setRandom);

  scene.shape(
    [
      { x: area.x, y: area.y },
      { x: right, y: area.y },
      { x: right, y: horizonY },
      { x: area.x, y: horizonY },
    ],
    {
      fill: verticalGradient(cx, picture.y, horizonY, palette.skyTop, palette.skyHorizon),
      wobble: 0,
    },
  );
  drawSky(stage, area);
  scene.shape(
    [
      { x: area.x, y: horizonY },
      { x: right, y: horizonY },
      { x: right, y: bottom },
      { x: area.x, y: bottom },
    ],
    {
      fill: verticalGradient(cx, horizonY, picture.y + picture.h, palette.ground, palette.paper),
      wobble: 0,
    },
  );

  // Close shots keep the far distance bare, as a long lens throws it out of focus.
  const farDetail = stage.framing.setZoom <= FAR_DETAIL_MAX_ZOOM;
  if (farDetail && (kind === 'hills' || kind === 'road')) drawRidge(stage, area, 'mountains');
  if (kind === 'hills' || kind === 'road' || kind === 'open') drawRidge(stage, area, 'hills');
  if (kind === 'trees') drawTreeLine(stage, area);
  if (kind === 'city' || kind === 'street') drawSkyline(stage, area);
  scene.line({ x: area.x, y: horizonY }, { x: right, y: horizonY }, stage.lines.set, {
    alpha: stage.framing.setAlpha,
  });
  if (kind === 'water') drawWater(stage, area);
  else drawGroundHatch(stage, area);
  if (kind === 'road' || kind === 'street') drawRoad(stage, area);
  if (kind === 'trees') drawNearTrees(stage);
}

/** Distant things' size: the picture height times the set zoom. */
function setScale(stage: Stage): number {
  return stage.picture.h * stage.framing.setZoom;
}

/** A line of hills or, further back and fainter, mountains, sitting on the horizon. */
function drawRidge(stage: Stage, area: Rect, kind: 'hills' | 'mountains'): void {
  const { horizonY, setRandom: rng, palette } = stage;
  const scale = setScale(stage);
  const mountains = kind === 'mountains';
  // Mountains stay big however wide the lens: they are what makes an extreme wide shot vast.
  const height = mountains
    ? stage.picture.h * 0.17 * Math.pow(stage.framing.setZoom, 0.3)
    : scale * 0.06;
  const count = mountains ? 9 : 7;
  const peaks: Point[] = [{ x: area.x, y: horizonY }];
  for (let i = 0; i <= count; i++) {
    const x = area.x + (area.w * (i + rng.range(0.2, 0.8))) / (count + 1);
    const rise = height * rng.range(0.35, 1);
    peaks.push({ x, y: horizonY - rise });
    if (mountains) {
      peaks.push({
        x: x + (area.w / (count + 1)) * 0.5,
        y: horizonY - rise * rng.range(0.45, 0.7),
      });
    }
  }
  peaks.push({ x: area.x + area.w, y: horizonY });
  stage.scene.shape(smoothThrough(peaks, mountains ? 3 : 6), {
    fill: mountains ? palette.skyTop : palette.ground,
    stroke: stage.lines.set,
    lineAlpha: stage.framing.setAlpha * (mountains ? 0.5 : 0.85),
    wobble: 0.6,
  });
}

function drawTreeLine(stage: Stage, area: Rect): void {
  const { horizonY, setRandom: rng, palette } = stage;
  const scale = setScale(stage);
  const crowns = 26;
  const outline: Point[] = [{ x: area.x, y: horizonY }];
  for (let i = 0; i <= crowns; i++) {
    const x = area.x + (area.w * i) / crowns;
    outline.push({ x, y: horizonY - scale * rng.range(0.03, 0.075) });
  }
  outline.push({ x: area.x + area.w, y: horizonY });
  stage.scene.shape(smoothThrough(outline), {
    fill: palette.ground,
    stroke: stage.lines.set,
    lineAlpha: stage.framing.setAlpha * 0.85,
  });
}

/** Two nearer trees standing on the ground, sized by how far below the horizon they stand. */
function drawNearTrees(stage: Stage): void {
  const { picture, horizonY, setRandom: rng, palette, scene, lines } = stage;
  const groundDepth = picture.y + picture.h - horizonY;
  const alpha = stage.framing.setAlpha;
  const count = 2;
  for (let i = 0; i < count; i++) {
    const side = i === 0 ? -1 : 1;
    const foot = {
      x: picture.x + picture.w * (0.5 + side * rng.range(0.3, 0.42)),
      y: horizonY + Math.max(groundDepth, 0) * rng.range(0.1, 0.25),
    };
    const height = Math.max(foot.y - horizonY, picture.h * 0.04) * 5 * stage.framing.setZoom;
    const crownCenter = { x: foot.x, y: foot.y - height * 0.66 };
    const trunk = { ...lines.set, width: lines.set.width * 1.6 };
    scene.line(foot, { x: foot.x + rng.jitter(height * 0.03), y: crownCenter.y }, trunk, { alpha });
    const crown = puffRing(crownCenter, height * 0.3, 7, 0.85);
    scene.shape(crown, { fill: palette.ground, stroke: lines.set, lineAlpha: alpha, wobble: 0.5 });
  }
}

function drawSkyline(stage: Stage, area: Rect): void {
  const { horizonY, setRandom: rng, palette, picture, scene, lines } = stage;
  const scale = setScale(stage);
  const alpha = stage.framing.setAlpha;
  let x = area.x;
  while (x < area.x + area.w) {
    const width = picture.w * rng.range(0.035, 0.08) * stage.framing.setZoom;
    const height = scale * rng.range(0.05, 0.2);
    const gap = rng.chance(0.25) ? width * 0.3 : 0;
    const left = x + gap;
    const top = horizonY - height;
    scene.shape(
      [
        { x: left, y: horizonY },
        { x: left, y: top },
        { x: left + width, y: top },
        { x: left + width, y: horizonY },
      ],
      { fill: palette.wall, stroke: lines.set, lineAlpha: alpha * 0.8, wobble: 0.5 },
    );
    const rows = Math.floor(height / (scale * 0.03));
    for (let r = 1; r < rows; r += 2) {
      const y = top + (height * r) / rows;
      scene.line({ x: left + width * 0.25, y }, { x: left + width * 0.75, y }, lines.fine, {
        alpha: alpha * 0.35,
      });
    }
    x = left + width;
  }
}
