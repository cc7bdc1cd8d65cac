import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { nestedMapsUpdate } from '../../tests/helpers/hostileUpdates';
import { projectWithFrames } from '../../tests/helpers/projectWithFrames';
import { PROJECT_SCHEMA_VERSION } from '../model/project';
import { createAssetStore, hashBytes } from './assets';
import { openDb, type FramelineDb } from './db';
import { readProject, rootsOf, updateMeta } from './projectDoc';
import { ProjectRepository } from './projects';
import { exportProjectState, importProjectState, inspectProjectState } from './projectState';
import { StorageFullError } from './quota';

let source: FramelineDb;
let target: FramelineDb;
let count = 0;

beforeEach(() => {
  source = openDb(`state-source-${++count}`);
  target = openDb(`state-target-${count}`);
});

afterEach(() => {
  source.close();
  target.close();
});

async function exported() {
  const project = await projectWithFrames(source);
  const state = await exportProjectState(source, project.id);
  const store = createAssetStore(source);
  const assets = await Promise.all(
    state.assetHashes.map(async (hash) => ({
      hash,
      mimeType: 'image/png',
      bytes: new Uint8Array(await (await store.get(hash))!.arrayBuffer()),
    })),
  );
  return { project, state, assets };
}

describe('project state for bundles', () => {
  test('exports the whole document and every frame it mentions', async () => {
    const { project, state } = await exported();
    expect(state.row.id).toBe(project.id);
    expect(state.snapshot).toEqual(project.snapshot);
    expect([...state.assetHashes].sort()).toEqual([...project.hashes].sort());
    expect(inspectProjectState(state.update)).toMatchObject({
      ok: true,
      snapshot: project.snapshot,
    });
  });

  test('imports under its own id into another browser, with its images', async () => {
    const { project, state, assets } = await exported();
    const input = { update: state.update, createdAt: state.row.createdAt, assets };
    const id = await importProjectState(target, input, { keepId: project.id });
    expect(id).toBe(project.id);
    expect(await new ProjectRepository(target).readSnapshot(id)).toEqual(project.snapshot);
    expect(await target.assets.count()).toBe(project.hashes.length);
    const row = await target.projects.get(id);
    expect(row).toMatchObject({ title: 'Bundle me', shotCount: 2, deletedAt: null });
  });

  test('replacing the local copy keeps only the imported version', async () => {
    const { project, state, assets } = await exported();
    const repo = new ProjectRepository(source);
    await repo.rename(project.id, 'Edited locally');
    const input = { update: state.update, createdAt: state.row.createdAt, assets };
    await importProjectState(source, input, { keepId: project.id });
    expect((await repo.readSnapshot(project.id)).meta.title).toBe('Bundle me');
    expect(await source.docUpdates.where('projectId').equals(project.id).count()).toBe(1);
  });

  test('a copy gets a new id and says so in its title', async () => {
    const { project, state, assets } = await exported();
    const input = { update: state.update, createdAt: state.row.createdAt, assets };
    const id = await importProjectState(source, input, 'copy');
    expect(id).not.toBe(project.id);
    const repo = new ProjectRepository(source);
    expect((await repo.readSnapshot(id)).meta.title).toBe('Bundle me (copy)');
    expect((await repo.readSnapshot(project.id)).meta.title).toBe('Bundle me');
  });

  test('an asset the document does not refer to is never written', async () => {
    const { project, state, assets } = await exported();
    const stray = new Uint8Array([137, 80, 78, 71, 42]);
    const strayAsset = { hash: await hashBytes(stray), mimeType: 'image/png', bytes: stray };
    const input = {
      update: state.update,
      createdAt: state.row.createdAt,
      assets: [...assets, strayAsset],
    };
    await importProjectState(target, input, { keepId: project.id });
    expect((await target.assets.toCollection().primaryKeys()).sort()).toEqual(
      [...project.hashes].sort(),
    );
  });

  test('what a worker already read is stored as it is, and only the assets it refers to', async () => {
    const { project, state, assets } = await exported();
    const [kept, ...others] = project.hashes;
    const input = {
      update: state.update,
      createdAt: state.row.createdAt,
      assets,
      readAs: { snapshot: state.snapshot, referenced: new Set([kept!]) },
    };
    const id = await importProjectState(target, input, { keepId: project.id });
    expect(await new ProjectRepository(target).readSnapshot(id)).toEqual(project.snapshot);
    expect(await target.projects.get(id)).toMatchObject({ title: 'Bundle me', shotCount: 2 });
    expect(await target.assets.toCollection().primaryKeys()).toEqual([kept]);
    expect(others.length).toBeGreaterThan(0);
  });

  test('a full disk during import writes nothing and says so', async () => {
    const { project, state, assets } = await exported();
    vi.spyOn(target.assets, 'bulkAdd').mockRejectedValueOnce(
      new DOMException('full', 'QuotaExceededError'),
    );
    const input = { update: state.update, createdAt: state.row.createdAt, assets };
    await expect(importProjectState(target, input, { keepId: project.id })).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await target.projects.count()).toBe(0);
    expect(await target.docUpdates.count()).toBe(0);
  });
});

describe('inspecting a document before import', () => {
  const valid = () => {
    const doc = new Y.Doc();
    updateMeta(doc, { title: 'x' });
    rootsOf(doc).meta.set('schemaVersion', PROJECT_SCHEMA_VERSION);
    return doc;
  };

  test.each([
    ['bytes that are no Yjs update', new Uint8Array([1, 2, 3, 250, 251]), /damaged|incomplete/],
    ['an empty document', Y.encodeStateAsUpdate(new Y.Doc()), /holds no project/],
  ])('refuses %s', (_, update, message) => {
    const result = inspectProjectState(update);
    expect(result.ok ? '' : result.error).toMatch(message);
  });

  test('refuses a document from a newer Frameline', () => {
    const doc = valid();
    rootsOf(doc).meta.set('schemaVersion', PROJECT_SCHEMA_VERSION + 1);
    const result = inspectProjectState(Y.encodeStateAsUpdate(doc));
    expect(result.ok ? '' : result.error).toMatch(/newer version of Frameline/);
  });

  test('refuses an update that depends on edits it does not contain', () => {
    const doc = valid();
    const before = Y.encodeStateVector(doc);
    updateMeta(doc, { title: 'later edit' });
    const result = inspectProjectState(Y.encodeStateAsUpdate(doc, before));
    expect(result.ok ? '' : result.error).toMatch(/incomplete|holds no project/);
  });

  test('refuses a document with a record this version cannot read', () => {
    const doc = valid();
    const shot = new Y.Map<unknown>();
    rootsOf(doc).shots.set('bad', shot);
    shot.set('durationMs', -5);
    const result = inspectProjectState(Y.encodeStateAsUpdate(doc));
    expect(result.ok ? '' : result.error).toMatch(/cannot be read/);
    expect(readProject(doc).problems.length).toBeGreaterThan(0);
  });

  // 4 s on the busy two-core machine, near Vitest's 5 s default: room, since it is no timing.
  test('refuses a document holding shared types nested 100,000 deep, and says where', () => {
    const doc = valid();
    Y.applyUpdate(doc, nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'v1' }));
    const result = inspectProjectState(Y.encodeStateAsUpdate(doc));
    expect(result.ok ? '' : result.error).toMatch(/nested more than 16 levels deep.*versions › v1/);
  }, 60_000);
});
