import type * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import type { DocPersistence } from './docPersistence';
import type { LogDamage } from './storedLog';

/** What the project list shows of a project created from a ready-made document. */
export interface NewProjectSummary {
  readonly title: string;
  readonly shotCount: number;
  readonly durationMs: number;
}

export interface OpenProject {
  readonly id: ProjectId;
  readonly doc: Y.Doc;
  readonly persistence: DocPersistence;
  /** What was left out because it could not be opened safely (only with `skipDamage`). */
  readonly damage: readonly LogDamage[];
  /** Flushes and detaches. */
  close(): Promise<void>;
}
