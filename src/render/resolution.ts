/** Output size classes we offer. The number is the short side of the 16:9 delivery box. */
export const RESOLUTION_CLASSES = [720, 1080, 2160] as const;
export type ResolutionClass = (typeof RESOLUTION_CLASSES)[number];

export const RESOLUTION_LABELS: Record<ResolutionClass, string> = {
  720: '720p',
  1080: '1080p',
  2160: '4K (2160p)',
};

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

/** 16:9: the box every class is fitted into (1280×720, 1920×1080), turned for portrait. */
const DELIVERY_BOX_ASPECT = 16 / 9;
/** H.264 with 4:2:0 chroma needs even sizes; this is the smallest legal side. */
const MIN_SIDE_PX = 2;

/** Nearest even size (never below 2 px): H.264 4:2:0 refuses odd widths and heights. */
export function evenDimensions(width: number, height: number): Dimensions {
  return { width: toEven(width), height: toEven(height) };
}

function toEven(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a size: ${value}`);
  return Math.max(MIN_SIDE_PX, Math.round(value / 2) * 2);
}

/**
 * The output size for a project aspect ratio (width / height) at a size class. Like broadcast
 * and streaming delivery, the picture is fitted *inside* the class's 16:9 box (1920×1080 at
 * 1080; 1080×1920 for portrait) instead of stretching the short side: scope 2.39:1 at 1080 is
 * 1920×804, not 2582×1080. That keeps every output within the H.264 level the box needs
 * (level 4 at 1080), which every phone and browser decoder accepts; 4K is the 3840×2160 box.
 */
export function resolutionFor(aspectRatio: number, resolution: ResolutionClass): Dimensions {
  if (!Number.isFinite(aspectRatio) || aspectRatio <= 0) {
    throw new RangeError(`Aspect ratio must be a positive number, got ${aspectRatio}.`);
  }
  const longSide = resolution * DELIVERY_BOX_ASPECT;
  const portrait = aspectRatio < 1;
  const boxWidth = portrait ? resolution : longSide;
  const boxHeight = portrait ? longSide : resolution;
  const fitsByWidth = aspectRatio >= boxWidth / boxHeight;
  return fitsByWidth
    ? evenDimensions(boxWidth, boxWidth / aspectRatio)
    : evenDimensions(boxHeight * aspectRatio, boxHeight);
}
