import { applyLook } from './look';
import { drawCaptionStrip, drawSlug, stripHeight } from './caption';
import { drawCast } from './cast';
import { ANGLE_SETUPS, SHOT_FRAMINGS } from './framing';
import { seedFrom } from './hash';
import { drawInsert } from './insert';
import { drawCameraMove } from './moves';
import type { SketchOp } from './ops';
import { drawPointOfView } from './overlays';
import { paletteFor } from './palette';
import { createPen } from './pen';
import { createRandom } from './random';
import { drawSet } from './set';
import { sketchSignature, type SketchInput } from './sketchInput';
import { makeFontKit, makeLineKit, REFERENCE_SHORT_SIDE, type Stage } from './stage';
import { createView, IDENTITY_VIEW } from './view';

/** Pencil drift and sample spacing at the reference size. */
const WOBBLE_AMPLITUDE_REF_PX = 1.1;
const WOBBLE_STEP_REF_PX = 14;
const LABEL_MARGIN_REF_PX = 6;
const DEGREES = Math.PI / 180;
const SET_SALT = 0x5e7;

/**
 * The sketch for a shot as a list of drawing operations, in canvas pixels. Pure and
 * deterministic: the same input and size always give deep-equal plans.
 *
 * Randomness comes from two seeds. The pencil's wobble is seeded by the signature, so any change
 * to the shot redraws it. The set (window, skyline, where the road runs) is seeded by the scene's
 * place alone, so every shot of a scene is drawn in the same room.
 */
export function planSketch(input: SketchInput, width: number, height: number): SketchOp[] {
  return applyLook(planMarkerSketch(input, width, height), input.look ?? 'marker', width, height);
}

function planMarkerSketch(input: SketchInput, width: number, height: number): SketchOp[] {
  if (!(width >= 1 && height >= 1 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`A sketch needs a positive size, not ${width}×${height}`);
  }
  const unit = Math.min(width, height) / REFERENCE_SHORT_SIDE;
  const band = input.captionBand !== false;
  const picture = { x: 0, y: 0, w: width, h: band ? height - stripHeight(unit) : height };
  const palette = paletteFor(input.timeOfDay);
  const angle = ANGLE_SETUPS[input.cameraAngle];
  const framing = SHOT_FRAMINGS[input.shotType];
  const signature = sketchSignature(input);
  const rng = createRandom(seedFrom(signature));
  const setRandom = createRandom(
    seedFrom(`${input.intExt}|${input.location.normalize('NFC').trim().toUpperCase()}`, SET_SALT),
  );
  // The Dutch roll's direction belongs to the shot, so it stays put while its caption is edited.
  const rollSign = seedFrom(input.shotNumber) % 2 === 0 ? 1 : -1;
  const center = { x: picture.x + picture.w / 2, y: picture.y + picture.h / 2 };
  const view = createView({
    center,
    keystone: angle.keystone / picture.h,
    rotation: angle.rollDegrees * DEGREES * rollSign,
  });
  const ops: SketchOp[] = [];
  const labelOps: SketchOp[] = [];
  const labelMargin = LABEL_MARGIN_REF_PX * unit;
  const wobble = { amplitude: WOBBLE_AMPLITUDE_REF_PX * unit, step: WOBBLE_STEP_REF_PX * unit };
  const stage: Stage = {
    input,
    width,
    height,
    picture,
    unit,
    palette,
    angle,
    framing,
    horizonY: picture.y + picture.h * angle.horizon,
    scene: createPen({ ops, rng, view, clip: picture, wobble, labelMargin }),
    screen: createPen({ ops, rng, view: IDENTITY_VIEW, clip: picture, wobble, labelMargin }),
    labels: createPen({
      ops: labelOps,
      rng,
      view: IDENTITY_VIEW,
      clip: picture,
      wobble,
      labelMargin,
    }),
    setRandom,
    lines: makeLineKit(palette, unit),
    fonts: makeFontKit(unit),
  };

  ops.push({ op: 'rect', x: 0, y: 0, w: width, h: height, fill: palette.paper, alpha: 1 });
  drawSet(stage);
  if (input.shotType === 'INSERT') drawInsert(stage);
  else drawCast(stage);
  if (input.shotType === 'POV') drawPointOfView(stage);
  drawCameraMove(stage);
  if (band) drawSlug(stage);
  ops.push(...labelOps);
  if (band) drawCaptionStrip(stage);
  return ops;
}
