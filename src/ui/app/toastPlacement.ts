/** A box on the screen, in CSS pixels (a DOMRect's fields). */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export type ToastPlace = 'bottom' | 'top';

/** The toasts' column sits this far from the window's edges (controls.css: --space-4). */
export const TOAST_MARGIN_PX = 16;

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Where the toasts' column goes so it never covers the field being edited: its usual place,
 * bottom right, unless that covers `field` (the focused control, or the caret in a long text),
 * then the top right; when both would, the one covering less.
 */
export function toastPlace(
  field: Box | null,
  column: { readonly width: number; readonly height: number },
  view: { readonly width: number; readonly height: number },
): ToastPlace {
  if (!field || column.height === 0) return 'bottom';
  const right = view.width - TOAST_MARGIN_PX;
  const left = right - column.width;
  const bottom: Box = {
    left,
    right,
    bottom: view.height - TOAST_MARGIN_PX,
    top: view.height - TOAST_MARGIN_PX - column.height,
  };
  const top: Box = {
    left,
    right,
    top: TOAST_MARGIN_PX,
    bottom: TOAST_MARGIN_PX + column.height,
  };
  const below = overlap(field, bottom);
  return below > 0 && overlap(field, top) < below ? 'top' : 'bottom';
}
