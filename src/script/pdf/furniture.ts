import { startsLikeSceneHeading } from '../fountain/classify';
import { isAllCaps } from '../caps';
import type { PdfLine } from './lines';

/**
 * Page furniture a screenplay PDF prints that is not part of the script: page numbers, headers and
 * footers in the top and bottom margins, `(CONTINUED)` / `CONTINUED:` / `(MORE)` / `(CONT'D)`
 * lines, revision asterisks in the right margin, and scene numbers printed in the margins beside
 * a heading (kept as the heading's number).
 */
export interface BodyLine extends PdfLine {
  /** A number printed in the margin beside this line (shooting scripts number their headings). */
  readonly sceneNumber?: string;
}

export interface CleanPage {
  readonly number: number;
  readonly lines: readonly BodyLine[];
  /** The page ends in `(MORE)`: the speech continues on the next page. */
  readonly endsInMore: boolean;
}

const POINTS_PER_INCH = 72;
/** Script text never prints within this distance of the top or bottom edge; headers do. */
const MARGIN_ZONE_INCHES = 0.75;
/** Page numbers also come one or two lines inside the text area in some layouts. */
const PAGE_NUMBER_LINES = 2;

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}[A-Z]?\.?(?:\s*(?:of|\/)\s*\d{1,4}\.?)?$/i;
const CONTINUED = /^\(?\s*CONTINUED\s*\)?\s*:?\s*(?:\(\s*\d+\s*\))?$/i;
const MORE = /^\(\s*MORE\s*\)$/i;
const CONTD = /^\(?\s*CONT(?:'|’|INUE)?D\s*\)?$/i;
const REVISION_MARKS = /^\*+$/;
const MARGIN_SCENE_NUMBER = /^[A-Z]?\d{1,4}[A-Z]{0,3}\.?$/;

export function removeFurniture(pages: readonly (readonly PdfLine[])[]): CleanPage[] {
  return pages.map((lines, position) => {
    const kept: BodyLine[] = [];
    let endsInMore = false;
    lines.forEach((line, index) => {
      const text = line.text.trim();
      const zone = MARGIN_ZONE_INCHES * POINTS_PER_INCH;
      const inMargin = line.y > line.pageHeight - zone || line.y < zone;
      const nearEdge = index < PAGE_NUMBER_LINES || index >= lines.length - PAGE_NUMBER_LINES;
      if (inMargin || (nearEdge && PAGE_NUMBER.test(text))) return;
      if (CONTINUED.test(text) || CONTD.test(text) || REVISION_MARKS.test(text)) return;
      if (MORE.test(text)) {
        endsInMore = true;
        return;
      }
      endsInMore = false;
      kept.push(withoutMarginMarks(line));
    });
    return { number: lines[0]?.page ?? position + 1, lines: kept, endsInMore };
  });
}

/** `12  INT. HOUSE - DAY  12` → the heading, numbered 12; `Text   *` → `Text`. */
function withoutMarginMarks(line: PdfLine): BodyLine {
  let segments = [...line.segments];
  while (segments.length > 1 && REVISION_MARKS.test(segments.at(-1)?.text ?? '')) segments.pop();
  let sceneNumber: string | undefined;
  const first = segments[0];
  if (segments.length > 1 && first && MARGIN_SCENE_NUMBER.test(first.text)) {
    const rest = segments
      .slice(1)
      .map((segment) => segment.text)
      .join(' ');
    if (startsLikeSceneHeading(rest) || isAllCaps(rest)) {
      sceneNumber = first.text.replace(/\.$/, '');
      segments = segments.slice(1);
      const last = segments.at(-1);
      if (segments.length > 1 && last && last.text.replace(/\.$/, '') === sceneNumber)
        segments.pop();
    }
  }
  if (segments.length === line.segments.length && sceneNumber === undefined) return line;
  return {
    ...line,
    segments,
    text: segments.map((segment) => segment.text).join(' '),
    x: segments[0]?.x ?? line.x,
    right: segments.at(-1)?.right ?? line.right,
    ...(sceneNumber === undefined ? {} : { sceneNumber }),
  };
}
