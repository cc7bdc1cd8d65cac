import type { CameraAngle, CameraMove, ShotType } from '../../model/camera';
import type { IntExt } from '../../model/scene';
import { hashHex } from './hash';
import type { SketchLook } from './look';

/** Everything a sketch is drawn from. Two equal inputs always give the same picture. */
export interface SketchInput {
  /** Printed shot number, e.g. `12A`. */
  readonly shotNumber: string;
  readonly shotType: ShotType;
  readonly cameraAngle: CameraAngle;
  readonly cameraMove: CameraMove;
  readonly intExt: IntExt;
  /** `KITCHEN`; empty when the scene names no place. */
  readonly location: string;
  /** `NIGHT`, `DUSK`, `CONTINUOUS`…; free text from the scene heading, empty when unknown. */
  readonly timeOfDay: string;
  /** Names of the characters in shot, in order (the first is the subject, or the OTS shoulder). */
  readonly characters: readonly string[];
  /** Short action text or the first dialogue line. */
  readonly caption: string;
  /** Width / height of the project's frames. */
  readonly aspectRatio: number;
  /** The project's style preset as a sketch look (look.ts); absent means `marker`. */
  readonly look?: SketchLook;
  /**
   * False: the sketch is all picture, with no caption band or slugline painted in (meta
   * sketchCaptionBand; the render draws them as an overlay). Absent means true, as before.
   */
  readonly captionBand?: boolean;
}

/**
 * Bump when the look of sketches changes, so every stored sketch reads as stale and is redrawn.
 * The signature covers the input only; the drawing code is covered by this number.
 */
export const SKETCH_STYLE_VERSION = 1;

/** Aspect ratios are compared to 4 decimals: 16/9 computed two ways must not mark a sketch stale. */
const ASPECT_DECIMALS = 4;

/**
 * The input in a fixed key order with text in Unicode NFC, so a name typed with a combining accent
 * and one typed precomposed sign the same.
 */
export function canonicalSketchInput(input: SketchInput): string {
  const aspectScale = 10 ** ASPECT_DECIMALS;
  const aspect = Number.isFinite(input.aspectRatio)
    ? Math.round(input.aspectRatio * aspectScale) / aspectScale
    : 0;
  return JSON.stringify([
    SKETCH_STYLE_VERSION,
    input.shotNumber.normalize('NFC'),
    input.shotType,
    input.cameraAngle,
    input.cameraMove,
    input.intExt,
    input.location.normalize('NFC'),
    input.timeOfDay.normalize('NFC'),
    input.characters.map((name) => name.normalize('NFC')),
    input.caption.normalize('NFC'),
    aspect,
    // Only a look other than the default joins the signature: every sketch drawn before looks
    // existed keeps its signature and is not redrawn.
    ...(input.look && input.look !== 'marker' ? [input.look] : []),
    // Likewise only a sketch without the band signs differently: banded sketches keep theirs.
    ...(input.captionBand === false ? ['noband'] : []),
  ]);
}

/**
 * A short stable string naming this input and the sketch style, e.g. `sk1-0f3a…` (16 hex digits).
 * Stored on the shot as `frameSignature`; when the shot's current signature differs, its sketch is
 * stale. Also the seed of the sketch's pencil wobble.
 */
export function sketchSignature(input: SketchInput): string {
  return `sk${SKETCH_STYLE_VERSION}-${hashHex(canonicalSketchInput(input))}`;
}
