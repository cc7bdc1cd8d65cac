import { RECORD_MIGRATIONS, type RecordMigrations } from '../../model/recordMigrations';
import type { ProjectRoots } from './layout';

/**
 * A change to the document's layout itself (layout.ts): a root renamed, a field moved from one
 * record into another, a plain list turned into a Y.Array. Runs on the document after the record
 * steps of the same version. Like record steps it must be deterministic, and it may only create
 * shared types where two peers doing the same at once cannot lose anything (a concurrent second
 * Y.Array for one key replaces the first: move data, never put new data into a fresh one).
 */
export interface LayoutMigration {
  readonly version: number;
  readonly description: string;
  readonly up: (roots: ProjectRoots) => void;
}

/** The record types' own sequences (src/model) and the document's layout steps. */
export interface ProjectMigrations extends RecordMigrations {
  readonly layout: readonly LayoutMigration[];
}

/**
 * The document-level sequence: the record types' own steps (beside their schemas in src/model)
 * and the layout steps below. Version 1 is the first shape and has no steps.
 */
export const PROJECT_MIGRATIONS: ProjectMigrations = { ...RECORD_MIGRATIONS, layout: [] };
