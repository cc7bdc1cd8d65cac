import type { ProjectSession } from '../store';

/** Something to tell the person (the app shows it as a toast). */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly title: string;
  readonly detail?: string;
  readonly action?: { readonly label: string; readonly run: () => void };
  /** Information that asks for a check (a script read by OCR) stays until dismissed. */
  readonly sticky?: boolean;
}

/**
 * The cross-cutting services workflows and src/pwa need from the app shell, passed in rather than
 * reached as singletons of src/ui (ARCHITECTURE.md: a lower layer never imports a higher one).
 */
export interface AppServices {
  /** Tells the person something (a toast). */
  notify(notice: Notice): void;
  /** The project open in this tab, if any. */
  activeSession(): ProjectSession | null;
}

/** A failure as a notice: the title says what did not happen, the detail why. */
export function errorNotice(title: string, error: unknown): Notice {
  return { kind: 'error', title, detail: error instanceof Error ? error.message : String(error) };
}
