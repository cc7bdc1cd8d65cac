import { WHOLE_FILE, type Diagnostic, type ScriptElement } from './types';

/**
 * Whole-document checks, whatever the format. An `error` tells the importer to refuse the file:
 * nothing was found, or nothing that makes it a screenplay (a scene heading or a line of dialogue)
 * — a letter or a README parses as pure action and must not become a project of action shots.
 */
export function checkDocument(elements: readonly ScriptElement[]): Diagnostic[] {
  if (elements.length === 0) {
    return [{ line: WHOLE_FILE, message: 'No screenplay elements found.', severity: 'error' }];
  }
  const hasHeading = elements.some((element) => element.type === 'scene_heading');
  const hasDialogue = elements.some((element) => element.type === 'character');
  if (!hasHeading && !hasDialogue) {
    return [
      {
        line: WHOLE_FILE,
        message: 'No scene headings and no dialogue found: this does not look like a screenplay.',
        severity: 'error',
      },
    ];
  }
  if (!hasHeading) {
    return [
      {
        line: WHOLE_FILE,
        message: 'No scene headings found: the whole script will be read as one scene.',
        severity: 'warning',
      },
    ];
  }
  return [];
}

/** More warnings than anyone reads; past this, one line says how many were left out. */
export const MAX_WARNINGS = 100;

export function capWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  if (warnings.length <= MAX_WARNINGS) return [...diagnostics];
  const kept = new Set(warnings.slice(0, MAX_WARNINGS));
  const omitted = warnings.length - MAX_WARNINGS;
  return [
    ...diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || kept.has(diagnostic)),
    { line: WHOLE_FILE, message: `${omitted} more warnings not shown.`, severity: 'warning' },
  ];
}
