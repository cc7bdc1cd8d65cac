import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { openDb } from './db';
import { DexieRunStore, type RunRow } from './pipelineRuns';
import { DexieTemplateStore } from './pipelineTemplates';

/** The database as version 6 left it (db.ts before pipeline templates). */
function openVersion6(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({
    projects: 'id, updatedAt, deletedAt',
    docUpdates: '++seq, projectId',
    assets: 'hash, createdAt',
  });
  db.version(3).stores({
    aiVault: 'id',
    aiKeys: 'providerId',
    aiCalls: '++id, at',
    aiSettings: 'key',
    aiBatches: 'id, projectId',
    aiJobs: 'id, batchId, projectId',
  });
  db.version(4).stores({
    collabRooms: 'projectId, roomId',
    collabSettings: 'key',
    deviceKeys: 'id',
    readMarkers: 'id, projectId',
    projectLinks: 'projectId, familyId',
  });
  db.version(5).stores({ lastGoodStates: 'projectId' });
  db.version(6).stores({
    pipelineRuns: 'id, pipelineId, updatedAt',
    pipelineSteps: '[runId+stepId+inputHash], runId',
  });
  return db;
}

const RUN: RunRow = {
  id: 'run-1',
  pipelineId: 'idea',
  title: 'Bottle',
  params: { idea: 'A bottle.' },
  providers: {},
  current: { outline: 'abc' },
  state: 'paused',
  createdAt: 1,
  updatedAt: 2,
};

describe('pipeline templates (db version 7)', () => {
  test('opening a version 6 database keeps its projects and runs and adds the templates', async () => {
    const name = `upgrade-7-${crypto.randomUUID()}`;
    const old = openVersion6(name);
    await old.table('projects').put({
      id: 'p1',
      title: 'Kept',
      createdAt: 1,
      updatedAt: 1,
      shotCount: 0,
      durationMs: 0,
      deletedAt: null,
    });
    await old.table('pipelineRuns').put(RUN);
    old.close();

    const db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.projects.get('p1' as never)).toMatchObject({ title: 'Kept' });
    expect(await new DexieRunStore(db).getRun('run-1')).toEqual(RUN);
    const templates = new DexieTemplateStore(db);
    expect(await templates.list()).toEqual([]);
    db.close();
    await Dexie.delete(name);
  });

  test('a template is kept as saved, newest first, and deleted', async () => {
    const db = openDb(`templates-${crypto.randomUUID()}`);
    const store = new DexieTemplateStore(db);
    const file = {
      format: 'frameline.pipeline',
      version: 1,
      name: 'A',
      steps: [{ kind: 'render' }],
    };
    await store.put({ id: 'a', name: 'A', file, createdAt: 1, updatedAt: 1 });
    await store.put({
      id: 'b',
      name: 'B',
      file: { ...file, name: 'B' },
      createdAt: 2,
      updatedAt: 5,
    });
    expect((await store.list()).map((t) => t.id)).toEqual(['b', 'a']);
    expect((await store.get('a'))?.file).toEqual(file);
    await store.delete('b');
    expect((await store.list()).map((t) => t.id)).toEqual(['a']);
    db.close();
    await db.delete();
  });
});
