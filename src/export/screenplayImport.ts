import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { breakdownScript } from '../plan';
import { parseScript } from '../script';

/** Screenplays larger than this are not scripts (a feature film is ~200 KB of Fountain). */
export const MAX_SCREENPLAY_BYTES = 5 * 1024 * 1024;

export type ScreenplayImport =
  | { readonly ok: true; readonly snapshot: ProjectSnapshot; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** `the_last_birthday_card.fountain` → `the last birthday card` (used when there is no title page). */
export function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base || 'Untitled screenplay';
}

/**
 * Screenplay text → a new project's snapshot (scenes, shots, characters). Pure: the caller decides
 * where it goes. A text the parser cannot read as a screenplay gives an error saying why and
 * where, and no snapshot, so nothing is created or changed.
 */
export function screenplayToSnapshot(text: string, fileName: string): ScreenplayImport {
  const where = fileName ? `“${fileName}”` : 'The pasted text';
  if (text.length > MAX_SCREENPLAY_BYTES) {
    return { ok: false, error: `${where} is too large to be a screenplay (over 5 MB).` };
  }
  const script = parseScript(text);
  const fatal = script.diagnostics.find((d) => d.severity === 'error');
  if (fatal) {
    const line = fatal.line > 0 ? ` (line ${fatal.line})` : '';
    return { ok: false, error: `${where} could not be imported${line}: ${fatal.message}` };
  }
  const breakdown = breakdownScript(script);
  if (breakdown.shots.length === 0) {
    return { ok: false, error: `${where} has no scenes, action or dialogue to board.` };
  }
  const titleKey = Object.keys(script.titlePage).find((key) => key.toLowerCase() === 'title');
  const titleText = titleKey ? script.titlePage[titleKey] : undefined;
  const title =
    titleText?.replace(/[*_]/g, '').split('\n')[0]?.trim() || titleFromFileName(fileName);
  const warnings = script.diagnostics.map((d) =>
    d.line > 0 ? `Line ${d.line}: ${d.message}` : d.message,
  );
  return {
    ok: true,
    snapshot: { meta: createProjectMeta(title), ...breakdown },
    warnings,
  };
}
