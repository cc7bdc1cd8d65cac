import type { ScreenplayStage } from '../export/screenplayJob';

/**
 * What a long import is doing, for the progress dialog: a screenplay's stages (reading,
 * planning, preparing, then writing its boards), or a bundle's (checking, then storing).
 */
export interface ImportProgress {
  readonly fileName: string;
  readonly stage: ScreenplayStage | 'writing' | 'checking' | 'storing';
  /** Parts of the board written so far, while filling an open project. */
  readonly parts?: { readonly done: number; readonly total: number };
  /** Stops the import; null once writing has begun (it then finishes, and is one undo step). */
  readonly cancel: (() => void) | null;
}
