import { approvalMigrations } from './approval';
import { characterMigrations } from './character';
import { commentMigrations, threadResolutionMigrations } from './comment';
import { migrateRecord, type MigrationSequence, type StoredFields } from './migrations';
import { metaMigrations } from './project';
import { sceneMigrations } from './scene';
import { PROJECT_SCHEMA_VERSION } from './schemaVersion';
import { shotMigrations } from './shot';
import { takeMigrations } from './take';
import { versionMigrations } from './version';

/** Every record type a project holds, with its migration sequence (kept beside its schema). */
export interface RecordMigrations {
  readonly meta: MigrationSequence;
  readonly scene: MigrationSequence;
  readonly shot: MigrationSequence;
  readonly take: MigrationSequence;
  readonly character: MigrationSequence;
  readonly version: MigrationSequence;
  readonly comment: MigrationSequence;
  readonly thread: MigrationSequence;
  readonly approval: MigrationSequence;
}

export const RECORD_MIGRATIONS: RecordMigrations = {
  meta: metaMigrations,
  scene: sceneMigrations,
  shot: shotMigrations,
  take: takeMigrations,
  character: characterMigrations,
  version: versionMigrations,
  comment: commentMigrations,
  thread: threadResolutionMigrations,
  approval: approvalMigrations,
};

function isRecord(value: unknown): value is StoredFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrateList(list: unknown, migrate: (record: StoredFields) => StoredFields): unknown {
  return Array.isArray(list) ? list.map((item) => (isRecord(item) ? migrate(item) : item)) : list;
}

/**
 * A project snapshot as plain JSON (a project file exported by an older build), brought to this
 * build's shape record by record before it is validated. The version it was written in is its
 * own `meta.schemaVersion`. Anything that is not shaped like a snapshot is returned as it is:
 * validation says what is wrong with it.
 */
export function migrateSnapshotJson(
  project: unknown,
  migrations: RecordMigrations = RECORD_MIGRATIONS,
  target: number = PROJECT_SCHEMA_VERSION,
): unknown {
  if (!isRecord(project) || !isRecord(project.meta)) return project;
  const from = project.meta.schemaVersion;
  if (typeof from !== 'number' || from >= target) return project;
  const up = (sequence: MigrationSequence) => (record: StoredFields) =>
    migrateRecord(sequence, record, from, target);
  const migrateShot = (shot: StoredFields) => {
    const migrated = up(migrations.shot)(shot);
    return { ...migrated, takes: migrateList(migrated.takes, up(migrations.take)) };
  };
  return {
    ...project,
    meta: { ...up(migrations.meta)(project.meta), schemaVersion: target },
    scenes: migrateList(project.scenes, up(migrations.scene)),
    shots: migrateList(project.shots, migrateShot),
    characters: migrateList(project.characters, up(migrations.character)),
  };
}
