import { describe, expect, test } from 'vitest';
import { migrateRecord, migrationSequence, type StoredFields } from './migrations';
import { RECORD_MIGRATIONS, migrateSnapshotJson, type RecordMigrations } from './recordMigrations';

/** A made-up history: v2 renamed `notes` to `note`, v3 stored durations in tenths of a second. */
const shotSteps = migrationSequence(
  'shot',
  [
    {
      version: 2,
      description: 'notes → note',
      up: ({ notes, ...rest }: StoredFields) => ({ ...rest, note: notes ?? '' }),
    },
    {
      version: 3,
      description: 'durations in tenths',
      up: (shot: StoredFields) => ({ ...shot, durationMs: Number(shot.durationMs) / 100 }),
    },
  ],
  3,
);

describe('a record migration sequence', () => {
  test('takes a record from the version it was written in to the target, step by step', () => {
    const v1 = { notes: 'hold', durationMs: 3000 };
    expect(migrateRecord(shotSteps, v1, 1, 3)).toEqual({ note: 'hold', durationMs: 30 });
    expect(migrateRecord(shotSteps, v1, 1, 2)).toEqual({ note: 'hold', durationMs: 3000 });
    expect(migrateRecord(shotSteps, { note: 'hold', durationMs: 3000 }, 2, 3)).toEqual({
      note: 'hold',
      durationMs: 30,
    });
  });

  test('a record already in the target shape is returned as it is', () => {
    const current = { note: 'hold', durationMs: 30 };
    expect(migrateRecord(shotSteps, current, 3, 3)).toBe(current);
  });

  test('refuses steps out of order, before the first version or after the current one', () => {
    const step = (version: number) => ({ version, description: '', up: (r: StoredFields) => r });
    expect(() => migrationSequence('x', [step(3), step(2)], 3)).toThrow(/must come after 3/);
    expect(() => migrationSequence('x', [step(2), step(2)], 3)).toThrow(/must come after 2/);
    expect(() => migrationSequence('x', [step(1)], 3)).toThrow(/must come after 1/);
    expect(() => migrationSequence('x', [step(4)], 3)).toThrow(/not after 3/);
  });
});

describe('a project file (JSON) from an older build', () => {
  const none = migrationSequence('none', [], 3);
  const migrations: RecordMigrations = {
    ...RECORD_MIGRATIONS,
    meta: none,
    scene: none,
    character: none,
    take: migrationSequence(
      'take',
      [{ version: 3, description: 'label', up: (t) => ({ ...t, label: 'v3' }) }],
      3,
    ),
    shot: shotSteps,
  };

  test('is brought to the current shape record by record, takes included', () => {
    const file = {
      meta: { schemaVersion: 1, title: 'Old' },
      scenes: [{ id: 's' }],
      shots: [{ id: 'a', notes: 'n', durationMs: 1000, takes: [{ id: 't' }] }],
      characters: [],
    };
    expect(migrateSnapshotJson(file, migrations, 3)).toEqual({
      meta: { schemaVersion: 3, title: 'Old' },
      scenes: [{ id: 's' }],
      shots: [{ id: 'a', note: 'n', durationMs: 10, takes: [{ id: 't', label: 'v3' }] }],
      characters: [],
    });
  });

  test('a current or malformed project is left for validation to judge', () => {
    const current = { meta: { schemaVersion: 3 }, shots: [] };
    expect(migrateSnapshotJson(current, migrations, 3)).toBe(current);
    expect(migrateSnapshotJson('nonsense', migrations, 3)).toBe('nonsense');
    expect(migrateSnapshotJson({ meta: null }, migrations, 3)).toEqual({ meta: null });
  });
});
