import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { fixtureDoc, loadProjectFixture } from '../../tests/helpers/projectFixtures';
import type { ProjectId } from '../model/ids';
import { PROJECT_SCHEMA_VERSION } from '../model/schemaVersion';
import { openDb, type FramelineDb } from './db';
import { documentSchemaVersion, REMOTE_ORIGIN, rootsOf, SYSTEM_ORIGIN } from './projectDoc';
import { ProjectRepository } from './projects';
import { documentOf, ProjectSession } from './projectSession';

/**
 * What a session does with the document's schema version when it opens, and when a peer's
 * document arrives: older is migrated (and saved), newer is read-only and never written.
 */

let db: FramelineDb;
let repo: ProjectRepository;
let count = 0;
beforeEach(() => {
  db = openDb(`schema-open-${++count}`);
  repo = new ProjectRepository(db);
});
afterEach(() => db.close());

const fixture = loadProjectFixture(1);

/** The fixture's document, stamped with another schema version, as one stored update. */
function fixtureAt(version: number): Uint8Array {
  const doc = fixtureDoc(fixture);
  rootsOf(doc).meta.set('schemaVersion', version);
  return Y.encodeStateAsUpdate(doc);
}

async function storeProject(update: Uint8Array | null): Promise<ProjectId> {
  const id = `p${count}` as ProjectId;
  await db.projects.add({
    id,
    title: 'Stored',
    createdAt: 0,
    updatedAt: 0,
    shotCount: 0,
    durationMs: 0,
    deletedAt: null,
  });
  if (update) await db.docUpdates.add({ projectId: id, update });
  return id;
}

async function storedVersion(id: ProjectId): Promise<number | null> {
  const rows = await db.docUpdates.where('projectId').equals(id).sortBy('seq');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)));
  return documentSchemaVersion(doc);
}

describe('opening a project', () => {
  test('a document from an older build is migrated, and the migration is saved', async () => {
    const id = await storeProject(fixtureAt(PROJECT_SCHEMA_VERSION - 1));
    const session = await ProjectSession.open(repo, id);
    expect(session.getState().schema).toBe('current');
    expect(session.readOnly).toBe(false);
    expect(documentSchemaVersion(documentOf(session))).toBe(PROJECT_SCHEMA_VERSION);
    await session.close();
    expect(await storedVersion(id)).toBe(PROJECT_SCHEMA_VERSION);
  });

  test('a document from a newer build opens read-only and nothing is written', async () => {
    const id = await storeProject(fixtureAt(PROJECT_SCHEMA_VERSION + 1));
    const session = await ProjectSession.open(repo, id);
    const writes: unknown[] = [];
    documentOf(session).on('update', (_u: Uint8Array, origin: unknown) => writes.push(origin));
    expect(session.getState().schema).toBe('newer');
    expect(session.readOnly).toBe(true);
    // Still readable: the boards show.
    expect(session.getState().snapshot.shots).toHaveLength(fixture.expected.snapshot.shots.length);
    await session.close();
    expect(writes).toEqual([]);
    expect(await db.docUpdates.where('projectId').equals(id).count()).toBe(1);
    expect(await storedVersion(id)).toBe(PROJECT_SCHEMA_VERSION + 1);
  });
});

describe('a document that arrives from a peer', () => {
  test('from an older build: this tab migrates it before anyone edits', async () => {
    const session = await ProjectSession.open(repo, await storeProject(null));
    expect(session.getState().schema).toBe('empty');
    const origins: unknown[] = [];
    documentOf(session).on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    Y.applyUpdate(documentOf(session), fixtureAt(PROJECT_SCHEMA_VERSION - 1), REMOTE_ORIGIN);
    expect(origins).toEqual([REMOTE_ORIGIN, SYSTEM_ORIGIN]);
    expect(session.getState().schema).toBe('current');
    expect(session.readOnly).toBe(false);
    await session.close();
  });

  test('from a newer build: this tab turns read-only and never writes to it', async () => {
    const session = await ProjectSession.open(repo, await storeProject(fixtureAt(1)));
    expect(session.readOnly).toBe(false);
    const origins: unknown[] = [];
    documentOf(session).on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const newer = new Y.Doc();
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(documentOf(session)));
    rootsOf(newer).meta.set('schemaVersion', PROJECT_SCHEMA_VERSION + 1);
    Y.applyUpdate(
      documentOf(session),
      Y.encodeStateAsUpdate(newer, Y.encodeStateVector(documentOf(session))),
      REMOTE_ORIGIN,
    );
    expect(session.getState().schema).toBe('newer');
    expect(session.readOnly).toBe(true);
    expect(origins).toEqual([REMOTE_ORIGIN]);
    await session.close();
  });
});
