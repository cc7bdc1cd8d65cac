import { afterEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import { addScene, readProject, updateMeta } from '../store/projectDoc';
import { syncWithTabs } from './tabSync';

/** Tabs are documents in one process here; Node's BroadcastChannel links them like a browser's. */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tab(projectId: string): Y.Doc {
  const doc = new Y.Doc();
  const stop = syncWithTabs(doc, projectId as ProjectId);
  cleanups.push(() => {
    stop();
    doc.destroy();
  });
  return doc;
}

const title = (doc: Y.Doc) => readProject(doc).snapshot.meta.title;

describe('tabs of one project', () => {
  test('an edit in one tab reaches the other as it is made', async () => {
    const first = tab('p1');
    const second = tab('p1');
    updateMeta(first, { title: 'From the first' });
    await vi.waitFor(() => expect(title(second)).toBe('From the first'));
    updateMeta(second, { title: 'From the second' });
    await vi.waitFor(() => expect(title(first)).toBe('From the second'));
  });

  test('a tab that opens with edits the others lack (a replayed journal) offers them', async () => {
    const first = tab('p2');
    const late = new Y.Doc();
    addScene(late, 'EXT. PIER - NIGHT'); // what it brought, before it joined
    cleanups.push(syncWithTabs(late, 'p2' as ProjectId));
    await vi.waitFor(() =>
      expect(readProject(first).snapshot.scenes.map((s) => s.heading)).toEqual([
        'EXT. PIER - NIGHT',
      ]),
    );
  });

  test('tabs of another project hear nothing', async () => {
    const first = tab('p3');
    const other = tab('p4');
    const witness = tab('p3');
    updateMeta(first, { title: 'Only for p3' });
    await vi.waitFor(() => expect(title(witness)).toBe('Only for p3'));
    expect(title(other)).not.toBe('Only for p3');
  });
});
