import { FIRST_SCHEMA_VERSION, PROJECT_SCHEMA_VERSION } from './schemaVersion';

/**
 * Migrations of stored records, in the manner of tldraw's `createRecordMigrationSequence`: each
 * record type (shot, scene, character, take, meta, comment, approval, thread resolution,
 * version) keeps, beside its schema, the ordered list of steps that bring a record written by an
 * older build to the current shape. A step is named by the PROJECT_SCHEMA_VERSION it produces.
 *
 * The document-level runner (store/projectDoc/migrate.ts) applies them when a project opens, in
 * one transaction, and readers apply them in memory to anything they read that is older (a saved
 * version, a bundle being imported), so a record is always validated in the current shape.
 *
 * Rules for a step, because two collaborators may migrate the same document at once:
 * - `up` is pure: the same record always gives the same result (no clocks, no random ids), so
 *   two peers write the same values and their writes converge;
 * - it returns the whole record; the runner writes only the fields that differ (field-level
 *   writes, so a concurrent edit of another field survives) and deletes fields it dropped;
 * - nested values (a shot's `framing`, `transitionOut`, `audio`, `dialogue`; meta's `music`,
 *   `customStyles`) belong to their record's steps.
 */

/** A record as stored: plain fields, before it is validated. */
export type StoredFields = Readonly<Record<string, unknown>>;

export interface RecordMigration {
  /** The schema version this step brings a record to. */
  readonly version: number;
  /** What changed, and why, for whoever reads the list next. */
  readonly description: string;
  readonly up: (record: StoredFields) => StoredFields;
}

export interface MigrationSequence {
  /** The record type, as the runner reports it (`shot`, `scene`…). */
  readonly record: string;
  /** Ascending by version. */
  readonly steps: readonly RecordMigration[];
}

/**
 * A record type's sequence, checked once when the module loads: versions ascend, lie after the
 * first released version and not after the current one (a step for a version that does not
 * exist yet would run on documents that already have that shape).
 */
export function migrationSequence(
  record: string,
  steps: readonly RecordMigration[],
  current: number = PROJECT_SCHEMA_VERSION,
): MigrationSequence {
  let previous = FIRST_SCHEMA_VERSION;
  for (const step of steps) {
    if (!Number.isInteger(step.version) || step.version <= previous || step.version > current) {
      throw new Error(
        `${record} migrations: step ${step.version} must come after ${previous} and not after ${current}`,
      );
    }
    previous = step.version;
  }
  return { record, steps };
}

/** The steps that take a record from `from` to `to`, in order. */
export function stepsBetween(
  sequence: MigrationSequence,
  from: number,
  to: number,
): readonly RecordMigration[] {
  return sequence.steps.filter((step) => step.version > from && step.version <= to);
}

/** The record as version `to` stores it; the same object when no step applies. */
export function migrateRecord(
  sequence: MigrationSequence,
  record: StoredFields,
  from: number,
  to: number = PROJECT_SCHEMA_VERSION,
): StoredFields {
  let current = record;
  for (const step of stepsBetween(sequence, from, to)) current = step.up(current);
  return current;
}
