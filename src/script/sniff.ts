import { WHOLE_FILE, type Diagnostic, type ScriptFormat } from './types';

/**
 * Above this share of control or replacement characters the text is not a screenplay but a
 * binary file (a PDF, a .docx, an image) read as text. Real scripts have none at all; a few stray
 * ones from a bad copy and paste should not refuse an import.
 */
const MAX_NON_TEXT_SHARE = 0.05;

const TAB = 0x09;
const LINE_FEED = 0x0a;
const FORM_FEED = 0x0c;
const CARRIAGE_RETURN = 0x0d;
const DELETE = 0x7f;
const REPLACEMENT_CHARACTER = 0xfffd;

/** C0 controls other than tab, LF, FF and CR; DEL; U+FFFD, which a failed decode leaves behind. */
function isNonText(code: number): boolean {
  if (code < 0x20) {
    return code !== TAB && code !== LINE_FEED && code !== FORM_FEED && code !== CARRIAGE_RETURN;
  }
  return code === DELETE || code === REPLACEMENT_CHARACTER;
}

/** Why the text cannot be a plain-text screenplay, or null when it can. */
export function notPlainTextReason(text: string): Diagnostic | null {
  if (text.includes('\u0000')) {
    return refuse('The file contains NUL bytes: it is a binary file, not a plain-text screenplay.');
  }
  let nonText = 0;
  for (let i = 0; i < text.length; i++) {
    if (isNonText(text.charCodeAt(i))) nonText++;
  }
  if (text.length > 0 && nonText / text.length > MAX_NON_TEXT_SHARE) {
    return refuse('The file is mostly not text: it does not look like a screenplay.');
  }
  return null;
}

function refuse(message: string): Diagnostic {
  return { line: WHOLE_FILE, message, severity: 'error' };
}

/**
 * FDX when the text is XML (an XML declaration, a DOCTYPE, a comment or a `<FinalDraft>` element
 * first); Fountain otherwise. A Fountain script never opens with `<?`, `<!` or `<FinalDraft`.
 */
export function sniffFormat(text: string): ScriptFormat {
  return /^\uFEFF?\s*<(?:\?xml|!DOCTYPE|!--|FinalDraft\b)/i.test(text.slice(0, SNIFF_LENGTH))
    ? 'fdx'
    : 'fountain';
}

/** Enough for any amount of leading whitespace a real file has. */
const SNIFF_LENGTH = 4096;
