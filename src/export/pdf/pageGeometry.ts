import { PAPER_SIZES, type PdfOptions } from './pdfOptions';

/**
 * Page geometry in PDF points with the origin at the top left and y growing downwards (as a
 * canvas draws; the writer flips it for PDF, whose origin is the bottom left).
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PageFrame {
  readonly widthPt: number;
  readonly heightPt: number;
  /** Where the header's text sits (empty height when there is no header). */
  readonly header: Rect;
  readonly footer: Rect;
  /** What the boards share. */
  readonly body: Rect;
}

/** Half an inch: inside what every office printer can print. */
export const MARGIN_PT = 36;
export const BAND_PT = 16;
/** Space between the header/footer bands and the boards. */
const BAND_GAP_PT = 8;

export function pageSize(options: Pick<PdfOptions, 'paper' | 'orientation'>): {
  widthPt: number;
  heightPt: number;
} {
  const { widthPt, heightPt } = PAPER_SIZES[options.paper];
  return options.orientation === 'portrait'
    ? { widthPt, heightPt }
    : { widthPt: heightPt, heightPt: widthPt };
}

export function pageFrame(
  options: Pick<PdfOptions, 'paper' | 'orientation' | 'header' | 'footer'>,
): PageFrame {
  const { widthPt, heightPt } = pageSize(options);
  const inner = widthPt - 2 * MARGIN_PT;
  const headerHeight = options.header ? BAND_PT : 0;
  const footerHeight = options.footer ? BAND_PT : 0;
  const top = MARGIN_PT + (options.header ? BAND_PT + BAND_GAP_PT : 0);
  const bottom = heightPt - MARGIN_PT - (options.footer ? BAND_PT + BAND_GAP_PT : 0);
  return {
    widthPt,
    heightPt,
    header: { x: MARGIN_PT, y: MARGIN_PT, width: inner, height: headerHeight },
    footer: {
      x: MARGIN_PT,
      y: heightPt - MARGIN_PT - footerHeight,
      width: inner,
      height: footerHeight,
    },
    body: { x: MARGIN_PT, y: top, width: inner, height: bottom - top },
  };
}
