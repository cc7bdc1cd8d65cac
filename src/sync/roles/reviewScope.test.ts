import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { checkCommenterUpdate, checkViewerUpdate } from './reviewScope';

const ME = 'commenter-key';

/** A copy of `base` (as a peer that has synced), a write on it, and the update the write made. */
function edit(base: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  let update: Uint8Array = new Uint8Array();
  // One transaction, one update: what the peer would send.
  copy.once('update', (u: Uint8Array) => (update = u));
  copy.transact(() => write(copy));
  return update;
}

function project(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('shots').set('s1', new Y.Map([['title', 'Opening']]));
  doc.getMap('approvals').set('s1', { state: 'draft', author: { publicKey: 'editor-key' } });
  return doc;
}

describe('what a commenter may change', () => {
  test('replacing an approval in their own name and resolving a thread pass', () => {
    const doc = project();
    const update = edit(doc, (d) => {
      d.getMap('approvals').set('s1', { state: 'approved', author: { publicKey: ME } });
      d.getMap('threads').set('t1', { resolved: true, by: ME, at: 1 });
    });
    expect(checkCommenterUpdate(update, doc, ME)).toEqual({ ok: true });
  });

  test('a field of a shot, a nested type in a review map, or a whole new root do not', () => {
    const doc = project();
    const field = edit(doc, (d) =>
      (d.getMap('shots').get('s1') as Y.Map<string>).set('title', 'x'),
    );
    expect(checkCommenterUpdate(field, doc, ME)).toMatchObject({ ok: false });
    const nested = edit(doc, (d) => d.getMap('comments').set('c1', new Y.Map()));
    expect(checkCommenterUpdate(nested, doc, ME)).toMatchObject({
      ok: false,
      reason: 'a review record in comments must be one plain value',
    });
    const root = edit(doc, (d) => d.getArray('sceneOrder').push(['sc9']));
    expect(checkCommenterUpdate(root, doc, ME)).toMatchObject({ ok: false });
  });

  test('a catch-up repeating what this document already has is no change, so it passes', () => {
    const doc = project();
    const everything = Y.encodeStateAsUpdate(doc);
    expect(checkCommenterUpdate(everything, doc, ME)).toEqual({ ok: true });
    expect(checkViewerUpdate(everything, doc)).toEqual({ ok: true });
  });

  test('a viewer may add nothing at all, not even a comment', () => {
    const doc = project();
    const update = edit(doc, (d) => d.getMap('comments').set('c1', { author: { publicKey: ME } }));
    expect(checkViewerUpdate(update, doc)).toEqual({
      ok: false,
      reason: 'a viewer may not change the project',
    });
  });
});
