import type { TimelineRate } from './rates';

/** One clip of the edited picture track, as an editor's file describes it. */
export interface ImportedClip {
  /** The shot id the file carried (OTIO metadata, FCP7 lognote, EDL comment); null if none. */
  readonly shotId: string | null;
  /** The clip's name in the editor (we write the shot number). */
  readonly name: string;
  /** The stem of its media file (`frames/3A.png` → `3A`); null when it has none. */
  readonly mediaStem: string | null;
  /** Cut to cut, in frames at the edit's rate. */
  readonly duration: number;
  /** Frames of the dissolve (or other transition) into the next clip; 0 for a cut. */
  readonly transitionOut: number;
}

export interface ImportedEdit {
  readonly format: 'otio' | 'fcp7' | 'edl';
  readonly rate: TimelineRate;
  readonly clips: readonly ImportedClip[];
}

/** A file that is not an edit we can read, with what was wrong in words a person can act on. */
export class EditReadError extends Error {
  override readonly name = 'EditReadError';
}
