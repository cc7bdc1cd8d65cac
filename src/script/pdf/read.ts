import { finishDocument } from '../finish';
import { readTitlePageLayout, type LaidOutParagraph } from '../titlePageLayout';
import { WHOLE_FILE, type Diagnostic, type ScriptDocument } from '../types';
import { startsLikeSceneHeading } from '../fountain/classify';
import { inferBands } from './bands';
import { PARAGRAPH_GAP_LINES, PdfScriptBuilder } from './elements';
import { extractPdfText, MAX_PDF_PAGES, type ExtractedPdf } from './extract';
import { removeFurniture, type BodyLine, type CleanPage } from './furniture';
import { buildLines, lineSpacing } from './lines';
import { loadPdfJs, type PdfJs } from './load';
import { MAX_OCR_PAGES, type OcrPageListener, type PdfOcr } from './ocr';

import { OCR_REVIEW_MESSAGE } from './ocrReview';

export { OCR_REVIEW_MESSAGE };

export interface PdfReadOptions {
  /** Reads pages without a text layer as images (ocr.ts); without it such a PDF is refused. */
  readonly ocr?: PdfOcr | null;
  readonly onOcrPage?: OcrPageListener;
}

export const NO_TEXT_LAYER_MESSAGE =
  'This PDF has no text layer (it looks scanned); Frameline can only read PDFs with selectable text.';

export const NO_TEXT_FOUND_MESSAGE =
  'This PDF has no text layer, and OCR found no text on its pages either (are they blank?).';

/** Reading a screenplay PDF takes seconds; past this something is wrong with the file. */
export const PDF_TIMEOUT_MS = 60_000;
/** `%PDF-` must appear this early (readers allow some junk before it). */
const HEADER_WINDOW_BYTES = 1024;

/**
 * A screenplay PDF's text layer, rebuilt into elements from indentation and capitals (see
 * bands.ts and elements.ts); page furniture is dropped (furniture.ts), a first page laid out like
 * a title page becomes the title page. Emphasis is not recovered (fonts are not inspected).
 *
 * Never rejects: a scanned PDF (no text), a damaged, encrypted or non-PDF file, or one that takes
 * too long, comes back as a document with an error diagnostic. pdf.js does its parsing in this
 * thread (see load.ts), so callers should run this in a worker; a timer cannot interrupt pdf.js
 * while it is busy, only a stalled read.
 */
export async function parsePdfScript(
  bytes: Uint8Array,
  options: PdfReadOptions = {},
): Promise<ScriptDocument> {
  try {
    if (!(bytes instanceof Uint8Array)) return refused('Expected the bytes of a PDF file.');
    if (!hasPdfHeader(bytes)) return refused('This file is not a PDF (it has no %PDF header).');
    const pdfjs = await loadPdfJs();
    const extracted = await withTimeout(extractPdfText(bytes, pdfjs), PDF_TIMEOUT_MS);
    const { ocr } = options;
    if (!ocr) return finishDocument(readPdfText(extracted));
    return finishDocument(await readWithOcr(bytes, pdfjs, extracted, ocr, options.onOcrPage));
  } catch (error) {
    return refused(explain(error));
  }
}

/**
 * Pages with no text (a scan, or scanned pages among typed ones) are read by OCR, then the whole
 * is read like any PDF and flagged for review. The client's watchdog bounds each page's time.
 */
async function readWithOcr(
  bytes: Uint8Array,
  pdfjs: PdfJs,
  extracted: ExtractedPdf,
  ocr: PdfOcr,
  onPage: OcrPageListener = () => undefined,
): Promise<ScriptDocument> {
  const blank = extracted.pages
    .filter((page) => page.items.every((item) => item.text.trim() === ''))
    .map((page) => page.number);
  if (blank.length === 0) return readPdfText(extracted);
  const chosen = blank.slice(0, MAX_OCR_PAGES);
  const read = new Map(
    (await ocr(bytes, pdfjs, chosen, onPage)).map((page) => [page.number, page]),
  );
  const document = readPdfText({
    ...extracted,
    pages: extracted.pages.map((page) => read.get(page.number) ?? page),
  });
  if (document.diagnostics.some((diagnostic) => diagnostic.message === NO_TEXT_LAYER_MESSAGE))
    return refused(NO_TEXT_FOUND_MESSAGE);
  if (document.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return document;
  const notes: Diagnostic[] = [
    { line: WHOLE_FILE, message: OCR_REVIEW_MESSAGE, severity: 'warning' },
  ];
  if (blank.length > chosen.length) {
    notes.push({
      line: WHOLE_FILE,
      message: `Only the first ${MAX_OCR_PAGES} of ${blank.length} scanned pages were read with OCR.`,
      severity: 'warning',
    });
  }
  return { ...document, diagnostics: [...notes, ...document.diagnostics] };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, HEADER_WINDOW_BYTES);
  for (let index = 0; index + 4 < window.length; index++) {
    if (
      window[index] === 0x25 && // %
      window[index + 1] === 0x50 && // P
      window[index + 2] === 0x44 && // D
      window[index + 3] === 0x46 && // F
      window[index + 4] === 0x2d // -
    ) {
      return true;
    }
  }
  return false;
}

function explain(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return 'This PDF is password-protected; remove the password and import it again.';
  }
  if (
    name === 'InvalidPDFException' ||
    name === 'FormatError' ||
    name === 'UnknownErrorException'
  ) {
    return `This PDF is damaged or not a PDF (${message}).`;
  }
  if (error instanceof PdfTimeout) return message;
  return `The PDF could not be read (${message}).`;
}

class PdfTimeout extends Error {}

async function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PdfTimeout(`Reading this PDF took over ${milliseconds / 1000} s; it was stopped.`),
        ),
      milliseconds,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The pure part: positioned text in, document out (before the whole-document checks). */
export function readPdfText(pdf: ExtractedPdf): ScriptDocument {
  if (pdf.pageCount === 0) return refused('This PDF has no pages.');
  const pages = removeFurniture(buildLines(pdf.pages));
  const diagnostics: Diagnostic[] = [];
  if (pdf.pageCount > pdf.pages.length) {
    diagnostics.push({
      line: WHOLE_FILE,
      message: `Only the first ${MAX_PDF_PAGES} of ${pdf.pageCount} pages were read.`,
      severity: 'warning',
    });
  }
  if (pages.every((page) => page.lines.length === 0)) return refused(NO_TEXT_LAYER_MESSAGE);

  const [first, ...rest] = pages;
  const titlePageFirst = first !== undefined && rest.length > 0 && looksLikeTitlePage(first);
  const body = titlePageFirst ? rest : pages;
  const bodyLines = body.flatMap((page) => page.lines);
  const builder = new PdfScriptBuilder(inferBands(bodyLines), bodyLines);
  body.forEach((page, index) =>
    builder.addPage(page, index > 0 && (body[index - 1]?.endsInMore ?? false)),
  );
  return {
    titlePage: titlePageFirst && first ? readTitlePageLines(first.lines) : {},
    elements: builder.elements,
    diagnostics,
  };
}

function refused(message: string): ScriptDocument {
  return {
    titlePage: {},
    elements: [],
    diagnostics: [{ line: WHOLE_FILE, message, severity: 'error' }],
  };
}

/** Few lines, no scene heading, something centred: a title page. */
const MAX_TITLE_PAGE_LINES = 30;
const CENTER_TOLERANCE_CHARS = 4;

function looksLikeTitlePage(page: CleanPage): boolean {
  const { lines } = page;
  if (lines.length === 0 || lines.length > MAX_TITLE_PAGE_LINES) return false;
  if (lines.some((line) => line.sceneNumber !== undefined || startsLikeSceneHeading(line.text)))
    return false;
  return lines.some(isCenteredOnPage);
}

function isCenteredOnPage(line: BodyLine): boolean {
  return (
    Math.abs((line.x + line.right) / 2 - line.pageWidth / 2) <=
    CENTER_TOLERANCE_CHARS * line.charWidth
  );
}

/** Title page lines as paragraphs (a blank paragraph where a vertical gap is) for the layout reader. */
function readTitlePageLines(lines: readonly BodyLine[]): Record<string, string> {
  const gaps = lines.slice(1).map((line, index) => (lines[index]?.y ?? 0) - line.y);
  const lineHeight = lineSpacing(lines);
  const paragraphs: LaidOutParagraph[] = [];
  lines.forEach((line, index) => {
    const centered = isCenteredOnPage(line);
    const gap = index === 0 ? 0 : (gaps[index - 1] ?? 0);
    if (index > 0 && gap > PARAGRAPH_GAP_LINES * lineHeight)
      paragraphs.push({ text: '', centered });
    paragraphs.push({ text: line.text.trim(), centered });
  });
  return readTitlePageLayout(paragraphs);
}
