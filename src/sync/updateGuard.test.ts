import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { checkAwarenessUpdate, checkStateVector, checkUpdate } from './updateGuard';

function encode(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  const shots = doc.getMap<unknown>('shots');
  const record = new Y.Map<unknown>();
  record.set('action', 'Anna waits. ☔');
  record.set('dialogue', [{ speaker: 'ANNA', line: 'Hi', parenthetical: '' }]);
  record.set('durationMs', 3000);
  record.set('ratio', 1.5);
  record.set('nothing', null);
  record.set('bytes', new Uint8Array([1, 2, 3]));
  record.set('big', 2 ** 40);
  shots.set('a', record);
  const order = doc.getArray<string>('sceneOrder');
  order.push(['s1', 's2', 's3']);
  order.delete(1, 1);
  doc.getText('notes').insert(0, 'hello');
  doc.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('t')]);
  shots.delete('a');
  shots.set('b', 'plain');
  return doc;
}

describe('update guard', () => {
  test('accepts what Yjs itself writes: states, diffs, merges, deletions', () => {
    const doc = richDoc();
    const full = Y.encodeStateAsUpdate(doc);
    expect(checkUpdate(full)).toEqual({ ok: true });
    const other = new Y.Doc();
    other.getMap('shots').set('z', 1);
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other));
    expect(checkUpdate(diff)).toEqual({ ok: true });
    expect(checkUpdate(Y.mergeUpdates([full, Y.encodeStateAsUpdate(other)]))).toEqual({
      ok: true,
    });
    expect(checkStateVector(Y.encodeStateVector(doc))).toEqual({ ok: true });
    const updates: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => updates.push(u));
    other.getMap('shots').set('y', { deep: [1, 'two', { three: true }] });
    other.getMap('shots').delete('z');
    for (const update of updates) expect(checkUpdate(update)).toEqual({ ok: true });
  });

  test('refuses a tiny update that declares a huge number of structs', () => {
    const hostile = encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 2 ** 31);
      encoding.writeVarUint(e, 5);
      encoding.writeVarUint(e, 0);
    });
    const result = checkUpdate(hostile);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/struct count/);
  });

  test('refuses truncated, padded, oversized and deeply nested updates', () => {
    const full = Y.encodeStateAsUpdate(richDoc());
    expect(checkUpdate(full.subarray(0, full.length - 3)).ok).toBe(false);
    expect(checkUpdate(new Uint8Array([...full, 0, 0])).ok).toBe(false);
    expect(checkUpdate(full, full.length - 1).ok).toBe(false);
    const nested = new Y.Doc();
    let value: unknown = 'leaf';
    for (let i = 0; i < 40; i++) value = { inner: value };
    nested.getMap('m').set('k', value);
    expect(checkUpdate(Y.encodeStateAsUpdate(nested)).ok).toBe(false);
  });

  test('refuses unknown content kinds and subdocuments', () => {
    const unknownKind = encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 9);
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 20);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'shots');
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
    });
    expect(checkUpdate(unknownKind).ok).toBe(false);
    const withSubdoc = new Y.Doc();
    withSubdoc.getMap('m').set('sub', new Y.Doc());
    expect(checkUpdate(Y.encodeStateAsUpdate(withSubdoc)).ok).toBe(false);
  });

  test('random bytes never throw, and what passes also applies without throwing', () => {
    let seed = 99;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(1 + (next() % 64)).map(() => next() % 256);
      expect(() => checkUpdate(bytes)).not.toThrow();
      if (checkUpdate(bytes).ok) expect(() => Y.applyUpdate(new Y.Doc(), bytes)).not.toThrow();
    }
  });

  test('checks presence messages', () => {
    const ok = encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 42);
      encoding.writeVarUint(e, 3);
      encoding.writeVarString(e, JSON.stringify({ user: { name: 'A' } }));
    });
    expect(checkAwarenessUpdate(ok, 1024)).toEqual({ ok: true });
    expect(checkAwarenessUpdate(ok, 4).ok).toBe(false);
    const bad = encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 42);
      encoding.writeVarUint(e, 3);
      encoding.writeVarString(e, '{not json');
    });
    expect(checkAwarenessUpdate(bad, 1024).ok).toBe(false);
  });
});
