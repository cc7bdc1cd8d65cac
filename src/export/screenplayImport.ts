import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { breakdownScript } from '../plan';
import { parseScript } from '../script';
import type { ScriptDocument } from '../script/types';

/** Screenplays larger than this are not scripts (a feature film is ~200 KB of Fountain). */
export const MAX_SCREENPLAY_BYTES = 5 * 1024 * 1024;
/** PDFs are bigger than their text: a 120-page script PDF is typically 100–500 KB. */
export const MAX_SCREENPLAY_PDF_BYTES = 50 * 1024 * 1024;

export type ScriptRead =
  | { readonly ok: true; readonly script: ScriptDocument; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

export type ScreenplayImport =
  | {
      readonly ok: true;
      readonly snapshot: ProjectSnapshot;
      readonly script: ScriptDocument;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/** `the_last_birthday_card.fountain` → `the last birthday card` (used when there is no title page). */
export function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base || 'Untitled screenplay';
}

function describeFile(fileName: string): string {
  return fileName ? `“${fileName}”` : 'The pasted text';
}

/** Accepts a parsed script or says, with the line, why it cannot be boarded. */
export function checkScript(script: ScriptDocument, fileName: string): ScriptRead {
  const where = describeFile(fileName);
  const fatal = script.diagnostics.find((d) => d.severity === 'error');
  if (fatal) {
    const line = fatal.line > 0 ? ` (line ${fatal.line})` : '';
    return { ok: false, error: `${where} could not be imported${line}: ${fatal.message}` };
  }
  const warnings = script.diagnostics.map((d) =>
    d.line > 0 ? `Line ${d.line}: ${d.message}` : d.message,
  );
  return { ok: true, script, warnings };
}

/** Reads screenplay text (Fountain or FDX, sniffed). */
export function readScreenplayText(text: string, fileName: string): ScriptRead {
  if (text.length > MAX_SCREENPLAY_BYTES) {
    return {
      ok: false,
      error: `${describeFile(fileName)} is too large to be a screenplay (over 5 MB).`,
    };
  }
  return checkScript(parseScript(text), fileName);
}

/** Text of a file as UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  const encoding =
    a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** Screenplay → a new project's snapshot (scenes, shots, characters). Pure. */
export function scriptToSnapshot(read: ScriptRead, fileName: string): ScreenplayImport {
  if (!read.ok) return read;
  const breakdown = breakdownScript(read.script);
  if (breakdown.shots.length === 0) {
    return {
      ok: false,
      error: `${describeFile(fileName)} has no scenes, action or dialogue to board.`,
    };
  }
  const titleKey = Object.keys(read.script.titlePage).find((key) => key.toLowerCase() === 'title');
  const titleText = titleKey ? read.script.titlePage[titleKey] : undefined;
  const title =
    titleText?.replace(/[*_]/g, '').split('\n')[0]?.trim() || titleFromFileName(fileName);
  return {
    ok: true,
    snapshot: { meta: createProjectMeta(title), ...breakdown },
    script: read.script,
    warnings: read.warnings,
  };
}

/**
 * Screenplay text → a new project's snapshot. A text the parser cannot read as a screenplay
 * gives an error saying why and where, and no snapshot, so nothing is created or changed.
 */
export function screenplayToSnapshot(text: string, fileName: string): ScreenplayImport {
  return scriptToSnapshot(readScreenplayText(text, fileName), fileName);
}
