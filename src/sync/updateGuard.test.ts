import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bigProject } from '../../tests/helpers/bigProject';
import { manyMapsUpdate, nestedMapsUpdate } from '../../tests/helpers/hostileUpdates';
import { MAX_SHARED_TYPES_PER_UPDATE, MAX_TYPE_DEPTH } from '../store/updateGuard/limits';
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
    expect(checkUpdate(full, { maxBytes: full.length - 1 }).ok).toBe(false);
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

/** Maps inside maps under `versions[key]`, written with Yjs: `levels` shared types deep. */
function nestedWithYjs(levels: number, doc = new Y.Doc(), key = 'v'): Y.Doc {
  doc.transact(() => {
    let map = new Y.Map<unknown>();
    doc.getMap('versions').set(key, map);
    for (let i = 1; i < levels; i++) {
      const inner = new Y.Map<unknown>();
      map.set('inner', inner);
      map = inner;
    }
    map.set('leaf', 'here');
  });
  return doc;
}

describe('update guard: shared types', () => {
  test('refuses one update of 100,000 maps nested inside each other', () => {
    const hostile = nestedMapsUpdate({ depth: 100_000 });
    const result = checkUpdate(hostile);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/nested/);
  });

  test('bounds nesting at the limit: as deep as allowed passes, one level more does not', () => {
    expect(checkUpdate(Y.encodeStateAsUpdate(nestedWithYjs(MAX_TYPE_DEPTH)))).toEqual({ ok: true });
    const over = checkUpdate(Y.encodeStateAsUpdate(nestedWithYjs(MAX_TYPE_DEPTH + 1)));
    expect(over.ok).toBe(false);
    expect(!over.ok && over.reason).toMatch(/nested more than 16 levels deep.*versions › v/);
  });

  test('counts the levels a document already has: a deep chain sent in small pieces is refused', () => {
    const doc = nestedWithYjs(MAX_TYPE_DEPTH - 2);
    const sender = new Y.Doc();
    Y.applyUpdate(sender, Y.encodeStateAsUpdate(doc));
    const pieces: Uint8Array[] = [];
    sender.on('update', (update: Uint8Array) => pieces.push(update));
    let map = sender.getMap('versions').get('v') as Y.Map<unknown>;
    while (map.get('inner') instanceof Y.Map) map = map.get('inner') as Y.Map<unknown>;
    for (let i = 0; i < 4; i++) {
      const inner = new Y.Map<unknown>();
      map.set('inner', inner);
      map = inner;
    }
    // Each piece alone adds one level; against the document, the last two go too deep.
    expect(pieces.map((piece) => checkUpdate(piece).ok)).toEqual([true, true, true, true]);
    const verdicts = pieces.map((piece) => {
      const result = checkUpdate(piece, { doc });
      if (result.ok) Y.applyUpdate(doc, piece);
      return result.ok;
    });
    expect(verdicts.slice(0, 3)).toEqual([true, true, false]);
    expect(deepestType(doc)).toBe(MAX_TYPE_DEPTH);
    // The last piece hangs on the refused one, so Yjs parks it; sent again, that one is refused.
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(checkUpdate(pieces[2]!, { doc }).ok).toBe(false);
  });

  test('pieces parked until what they hang on arrives are counted with it', () => {
    const deep = Y.encodeStateAsUpdate(nestedWithYjs(MAX_TYPE_DEPTH + 4));
    const doc = new Y.Doc();
    // The same chain cut so that the outer maps come last: the inner part waits as pending.
    const pieces = splitByClock(deep, 6);
    expect(checkUpdate(pieces.tail, { doc }).ok).toBe(true);
    Y.applyUpdate(doc, pieces.tail);
    expect(doc.store.pendingStructs).not.toBeNull();
    const result = checkUpdate(pieces.head, { doc });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/nested/);
  });

  test('refuses an update that makes more shared types than a project ever has', () => {
    expect(checkUpdate(manyMapsUpdate(1_000))).toEqual({ ok: true });
    const result = checkUpdate(manyMapsUpdate(MAX_SHARED_TYPES_PER_UPDATE + 1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/shared types/);
  });

  // Building and checking 5,000 shots took 4.8 to 6.8 s on a busy two-core machine: this test
  // says what passes, not how fast, so it gets room past Vitest's 5 s default.
  test("a 5,000-shot project's whole state, three takes a shot, passes, also into an empty document", () => {
    const doc = bigProject(5_000, 3);
    const state = Y.encodeStateAsUpdate(doc);
    expect(checkUpdate(state)).toEqual({ ok: true });
    expect(checkUpdate(state, { doc: new Y.Doc() })).toEqual({ ok: true });
  }, 60_000);

  test('plain values: a JSON value nested past the limit is refused, without recursion', () => {
    const deepJson = '['.repeat(100_000) + ']'.repeat(100_000);
    const update = encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 5);
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 2); // ContentJSON, parent by root name
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'sceneOrder');
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, deepJson);
      encoding.writeVarUint(e, 0);
    });
    const result = checkUpdate(update);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/nested too deeply/);
  });
});

/** The depth of the deepest shared type in a document, walked without recursion. */
function deepestType(doc: Y.Doc): number {
  let deepest = 0;
  type Shared = Y.Doc['share'] extends Map<string, infer T> ? T : never;
  const open: [Shared, number][] = [...doc.share.values()].map((t) => [t, 0]);
  for (let next = open.pop(); next; next = open.pop()) {
    const [type, depth] = next;
    deepest = Math.max(deepest, depth);
    const children =
      type instanceof Y.Map ? [...type.values()] : type instanceof Y.Array ? type.toArray() : [];
    for (const child of children) {
      if (child instanceof Y.AbstractType) open.push([child as Shared, depth + 1]);
    }
  }
  return deepest;
}

/**
 * The structs of a one-client update cut in two at `clock`: `head` has the first ones, `tail`
 * the rest (which cannot integrate before `head`).
 */
function splitByClock(update: Uint8Array, clock: number): { head: Uint8Array; tail: Uint8Array } {
  const decoded = Y.decodeUpdate(update);
  const keep = (wanted: (s: { id: { clock: number } }) => boolean) => {
    const doc = new Y.Doc();
    const structs = decoded.structs.filter(wanted);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, structs[0]!.id.client);
    encoding.writeVarUint(e, structs[0]!.id.clock);
    const writer = new Y.UpdateEncoderV1();
    for (const struct of structs) struct.write(writer, 0);
    encoding.writeUint8Array(e, writer.toUint8Array());
    encoding.writeVarUint(e, 0);
    doc.destroy();
    return encoding.toUint8Array(e);
  };
  return { head: keep((s) => s.id.clock < clock), tail: keep((s) => s.id.clock >= clock) };
}
