import type { DrawOp, PagePlan, Rgb } from '../../export/pdf/drawOps';
import { containIn } from '../../export/pdf/drawOps';
import type { Measure } from '../../export/pdf/textFit';
import { PREVIEW_FONT_FAMILY } from './usePreviewFonts';

const FONT_STACK = `"${PREVIEW_FONT_FAMILY}", system-ui, sans-serif`;

function css(c: Rgb): string {
  return `rgb(${Math.round(c.r * 255)} ${Math.round(c.g * 255)} ${Math.round(c.b * 255)})`;
}

/**
 * Text widths from the canvas, per character at 1 pt (the writer measures the same way with the
 * embedded fonts): one measureText per distinct character, however many boards there are.
 */
export function canvasMeasure(context: CanvasRenderingContext2D): Measure {
  const widths = new Map<string, number>();
  context.font = `100px ${FONT_STACK}`;
  return (text, size) => {
    let width = 0;
    for (const ch of text) {
      let advance = widths.get(ch);
      if (advance === undefined) {
        advance = context.measureText(ch).width / 100;
        widths.set(ch, advance);
      }
      width += advance * size;
    }
    return width;
  };
}

/** Draws a laid-out page (points) onto a canvas `scale` pixels per point, on white paper. */
export function drawPage(
  context: CanvasRenderingContext2D,
  page: PagePlan,
  size: { widthPt: number; heightPt: number },
  scale: number,
  images: ReadonlyMap<string, ImageBitmap>,
  greyImages: boolean,
): void {
  context.save();
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.widthPt, size.heightPt);
  for (const op of page.ops) drawOp(context, op, images, greyImages);
  context.restore();
}

function drawOp(
  context: CanvasRenderingContext2D,
  op: DrawOp,
  images: ReadonlyMap<string, ImageBitmap>,
  greyImages: boolean,
): void {
  switch (op.kind) {
    case 'rect':
      if (op.fill) {
        context.fillStyle = css(op.fill);
        context.fillRect(op.x, op.y, op.width, op.height);
      }
      if (op.stroke) {
        context.strokeStyle = css(op.stroke);
        context.lineWidth = op.lineWidth;
        context.strokeRect(op.x, op.y, op.width, op.height);
      }
      return;
    case 'line':
      context.strokeStyle = css(op.color);
      context.lineWidth = op.lineWidth;
      context.beginPath();
      context.moveTo(op.x1, op.y1);
      context.lineTo(op.x2, op.y2);
      context.stroke();
      return;
    case 'image': {
      const image = images.get(op.key);
      if (!image) return;
      const box = containIn(op, image.width, image.height);
      context.filter = greyImages ? 'grayscale(1)' : 'none';
      context.drawImage(image, box.x, box.y, box.width, box.height);
      context.filter = 'none';
      return;
    }
    case 'text':
      context.fillStyle = css(op.color);
      context.font = `${op.bold ? 'bold ' : ''}${op.sizePt}px ${FONT_STACK}`;
      context.fillText(op.text, op.x, op.y);
  }
}
