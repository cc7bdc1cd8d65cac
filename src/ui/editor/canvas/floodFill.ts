/**
 * The fill bucket: the area around a pixel whose colour is close to it (4-connected, a scanline
 * fill), as a mask. Pure, on RGBA bytes, so it is tested without a browser.
 */
export interface FillMask {
  readonly mask: Uint8Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function floodFillMask(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  startX: number,
  startY: number,
  tolerance = 48,
): FillMask | null {
  const sx = Math.floor(startX);
  const sy = Math.floor(startY);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return null;
  const mask = new Uint8Array(width * height);
  const at = (sy * width + sx) * 4;
  const target = [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0, data[at + 3] ?? 0];
  const close = (i: number) => {
    const o = i * 4;
    return (
      Math.abs((data[o] ?? 0) - (target[0] ?? 0)) +
        Math.abs((data[o + 1] ?? 0) - (target[1] ?? 0)) +
        Math.abs((data[o + 2] ?? 0) - (target[2] ?? 0)) +
        Math.abs((data[o + 3] ?? 0) - (target[3] ?? 0)) <=
      tolerance
    );
  };
  let minX = sx;
  let maxX = sx;
  let minY = sy;
  let maxY = sy;
  const stack: number[] = [sx, sy];
  while (stack.length > 0) {
    const y = stack.pop() as number;
    let x = stack.pop() as number;
    while (x > 0 && !mask[y * width + x - 1] && close(y * width + x - 1)) x--;
    let above = false;
    let below = false;
    for (; x < width; x++) {
      const i = y * width + x;
      if (mask[i] || !close(i)) break;
      mask[i] = 1;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (y > 0) {
        const open = !mask[i - width] && close(i - width);
        if (open && !above) stack.push(x, y - 1);
        above = open;
      }
      if (y < height - 1) {
        const open = !mask[i + width] && close(i + width);
        if (open && !below) stack.push(x, y + 1);
        below = open;
      }
    }
  }
  return { mask, minX, minY, maxX, maxY };
}

/**
 * The mask, grown by one pixel (so the fill tucks under anti-aliased line edges), painted in
 * `color` into RGBA bytes of its bounding box.
 */
export function paintMask(
  fill: FillMask,
  width: number,
  color: readonly [number, number, number],
): { data: Uint8ClampedArray<ArrayBuffer>; x: number; y: number; w: number; h: number } {
  const height = fill.mask.length / width;
  const x0 = Math.max(0, fill.minX - 1);
  const y0 = Math.max(0, fill.minY - 1);
  const x1 = Math.min(width - 1, fill.maxX + 1);
  const y1 = Math.min(height - 1, fill.maxY + 1);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let on = false;
      for (let dy = -1; dy <= 1 && !on; dy++) {
        for (let dx = -1; dx <= 1 && !on; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < width && ny < height && fill.mask[ny * width + nx])
            on = true;
        }
      }
      if (!on) continue;
      const o = ((y - y0) * w + (x - x0)) * 4;
      data[o] = color[0];
      data[o + 1] = color[1];
      data[o + 2] = color[2];
      data[o + 3] = 255;
    }
  }
  return { data, x: x0, y: y0, w, h };
}
