import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { projectFromJson, projectToJson } from '../../src/export/projectJson';
import type { AssetHash, ProjectId } from '../../src/model/ids';
import { PROJECT_SCHEMA_VERSION } from '../../src/model/schemaVersion';
import { VERSION_STATE_MIME } from '../../src/model/version';
import { referencedAssetHashes } from '../../src/store/assetRefs';
import { openDb, type FramelineDb } from '../../src/store/db';
import { documentSchemaVersion, migrateDocument, readProject } from '../../src/store/projectDoc';
import { ProjectRepository } from '../../src/store/projects';
import { documentOf, ProjectSession } from '../../src/store/projectSession';
import { readAll } from '../tools/projectFixture/expected';
import {
  fixtureDoc,
  loadProjectFixture,
  lostFields,
  projectFixtureVersions,
  type ProjectFixture,
} from '../helpers/projectFixtures';

/**
 * Every project saved by an earlier build (tests/fixtures/projects/v<N>) opens in this one with
 * nothing lost: migrated from its version, then read field by field against what the build that
 * saved it read (expected.json). Also its saved version and its export as a project file.
 */

const versions = projectFixtureVersions();

let db: FramelineDb;
let count = 0;
beforeEach(() => {
  db = openDb(`fixtures-${++count}`);
});
afterEach(() => db.close());

/** Stores the fixture as the app had it in IndexedDB: the project row, its update, its assets. */
async function store(fixture: ProjectFixture): Promise<ProjectId> {
  const id = `fixture-v${fixture.version}` as ProjectId;
  await db.projects.add({ ...fixture.row, id, deletedAt: null } as Parameters<
    typeof db.projects.add
  >[0]);
  await db.docUpdates.add({ projectId: id, update: fixture.update });
  await db.assets.bulkAdd(
    fixture.assets.map((a) => ({
      hash: a.hash as AssetHash,
      blob: new Blob([new Uint8Array(a.bytes)], { type: a.mimeType }),
      mimeType: a.mimeType,
      size: a.bytes.byteLength,
      createdAt: 0,
    })),
  );
  return id;
}

function versionStates(fixture: ProjectFixture): Map<string, Uint8Array> {
  return new Map(
    fixture.assets.filter((a) => a.mimeType === VERSION_STATE_MIME).map((a) => [a.hash, a.bytes]),
  );
}

test('there is a fixture of the first schema version', () => {
  expect(versions[0]).toBe(1);
  expect(Math.max(...versions)).toBeLessThanOrEqual(PROJECT_SCHEMA_VERSION);
});

describe.each(versions)('a project saved in schema version %i', (version) => {
  const fixture = loadProjectFixture(version);

  test('holds every asset it refers to, each the bytes its hash names', () => {
    const doc = fixtureDoc(fixture);
    const held = new Set(fixture.assets.map((a) => a.hash));
    expect([...referencedAssetHashes(doc)].filter((h) => !held.has(h))).toEqual([]);
    for (const asset of fixture.assets) {
      expect(createHash('sha256').update(asset.bytes).digest('hex')).toBe(asset.hash);
    }
  });

  test('opens in this build, migrated, with nothing lost', async () => {
    const id = await store(fixture);
    const session = await ProjectSession.open(new ProjectRepository(db), id);
    try {
      const doc = documentOf(session);
      expect(documentSchemaVersion(doc)).toBe(PROJECT_SCHEMA_VERSION);
      expect(session.readOnly).toBe(false);
      const state = session.getState();
      expect(state.problems).toEqual([]);
      expect(state.schema).toBe('current');
      const actual = readAll(doc, versionStates(fixture));
      expect(lostFields(actual, fixture.expected)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('reads the same before it is migrated (a saved version, a bundle being checked)', () => {
    const doc = fixtureDoc(fixture);
    const before = Y.encodeStateAsUpdate(doc);
    expect(lostFields(readAll(doc, versionStates(fixture)), fixture.expected)).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  test('its saved versions open with their boards', () => {
    for (const saved of fixture.expected.versions) {
      const state = versionStates(fixture).get(saved.stateHash);
      expect(state).toBeDefined();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state!);
      migrateDocument(doc);
      const read = readProject(doc);
      expect(lostFields(read, fixture.expected.versionSnapshots[saved.id])).toEqual([]);
    }
  });

  test('exports and imports as a project file with nothing lost', async () => {
    const { snapshot } = readProject(fixtureDoc(fixture));
    const assets = fixture.assets.map((a) => ({
      hash: a.hash as AssetHash,
      mimeType: a.mimeType,
      bytes: new Uint8Array(a.bytes),
    }));
    const imported = await projectFromJson(projectToJson(snapshot, assets));
    if (!imported.ok) throw new Error(imported.error);
    expect(lostFields(imported.snapshot, fixture.expected.snapshot)).toEqual([]);
  });
});
