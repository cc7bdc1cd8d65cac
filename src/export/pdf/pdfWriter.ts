import {
  clip,
  concatTransformationMatrix,
  drawObject,
  endPath,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb as pdfRgb,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { FIT_BACKGROUNDS, pictureBox } from '../../model/aspect';
import { containIn, LOGO_KEY, rgb, type DrawOp, type Rgb } from './drawOps';
import { fontkitForPdfLib } from './fontkitAdapter';
import { layoutDocument, type CoverLogo } from './layoutDocument';
import { inputTexts, type PdfDocumentInput } from './pdfInput';
import type { PdfOptions } from './pdfOptions';
import { printBoxes, type PrintBox } from './printSize';
import { fontsNeeded, textRuns, type FontFile, type FontKey } from './scripts';
import type { Measure } from './textFit';

/**
 * An image ready for the PDF: JPEG or PNG bytes, or pixels already compressed with zlib (8-bit
 * RGB or grey, row by row: a PDF image's own FlateDecode data).
 */
export type PreparedImage =
  | { readonly kind: 'png' | 'jpg'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'pixels';
      readonly width: number;
      readonly height: number;
      readonly grey: boolean;
      readonly deflated: Uint8Array;
    };

/** An embedded image: its object and size, whichever way it was embedded. */
interface Embedded {
  readonly ref: PDFRef;
  readonly width: number;
  readonly height: number;
}

export interface PdfWriterDeps {
  readonly loadFont: (file: FontFile) => Promise<Uint8Array>;
  /**
   * A frame by hash, or the cover logo by LOGO_KEY; null when there is none. `print` is the
   * largest box the pages draw it in (null for the logo, asked for before the layout).
   */
  readonly loadImage: (key: string, print: PrintBox | null) => Promise<PreparedImage | null>;
  /** Pages written so far, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface Fonts {
  readonly regular: Map<FontKey, PDFFont>;
  readonly bold: PDFFont;
}

/** Advance widths at 1 pt, per font and character: measuring is most of the layout's work. */
function measurer(fonts: Fonts): Measure {
  const cache = new Map<FontKey, Map<string, number>>();
  const latin = fonts.regular.get('latin');
  return (text, size) => {
    let width = 0;
    for (const run of textRuns(text)) {
      const font = fonts.regular.get(run.font) ?? latin;
      if (!font) continue;
      let widths = cache.get(run.font);
      if (!widths) cache.set(run.font, (widths = new Map()));
      for (const ch of run.text) {
        let advance = widths.get(ch);
        if (advance === undefined) {
          advance = font.widthOfTextAtSize(ch, 1);
          widths.set(ch, advance);
        }
        width += advance * size;
      }
    }
    return width;
  };
}

function colour(c: Rgb) {
  return pdfRgb(c.r, c.g, c.b);
}

function drawOp(
  page: PDFPage,
  op: DrawOp,
  fonts: Fonts,
  images: Map<string, Embedded | null>,
  measure: Measure,
): void {
  const flip = (y: number) => page.getHeight() - y;
  switch (op.kind) {
    case 'rect':
      page.drawRectangle({
        x: op.x,
        y: flip(op.y + op.height),
        width: op.width,
        height: op.height,
        ...(op.fill ? { color: colour(op.fill) } : {}),
        ...(op.stroke ? { borderColor: colour(op.stroke), borderWidth: op.lineWidth } : {}),
      });
      return;
    case 'line':
      page.drawLine({
        start: { x: op.x1, y: flip(op.y1) },
        end: { x: op.x2, y: flip(op.y2) },
        thickness: op.lineWidth,
        color: colour(op.color),
      });
      return;
    case 'image': {
      const image = images.get(op.key);
      if (!image) return;
      if (op.fit !== undefined) {
        drawFittedFrame(page, op, op.fit, image);
        return;
      }
      const box = containIn(op, image.width, image.height);
      const name = page.node.newXObject('Image', image.ref);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(box.width, 0, 0, box.height, box.x, flip(box.y + box.height)),
        drawObject(name),
        popGraphicsState(),
      );
      return;
    }
    case 'text': {
      let x = op.x;
      for (const run of textRuns(op.text)) {
        const font =
          op.bold && run.font === 'latin'
            ? fonts.bold
            : (fonts.regular.get(run.font) ?? fonts.bold);
        page.drawText(run.text, {
          x,
          y: flip(op.y),
          size: op.sizePt,
          font,
          color: colour(op.color),
        });
        x += measure(run.text, op.sizePt);
      }
    }
  }
}

/** A frame as the board grid shows it: bars or paper around it, or its centre cut out (crop). */
function drawFittedFrame(
  page: PDFPage,
  box: { x: number; y: number; width: number; height: number },
  fit: NonNullable<Extract<DrawOp, { kind: 'image' }>['fit']>,
  image: Embedded,
): void {
  const bottom = page.getHeight() - (box.y + box.height);
  page.drawRectangle({
    x: box.x,
    y: bottom,
    width: box.width,
    height: box.height,
    color: colour(rgb(Number.parseInt(FIT_BACKGROUNDS[fit].slice(1), 16))),
  });
  const at = pictureBox(image, box, fit);
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    // Crop's overflow is cut by the frame; the others fit inside it anyway.
    rectangle(box.x, bottom, box.width, box.height),
    clip(),
    endPath(),
    concatTransformationMatrix(at.w, 0, 0, at.h, box.x + at.x, bottom + (box.height - at.y - at.h)),
    drawObject(name),
    popGraphicsState(),
  );
}

async function embedImage(
  doc: PDFDocument,
  prepared: PreparedImage | null,
): Promise<Embedded | null> {
  if (!prepared) return null;
  try {
    if (prepared.kind === 'pixels') {
      const stream = doc.context.stream(prepared.deflated, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: prepared.width,
        Height: prepared.height,
        ColorSpace: prepared.grey ? 'DeviceGray' : 'DeviceRGB',
        BitsPerComponent: 8,
        Filter: PDFName.of('FlateDecode'),
      });
      return { ref: doc.context.register(stream), width: prepared.width, height: prepared.height };
    }
    const image =
      prepared.kind === 'jpg'
        ? await doc.embedJpg(prepared.bytes)
        : await doc.embedPng(prepared.bytes);
    return { ref: image.ref, width: image.width, height: image.height };
  } catch {
    // A frame that cannot be read prints as an empty frame rather than failing the whole PDF.
    return null;
  }
}

/** Images decoded and compressed at once (the browser decodes off this thread). */
const IMAGES_IN_FLIGHT = 4;

/**
 * Starts preparing every image the pages draw, in page order, a few at a time: while one page is
 * written the next pages' frames are already being decoded and compressed. Each is asked for at
 * the largest size it prints at.
 */
function prefetch(
  pages: readonly { readonly ops: readonly DrawOp[] }[],
  load: PdfWriterDeps['loadImage'],
): Map<string, Promise<PreparedImage | null>> {
  const boxes = printBoxes(pages);
  const keys = [...boxes.keys()];
  const started = new Map<string, Promise<PreparedImage | null>>();
  const resolvers = new Map<string, (image: Promise<PreparedImage | null>) => void>();
  for (const key of keys) started.set(key, new Promise((resolve) => resolvers.set(key, resolve)));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++] ?? '';
      // A frame that fails to load prints empty; the others go on.
      const image = load(key, boxes.get(key) ?? null).catch(() => null);
      resolvers.get(key)?.(image);
      await image;
    }
  };
  for (let i = 0; i < IMAGES_IN_FLIGHT; i++) void lane();
  return started;
}

/**
 * Writes the PDF: fonts embedded as subsets (only the glyphs used; text stays selectable and
 * searchable), each image embedded once however often it appears, pages in order.
 */
export async function writePdf(
  input: PdfDocumentInput,
  options: PdfOptions,
  deps: PdfWriterDeps,
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  doc.setTitle(input.title || 'Storyboard');
  doc.setCreator('Frameline');
  doc.setProducer('Frameline (pdf-lib)');
  const regular = new Map<FontKey, PDFFont>();
  for (const key of fontsNeeded(inputTexts(input)))
    regular.set(key, await doc.embedFont(await deps.loadFont(key), { subset: true }));
  const fonts: Fonts = {
    regular,
    bold: await doc.embedFont(await deps.loadFont('latin-bold'), { subset: true }),
  };
  const measure = measurer(fonts);

  const images = new Map<string, Embedded | null>();
  const logo = options.cover ? await embedImage(doc, await deps.loadImage(LOGO_KEY, null)) : null;
  if (logo) images.set(LOGO_KEY, logo);
  const logoSize: CoverLogo | null = logo ? { width: logo.width, height: logo.height } : null;
  const plan = layoutDocument(input, options, measure, logoSize);

  const total = plan.pages.length;
  const prepared = prefetch(plan.pages, deps.loadImage);
  for (const [index, pagePlan] of plan.pages.entries()) {
    const page = doc.addPage([plan.widthPt, plan.heightPt]);
    for (const op of pagePlan.ops) {
      if (op.kind === 'image' && !images.has(op.key))
        images.set(op.key, await embedImage(doc, await (prepared.get(op.key) ?? null)));
      drawOp(page, op, fonts, images, measure);
    }
    deps.onProgress?.(index + 1, total);
  }
  // pdf-lib builds the file in a fresh ArrayBuffer (never a shared one): what a Blob takes.
  return (await doc.save({ useObjectStreams: true })) as Uint8Array<ArrayBuffer>;
}
