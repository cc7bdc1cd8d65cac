import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { fixtureDoc, loadProjectFixture } from '../../../tests/helpers/projectFixtures';
import { migrationSequence, type StoredFields } from '../../model/migrations';
import { PROJECT_SCHEMA_VERSION } from '../../model/schemaVersion';
import { rootsOf, SCENE_SHOT_ORDER, SHOT_TAKES, SYSTEM_ORIGIN, USER_ORIGIN } from './layout';
import { migrateDocument, readInCurrentShape } from './migrate';
import { PROJECT_MIGRATIONS, type ProjectMigrations } from './migrationRegistry';

/**
 * The document-level runner, with a made-up next version (v2) that changes every record type.
 * The document is the v1 fixture: a real project saved by the build before migrations existed.
 */
const NEXT = PROJECT_SCHEMA_VERSION + 1;

function step(record: string, up: (r: StoredFields) => StoredFields) {
  return migrationSequence(record, [{ version: NEXT, description: `${record} v2`, up }], NEXT);
}

const V2: ProjectMigrations = {
  meta: step('meta', (m) => ({ ...m, title: `${String(m.title)} (v2)` })),
  scene: step('scene', (s) => ({ ...s, heading: String(s.heading).toLowerCase() })),
  // A rename: `notes` becomes `note` (the old field is deleted), and the id is readable.
  shot: step('shot', ({ notes, ...rest }) => ({ ...rest, note: notes, idSeen: rest.id })),
  take: step('take', (t) => ({ ...t, providerLabel: `${String(t.providerLabel)} (v2)` })),
  character: step('character', (c) => ({ ...c, look: `${String(c.look)}|v2` })),
  version: step('version', (v) => ({ ...v, authorName: 'v2' })),
  comment: step('comment', (c) => ({ ...c, edited: false })),
  thread: step('thread', (t) => ({ ...t, by: `${String(t.by)} (v2)` })),
  approval: step('approval', (a) => ({ ...a, note: 'v2' })),
  layout: [
    {
      version: NEXT,
      description: 'record steps ran first',
      up: (roots) => {
        const first = [...roots.shots.values()][0];
        roots.meta.set('layoutSawNote', first?.has('note') === true);
      },
    },
  ],
};

const fixture = loadProjectFixture(1);

function firstShot(doc: Y.Doc) {
  const [id, record] = [...rootsOf(doc).shots.entries()].sort(([a], [b]) => (a < b ? -1 : 1))[0]!;
  return { id, record };
}

function updatesOf(doc: Y.Doc): { origin: unknown }[] {
  const seen: { origin: unknown }[] = [];
  doc.on('update', (_update: Uint8Array, origin: unknown) => seen.push({ origin }));
  return seen;
}

describe('migrating a document written by an older build', () => {
  test('every record type is migrated in one system transaction, and the version stamped', () => {
    const doc = fixtureDoc(fixture);
    const roots = rootsOf(doc);
    const before = roots.shots.toJSON() as Record<string, Record<string, unknown>>;
    const withNotes = Object.entries(before).find(([, shot]) => shot.notes)!;
    const undo = new Y.UndoManager([roots.shots], { trackedOrigins: new Set([USER_ORIGIN]) });
    const updates = updatesOf(doc);

    const result = migrateDocument(doc, V2, NEXT);

    expect(result).toEqual({ from: PROJECT_SCHEMA_VERSION, to: NEXT, problems: [] });
    expect(updates).toEqual([{ origin: SYSTEM_ORIGIN }]);
    expect(undo.undoStack).toHaveLength(0);
    expect(roots.meta.get('schemaVersion')).toBe(NEXT);
    expect(roots.meta.get('title')).toBe(`${fixture.expected.snapshot.meta.title} (v2)`);
    expect(roots.meta.get('layoutSawNote')).toBe(true);

    const shot = roots.shots.get(withNotes[0])!;
    expect(shot.has('notes')).toBe(false);
    expect(shot.get('note')).toBe(withNotes[1].notes);
    expect(shot.get('idSeen')).toBe(withNotes[0]);
    expect(shot.has('id')).toBe(false);
    // Structure is left to layout steps: orders and takes are the same shared types as before.
    for (const [id, scene] of roots.scenes.entries()) {
      expect(scene.get(SCENE_SHOT_ORDER)).toBeInstanceOf(Y.Array);
      expect(scene.get('heading')).toBe(
        fixture.expected.snapshot.scenes.find((s) => s.id === id)!.heading.toLowerCase(),
      );
    }
    const takes = [...roots.shots.values()].flatMap((s) =>
      (s.get(SHOT_TAKES) as Y.Array<Y.Map<unknown>>).toArray(),
    );
    expect(takes.length).toBeGreaterThan(0);
    expect(takes.every((t) => String(t.get('providerLabel')).endsWith('(v2)'))).toBe(true);

    const character = [...roots.characters.values()][0]!;
    expect(String(character.get('look'))).toMatch(/\|v2$/);
    expect([...roots.versions.values()].map((v) => v.get('authorName'))).toEqual(['v2']);
    const comments = [...roots.comments.values()] as Record<string, unknown>[];
    expect(comments.length).toBe(fixture.expected.review.comments.length);
    expect(comments.every((c) => c.edited === false)).toBe(true);
    expect([...roots.threads.values()].map((t) => (t as { by: string }).by)).toEqual([
      'Fixture Author (v2)',
    ]);
    expect([...roots.approvals.values()].every((a) => (a as { note: string }).note === 'v2')).toBe(
      true,
    );
  });

  test('a document already in the current shape is not touched', () => {
    const doc = fixtureDoc(fixture);
    migrateDocument(doc, V2, NEXT);
    const updates = updatesOf(doc);
    expect(migrateDocument(doc, V2, NEXT)).toBeNull();
    expect(migrateDocument(doc)).toBeNull();
    expect(updates).toEqual([]);
  });

  test('a document from a newer build is never migrated (it opens read-only)', () => {
    const doc = fixtureDoc(fixture);
    rootsOf(doc).meta.set('schemaVersion', NEXT + 1);
    const updates = updatesOf(doc);
    expect(migrateDocument(doc, V2, NEXT)).toBeNull();
    expect(updates).toEqual([]);
  });

  test('two peers migrating at once converge, and an edit made meanwhile survives', () => {
    const anna = fixtureDoc(fixture);
    const ben = fixtureDoc(fixture);
    const alone = fixtureDoc(fixture);
    // In a conflict the higher client id wins: Anna's stale copy would beat Ben's edit if her
    // migration wrote fields it did not change.
    anna.clientID = 2;
    ben.clientID = 1;
    const { id } = firstShot(ben);
    // Ben edits before his copy migrates; Anna migrates without having seen the edit.
    ben.transact(() => rootsOf(ben).shots.get(id)!.set('action', 'Ben was here'), USER_ORIGIN);
    migrateDocument(anna, V2, NEXT);
    migrateDocument(ben, V2, NEXT);
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(anna)));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(anna, Y.encodeStateVector(ben)));
    expect(anna.toJSON()).toEqual(ben.toJSON());
    expect(rootsOf(anna).shots.get(id)!.get('action')).toBe('Ben was here');

    // The same as one peer migrating alone (plus Ben's edit).
    migrateDocument(alone, V2, NEXT);
    rootsOf(alone).shots.get(id)!.set('action', 'Ben was here');
    expect(anna.toJSON()).toEqual(alone.toJSON());
  });

  test('a step that fails on one record leaves it as it was and says which', () => {
    const doc = fixtureDoc(fixture);
    const { id } = firstShot(doc);
    const failing: ProjectMigrations = {
      ...V2,
      shot: step('shot', (shot) => {
        if (shot.id === id) throw new Error('cannot read this one');
        return { ...shot, migrated: true };
      }),
    };
    const result = migrateDocument(doc, failing, NEXT);
    expect(result?.problems).toEqual([`shot ${id}: cannot read this one`]);
    const shots = [...rootsOf(doc).shots.entries()];
    expect(shots.filter(([, s]) => s.get('migrated') === true)).toHaveLength(shots.length - 1);
    expect(rootsOf(doc).shots.get(id)!.has('migrated')).toBe(false);
  });

  test('readers see an older document migrated, without writing to it', () => {
    const doc = fixtureDoc(fixture);
    const updates = updatesOf(doc);
    const title = readInCurrentShape(
      doc,
      (current) => rootsOf(current).meta.get('title'),
      V2,
      NEXT,
    );
    expect(title).toBe(`${fixture.expected.snapshot.meta.title} (v2)`);
    expect(updates).toEqual([]);
    expect(rootsOf(doc).meta.get('schemaVersion')).toBe(PROJECT_SCHEMA_VERSION);
  });

  test('this build has no step for a version it does not know', () => {
    const { layout, ...records } = PROJECT_MIGRATIONS;
    const versions = [...layout, ...Object.values(records).flatMap((s) => s.steps)].map(
      (s) => s.version,
    );
    expect(versions.every((v) => v <= PROJECT_SCHEMA_VERSION)).toBe(true);
  });
});
