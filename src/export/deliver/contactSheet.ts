import { FIT_BACKGROUNDS, pictureBox, visiblePart } from '../../model/aspect';
import {
  aspectValue,
  timelineShots,
  type FrameFit,
  type ProjectSnapshot,
} from '../../model/project';
import { formatDuration } from '../../model/units';
import { fileSlug } from '../fileNames';

/**
 * A contact sheet: every frame of the animatic in a grid, each with its shot number and length
 * under it, the project's title on top. The layout is pure (tested in Node); `drawContactSheet`
 * paints it on any 2D canvas (an OffscreenCanvas in the browser).
 */

export interface ContactCell {
  readonly shotNumber: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ContactSheetLayout {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly titleHeight: number;
  readonly labelHeight: number;
  readonly cells: readonly ContactCell[];
  /** How a picture of another shape sits in its cell: the project's re-frame setting. */
  readonly fit: FrameFit;
}

const CELL_WIDTH_PX = 320;
const GAP_PX = 16;
const TITLE_PX = 64;
const LABEL_PX = 28;
const MAX_COLUMNS = 6;

export function contactSheetLayout(snapshot: ProjectSnapshot): ContactSheetLayout {
  const shots = timelineShots(snapshot);
  const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(shots.length))));
  const rows = Math.max(1, Math.ceil(shots.length / columns));
  const frameHeight = Math.round(CELL_WIDTH_PX / aspectValue(snapshot.meta.aspectRatio));
  const rowHeight = frameHeight + LABEL_PX + GAP_PX;
  const cells = shots.map((shot, i) => ({
    shotNumber: shot.number,
    label: `${shot.number} · ${formatDuration(shot.durationMs)}`,
    x: GAP_PX + (i % columns) * (CELL_WIDTH_PX + GAP_PX),
    y: TITLE_PX + Math.floor(i / columns) * rowHeight,
    width: CELL_WIDTH_PX,
    height: frameHeight,
  }));
  return {
    width: GAP_PX + columns * (CELL_WIDTH_PX + GAP_PX),
    height: TITLE_PX + rows * rowHeight,
    title: snapshot.meta.title || 'Untitled',
    titleHeight: TITLE_PX,
    labelHeight: LABEL_PX,
    cells,
    fit: snapshot.meta.frameFit,
  };
}

export function contactSheetFileName(title: string, format: 'png' | 'jpeg'): string {
  return `${fileSlug(title)}-contact-sheet.${format === 'png' ? 'png' : 'jpg'}`;
}

type Canvas2D = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'font'
  | 'textBaseline'
  | 'lineWidth'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'drawImage'
>;

/**
 * Paints the sheet: white paper, dark text, each picture in its cell as the board grid shows it
 * (letterboxed on black, on paper when the canvas is extended, or its centre when cropped).
 */
export function drawContactSheet(
  ctx: Canvas2D,
  layout: ContactSheetLayout,
  pictures: readonly (
    (CanvasImageSource & { readonly width: number; readonly height: number }) | null
  )[],
): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = '#1b1b1f';
  ctx.textBaseline = 'middle';
  ctx.font = '600 28px system-ui, sans-serif';
  ctx.fillText(layout.title, 16, layout.titleHeight / 2);
  layout.cells.forEach((cell, i) => {
    ctx.fillStyle = '#e9e9ee';
    ctx.fillRect(cell.x, cell.y, cell.width, cell.height);
    const picture = pictures[i];
    if (picture && picture.width > 0 && picture.height > 0) {
      ctx.fillStyle = FIT_BACKGROUNDS[layout.fit];
      ctx.fillRect(cell.x, cell.y, cell.width, cell.height);
      // Crop takes the centred part with the cell's shape; the others show all of the picture.
      const part = visiblePart(picture, cell, layout.fit);
      const source = { width: part.w * picture.width, height: part.h * picture.height };
      const at = pictureBox(source, cell, layout.fit === 'crop' ? 'letterbox' : layout.fit);
      ctx.drawImage(
        picture,
        part.x * picture.width,
        part.y * picture.height,
        source.width,
        source.height,
        cell.x + at.x,
        cell.y + at.y,
        at.w,
        at.h,
      );
    }
    ctx.strokeStyle = '#1b1b1f';
    ctx.lineWidth = 1;
    ctx.strokeRect(cell.x + 0.5, cell.y + 0.5, cell.width - 1, cell.height - 1);
    ctx.fillStyle = '#1b1b1f';
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.fillText(cell.label, cell.x, cell.y + cell.height + layout.labelHeight / 2);
  });
}
