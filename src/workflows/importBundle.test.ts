import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportBundle } from '../export/bundle';
import { startBundleRead } from '../export/bundle/bundleClient';
import type { ProjectId } from '../model/ids';
import {
  createAssetStore,
  openDb,
  ProjectRepository,
  ProjectSession,
  type FramelineDb,
} from '../store';
import { runOk } from '../../tests/helpers/commands';
import { inProcessBundleWorker } from '../../tests/helpers/inProcessWorkers';
import { importBundle, type BundleImportHost, type ReplaceChoice } from './importBundle';

/** Bundle import end to end in Node: the real client and reader over a MessageChannel. */

let here: FramelineDb;
let n = 0;
const dbs: FramelineDb[] = [];

function db(): FramelineDb {
  const opened = openDb(`import-bundle-${++n}`);
  dbs.push(opened);
  return opened;
}

async function bundleOf(title: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; id: ProjectId }> {
  const source = db();
  const repo = new ProjectRepository(source);
  const id = await repo.create({ title });
  const session = await ProjectSession.open(repo, id);
  runOk(session, 'scene/addWithShot', { heading: 'INT. LAB - NIGHT' });
  await session.close();
  const { bytes } = await exportBundle(source, createAssetStore(source), id, 'test');
  return { bytes: new Uint8Array(bytes), id };
}

function host(
  repo: ProjectRepository,
  choice: ReplaceChoice = 'replace',
  session: ProjectSession | null = null,
): BundleImportHost & { replaced: ProjectId[]; left: number } {
  let open = session;
  const result = {
    repo,
    replaced: [] as ProjectId[],
    left: 0,
    askReplaceOrCopy: async () => choice,
    activeSession: () => open,
    leaveProject: () => {
      result.left++;
      const closing = open;
      open = null;
      void closing?.close();
    },
    announceReplaced: (id: ProjectId) => result.replaced.push(id),
    onProgress: () => undefined,
    startRead: (bytes: Uint8Array<ArrayBuffer>, name: string) =>
      startBundleRead(bytes, name, { createWorker: inProcessBundleWorker }),
  };
  return result;
}

beforeEach(() => {
  here = db();
});

afterEach(() => {
  for (const opened of dbs.splice(0)) opened.close();
});

async function titles(repo: ProjectRepository): Promise<string[]> {
  return (await repo.list()).map((row) => row.title).sort();
}

describe('bundle import', () => {
  test('a bundle this browser does not have becomes a project with the same id', async () => {
    const { bytes, id } = await bundleOf('Pilot');
    const repo = new ProjectRepository(here);
    const outcome = await importBundle(bytes, 'pilot.frameline', host(repo));
    expect(outcome).toMatchObject({ kind: 'imported', id, title: 'Pilot', replaced: false });
    const session = await ProjectSession.open(repo, id);
    expect(session.getState().snapshot.shots).toHaveLength(1);
    await session.close();
  });

  test('over a local copy: the open session lets go first, other tabs are told', async () => {
    const { bytes, id } = await bundleOf('Pilot');
    const repo = new ProjectRepository(here);
    const target = host(repo);
    await importBundle(bytes.slice(), 'pilot.frameline', target);
    const open = await ProjectSession.open(repo, id);
    runOk(open, 'project/update', { patch: { title: 'Local edit' } });
    await open.flush();
    const replacing = host(repo, 'replace', open);
    const outcome = await importBundle(bytes, 'pilot.frameline', replacing);
    expect(outcome).toMatchObject({ kind: 'imported', id, replaced: true });
    expect(replacing.left).toBe(1);
    expect(open.readOnly).toBe(true);
    expect(replacing.replaced).toEqual([id]);
    const reopened = await ProjectSession.open(repo, id);
    expect(reopened.getState().snapshot.meta.title).toBe('Pilot');
    await reopened.close();
  });

  test('keeping both makes a copy beside the local project; declining changes nothing', async () => {
    const { bytes } = await bundleOf('Pilot');
    const repo = new ProjectRepository(here);
    await importBundle(bytes.slice(), 'pilot.frameline', host(repo));
    const copied = await importBundle(bytes.slice(), 'pilot.frameline', host(repo, 'copy'));
    expect(copied).toMatchObject({ kind: 'imported', replaced: false });
    expect(await titles(repo)).toEqual(['Pilot', 'Pilot (copy)']);
    expect(await importBundle(bytes, 'pilot.frameline', host(repo, 'cancel'))).toEqual({
      kind: 'declined',
    });
    expect(await titles(repo)).toHaveLength(2);
  });

  test('a damaged bundle is refused in words and nothing is stored', async () => {
    const { bytes } = await bundleOf('Pilot');
    const damaged = bytes.slice(0, bytes.byteLength - 40);
    const repo = new ProjectRepository(here);
    const outcome = await importBundle(damaged, 'pilot.frameline', host(repo));
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') expect(outcome.error).toContain('“pilot.frameline”');
    expect(await repo.list()).toEqual([]);
  });

  test('cancelling the check stores nothing', async () => {
    const { bytes } = await bundleOf('Pilot');
    const repo = new ProjectRepository(here);
    const cancelling: BundleImportHost = {
      ...host(repo),
      onProgress: (progress) => progress?.cancel?.(),
    };
    expect(await importBundle(bytes, 'pilot.frameline', cancelling)).toEqual({
      kind: 'cancelled',
    });
    expect(await repo.list()).toEqual([]);
  });
});
