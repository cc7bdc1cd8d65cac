import type { ApprovalState } from '../../model/approval';
import { boardGrid } from './boardGrid';
import { boardOps, type Palette } from './boardOps';
import {
  containIn,
  grey,
  LOGO_KEY,
  rgb,
  type DocumentPlan,
  type DrawOp,
  type PagePlan,
  type Rgb,
} from './drawOps';
import { pageFrame, type PageFrame } from './pageGeometry';
import { clockDuration, type PdfBoard, type PdfDocumentInput } from './pdfInput';
import type { PdfOptions } from './pdfOptions';
import { fitLine, type Measure } from './textFit';

const COLOR_PALETTE: Palette = {
  ink: rgb(0x1f2228),
  muted: rgb(0x5b6270),
  rule: rgb(0xb8bcc4),
  frameFill: rgb(0xf2f1ee),
  badgeInk: rgb(0xffffff),
  approval: {
    draft: rgb(0x7a808c),
    'in-review': rgb(0x2f6fd0),
    'changes-requested': rgb(0xc4561b),
    approved: rgb(0x23884a),
  } satisfies Record<ApprovalState, Rgb>,
};

function greyPalette(palette: Palette): Palette {
  const approval = { ...palette.approval };
  for (const state of Object.keys(approval) as ApprovalState[])
    approval[state] = grey(approval[state]);
  return {
    ink: grey(palette.ink),
    muted: grey(palette.muted),
    rule: grey(palette.rule),
    frameFill: grey(palette.frameFill),
    badgeInk: palette.badgeInk,
    approval,
  };
}

export function paletteFor(options: Pick<PdfOptions, 'blackAndWhite'>): Palette {
  return options.blackAndWhite ? greyPalette(COLOR_PALETTE) : COLOR_PALETTE;
}

const BAND_FONT_PT = 8;

/** `Scene 3 · INT. KITCHEN – NIGHT`, or `Scenes 3–5` when a page spans several. */
export function scenesLabel(boards: readonly PdfBoard[]): string {
  const numbers = [...new Set(boards.map((b) => b.sceneNumber))];
  const first = boards[0];
  if (!first) return '';
  if (numbers.length === 1) return `Scene ${first.sceneNumber} · ${first.sceneHeading}`;
  return `Scenes ${numbers[0]}–${numbers.at(-1)}`;
}

interface BandText {
  readonly left: string;
  readonly centre: string;
  readonly right: string;
}

/** Left, centre and right texts on one line; the centre one gives way first. */
function bandOps(band: PageFrame['header'], texts: BandText, ink: Rgb, measure: Measure): DrawOp[] {
  if (band.height <= 0) return [];
  const size = BAND_FONT_PT;
  const y = band.y + size;
  const ops: DrawOp[] = [];
  const rightWidth = measure(texts.right, size);
  const third = band.width / 3;
  const left = fitLine(texts.left, third - size, size, measure);
  if (left)
    ops.push({ kind: 'text', x: band.x, y, sizePt: size, text: left, color: ink, bold: false });
  if (texts.right)
    ops.push({
      kind: 'text',
      x: band.x + band.width - rightWidth,
      y,
      sizePt: size,
      text: texts.right,
      color: ink,
      bold: false,
    });
  const centre = fitLine(texts.centre, third - size, size, measure);
  if (centre) {
    const width = measure(centre, size);
    ops.push({
      kind: 'text',
      x: band.x + (band.width - width) / 2,
      y,
      sizePt: size,
      text: centre,
      color: ink,
      bold: false,
    });
  }
  return ops;
}

function pageCount(boards: number, perPage: number, options: PdfOptions): number {
  if (options.worksheet) return options.worksheetPages;
  return Math.max(1, Math.ceil(boards / perPage));
}

export interface CoverLogo {
  readonly width: number;
  readonly height: number;
}

function coverPage(
  input: PdfDocumentInput,
  frame: PageFrame,
  palette: Palette,
  measure: Measure,
  logo: CoverLogo | null,
): PagePlan {
  const ops: DrawOp[] = [];
  const centreX = frame.widthPt / 2;
  const width = frame.widthPt - 2 * frame.body.x;
  const centred = (text: string, y: number, size: number, color: Rgb, bold = false) => {
    const fitted = fitLine(text, width, size, measure);
    if (fitted)
      ops.push({
        kind: 'text',
        x: centreX - measure(fitted, size) / 2,
        y,
        sizePt: size,
        text: fitted,
        color,
        bold,
      });
  };
  let y = frame.heightPt * 0.3;
  if (logo) {
    const box = { x: centreX - 80, y: y - 150, width: 160, height: 110 };
    ops.push({ kind: 'image', key: LOGO_KEY, ...containIn(box, logo.width, logo.height) });
  }
  centred(input.title || 'Untitled', y, 28, palette.ink, true);
  y += 34;
  centred('Storyboard', y, 14, palette.muted);
  y += 48;
  const scenes = new Set(input.boards.map((b) => b.sceneNumber)).size;
  const duration = input.boards.reduce((sum, b) => sum + b.durationMs, 0);
  const lines = [
    input.version ? `Version ${input.version}` : '',
    input.dateText,
    `${scenes} ${scenes === 1 ? 'scene' : 'scenes'} · ${input.boards.length} ${input.boards.length === 1 ? 'shot' : 'shots'} · ${clockDuration(duration)}`,
  ].filter(Boolean);
  for (const line of lines) {
    centred(line, y, 11, palette.ink);
    y += 18;
  }
  return { ops };
}

/**
 * The whole document as pages of drawing operations: the cover (optional), then the boards
 * (or a worksheet's empty frames) in order, with header and footer. Pure: `measure` gives text
 * widths, `logo` the cover logo's size when there is one.
 */
export function layoutDocument(
  input: PdfDocumentInput,
  options: PdfOptions,
  measure: Measure,
  logo: CoverLogo | null = null,
): DocumentPlan {
  const frame = pageFrame(options);
  const palette = paletteFor(options);
  const grid = boardGrid(frame.body, input.aspect, options);
  const perPage = grid.boxes.length;
  const count = pageCount(input.boards.length, perPage, options);
  const pages: PagePlan[] = [];
  if (options.cover) pages.push(coverPage(input, frame, palette, measure, logo));
  const footerLeft = [input.version ? `Version ${input.version}` : '', input.dateText]
    .filter(Boolean)
    .join(' · ');
  for (let page = 0; page < count; page++) {
    const boards = options.worksheet
      ? []
      : input.boards.slice(page * perPage, (page + 1) * perPage);
    const ops: DrawOp[] = [];
    ops.push(
      ...bandOps(
        frame.header,
        { left: input.title, centre: scenesLabel(boards), right: '' },
        palette.muted,
        measure,
      ),
      ...bandOps(
        frame.footer,
        { left: footerLeft, centre: '', right: `Page ${page + 1} of ${count}` },
        palette.muted,
        measure,
      ),
    );
    grid.boxes.forEach((box, index) => {
      const board = options.worksheet ? null : boards[index];
      if (board === undefined) return;
      ops.push(...boardOps(board, box, options, palette, measure, input.fit));
    });
    pages.push({ ops });
  }
  return { widthPt: frame.widthPt, heightPt: frame.heightPt, pages };
}

/** Every text the plan draws: what decides which fonts to load. */
export function textsOf(plan: DocumentPlan): string[] {
  const texts: string[] = [];
  for (const page of plan.pages)
    for (const op of page.ops) if (op.kind === 'text') texts.push(op.text);
  return texts;
}
