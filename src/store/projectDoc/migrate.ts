import * as Y from 'yjs';
import type { MigrationSequence, RecordMigration, StoredFields } from '../../model/migrations';
import { PROJECT_SCHEMA_VERSION } from '../../model/schemaVersion';
import { rootsOf, SHOT_TAKES, SYSTEM_ORIGIN, type YRecord } from './layout';
import { PROJECT_MIGRATIONS, type ProjectMigrations } from './migrationRegistry';
import { plainRecord } from './plainRecord';
import { documentSchemaVersion } from './schema';

/**
 * Brings a document written by an older build to this build's shape (the document-level side of
 * model/migrations.ts), in ONE transaction with SYSTEM_ORIGIN: peers receive one update, undo
 * never takes it back, and the version is stamped in the same step as the records it describes.
 *
 * Safe with collaborators:
 * - two peers migrating the same document at once compute the same values from the same records
 *   (steps are pure) and write only the fields that differ, so their updates converge, and a
 *   concurrent edit of another field is kept;
 * - a peer whose build is older sees the new `schemaVersion` and is read-only from then on
 *   (schema.ts), so it never writes the old shape into the new document.
 */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  /** Records a step failed on: left as they were and reported, like unreadable records. */
  readonly problems: readonly string[];
}

/** Migrates `doc` if it is older than `target`; null when there was nothing to do. */
export function migrateDocument(
  doc: Y.Doc,
  migrations: ProjectMigrations = PROJECT_MIGRATIONS,
  target: number = PROJECT_SCHEMA_VERSION,
): MigrationResult | null {
  const from = documentSchemaVersion(doc);
  if (from === null || from >= target) return null;
  const problems: string[] = [];
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const version of versionsToRun(migrations, from, target)) {
      const at = (sequence: MigrationSequence) => stepsAt(sequence, version);
      migrateFields(roots.meta, null, at(migrations.meta), 'project settings', problems);
      eachRecord(roots.scenes, (id, record) =>
        migrateFields(record, id, at(migrations.scene), `scene ${id}`, problems),
      );
      eachRecord(roots.shots, (id, record) => {
        migrateFields(record, id, at(migrations.shot), `shot ${id}`, problems);
        const takes = record.get(SHOT_TAKES);
        if (!(takes instanceof Y.Array)) return;
        for (const take of takes.toArray()) {
          if (take instanceof Y.Map) {
            migrateFields(take, null, at(migrations.take), `a take of shot ${id}`, problems);
          }
        }
      });
      eachRecord(roots.characters, (id, record) =>
        migrateFields(record, id, at(migrations.character), `character ${id}`, problems),
      );
      eachRecord(roots.versions, (id, record) =>
        migrateFields(record, id, at(migrations.version), `version ${id}`, problems),
      );
      migratePlainValues(roots.comments, at(migrations.comment), 'comment', problems);
      migratePlainValues(roots.threads, at(migrations.thread), 'thread', problems);
      migratePlainValues(roots.approvals, at(migrations.approval), 'approval', problems);
      for (const step of migrations.layout.filter((s) => s.version === version)) {
        try {
          step.up(roots);
        } catch (error) {
          problems.push(`layout step ${step.version}: ${describe(error)}`);
        }
      }
    }
    roots.meta.set('schemaVersion', target);
  }, SYSTEM_ORIGIN);
  return { from, to: target, problems };
}

/**
 * Reads an older document as this build would after migrating it, without writing to it: a
 * migrated throwaway copy is read instead. For what is read but never opened for editing (a
 * saved version, a bundle being checked, a read-only tab); other documents are read directly.
 */
export function readInCurrentShape<T>(
  doc: Y.Doc,
  read: (current: Y.Doc, migration: MigrationResult | null) => T,
  migrations: ProjectMigrations = PROJECT_MIGRATIONS,
  target: number = PROJECT_SCHEMA_VERSION,
): T {
  const version = documentSchemaVersion(doc);
  if (version === null || version >= target) return read(doc, null);
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return read(copy, migrateDocument(copy, migrations, target));
  } finally {
    copy.destroy();
  }
}

/** The versions (after `from`, up to `target`) that have any step, in order. */
function versionsToRun(migrations: ProjectMigrations, from: number, target: number): number[] {
  const { layout, ...records } = migrations;
  const versions = new Set<number>();
  for (const sequence of Object.values(records)) {
    for (const step of sequence.steps) versions.add(step.version);
  }
  for (const step of layout) versions.add(step.version);
  return [...versions].filter((v) => v > from && v <= target).sort((a, b) => a - b);
}

function stepsAt(sequence: MigrationSequence, version: number): readonly RecordMigration[] {
  return sequence.steps.filter((step) => step.version === version);
}

function eachRecord(root: Y.Map<YRecord>, visit: (id: string, record: YRecord) => void): void {
  for (const [id, record] of root.entries()) if (record instanceof Y.Map) visit(id, record);
}

function runSteps(
  steps: readonly RecordMigration[],
  record: StoredFields,
  label: string,
  problems: string[],
): StoredFields | null {
  try {
    return steps.reduce((current, step) => step.up(current), record);
  } catch (error) {
    problems.push(`${label}: ${describe(error)}`);
    return null;
  }
}

/**
 * A Y.Map record: the steps see its plain fields (with its id, when the id is the record's key
 * rather than a field), and only what they changed is written back. Nested shared types (a
 * scene's shot order, a shot's takes) are structure: layout steps change those, never these.
 */
function migrateFields(
  record: YRecord,
  id: string | null,
  steps: readonly RecordMigration[],
  label: string,
  problems: string[],
): void {
  if (steps.length === 0) return;
  const before = plainRecord(record);
  const idIsKey = id !== null && !('id' in before);
  const after = runSteps(steps, idIsKey ? { ...before, id } : before, label, problems);
  if (!after) return;
  for (const key of Object.keys(before)) if (!(key in after)) record.delete(key);
  for (const [key, value] of Object.entries(after)) {
    if ((key === 'id' && idIsKey) || value === undefined) continue;
    const current = record.get(key);
    if (current instanceof Y.AbstractType) continue;
    if (!sameValue(current, value)) record.set(key, copyOf(value));
  }
}

/** Plain records (comments, thread resolutions, approvals) are replaced whole when they change. */
function migratePlainValues(
  root: Y.Map<unknown>,
  steps: readonly RecordMigration[],
  kind: string,
  problems: string[],
): void {
  if (steps.length === 0) return;
  for (const [id, value] of root.entries()) {
    if (!isPlainObject(value)) continue; // the reader reports it; nothing to migrate
    const after = runSteps(steps, value, `${kind} ${id}`, problems);
    if (after && !sameValue(value, after)) root.set(id, copyOf(after));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Y.AbstractType) &&
    !(value instanceof Uint8Array)
  );
}

/** Structural equality of stored values (JSON-like), key order ignored. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((k) => sameValue(a[k], b[k]));
}

/** Yjs keeps a reference to what it is given: a copy keeps a step's objects out of the document. */
function copyOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
