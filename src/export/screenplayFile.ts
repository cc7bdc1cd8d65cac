import { browserOcr, parsePdfScript, type OcrPageListener } from '../script';
import {
  checkScript,
  decodeText,
  MAX_SCREENPLAY_PDF_BYTES,
  readScreenplayText,
  type ScriptRead,
} from './screenplayImport';

export { isScreenplayFileName, SCREENPLAY_EXTENSIONS } from './screenplayExtensions';

/** `%PDF-` at the start: a PDF whatever its name says. */
function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

/**
 * Reads a screenplay file's bytes in whatever format its content says: PDF (text layer, or OCR
 * for pages without one where the runtime can), FDX (XML) or Fountain. pdf.js is loaded only when
 * a PDF arrives, the OCR engine only when a page has no text.
 */
export async function readScreenplayBytes(
  bytes: Uint8Array,
  fileName: string,
  onOcrPage?: OcrPageListener,
): Promise<ScriptRead> {
  if (isPdf(bytes)) {
    if (bytes.length > MAX_SCREENPLAY_PDF_BYTES) {
      return {
        ok: false,
        error: `“${fileName}” is too large to be a screenplay PDF (over 50 MB).`,
      };
    }
    const script = await parsePdfScript(bytes, {
      ocr: browserOcr(),
      ...(onOcrPage ? { onOcrPage } : {}),
    });
    return checkScript(script, fileName);
  }
  return readScreenplayText(decodeText(bytes), fileName);
}
