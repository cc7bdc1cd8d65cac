import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, test } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../store/projectDoc';
import { memoryWirePair, memoryWiresSettled, type MemoryWire } from './memoryWire';
import { MESSAGE_SYNC, SYNC_UPDATE } from './protocol';
import { SyncHub } from './syncHub';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function peer(name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const hub = new SyncHub(doc, awareness);
  cleanups.push(() => {
    hub.destroy();
    awareness.destroy();
    doc.destroy();
  });
  return { name, doc, awareness, hub };
}
type Peer = ReturnType<typeof peer>;

function connect(a: Peer, b: Peer): [MemoryWire, MemoryWire] {
  const [wa, wb] = memoryWirePair([b.name, a.name]);
  a.hub.attach(wa);
  b.hub.attach(wb);
  return [wa, wb];
}

const settle = () => memoryWiresSettled();

function rawUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe('document links', () => {
  test('two documents converge, before and after connecting, and remote edits carry REMOTE_ORIGIN', async () => {
    const a = peer('a');
    const b = peer('b');
    a.doc.getMap('shots').set('one', 1);
    b.doc.getMap('shots').set('two', 2);
    connect(a, b);
    await settle();
    expect(a.doc.getMap('shots').toJSON()).toEqual({ one: 1, two: 2 });
    expect(b.doc.getMap('shots').toJSON()).toEqual({ one: 1, two: 2 });
    const origins: unknown[] = [];
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    a.doc.getMap('shots').set('three', 3);
    await settle();
    expect(b.doc.getMap('shots').get('three')).toBe(3);
    expect(origins).toEqual([REMOTE_ORIGIN]);
    expect(a.hub.getLinks()[0]?.synced).toBe(true);
  });

  test('live updates pass through a peer in the middle', async () => {
    const a = peer('a');
    const b = peer('b');
    const c = peer('c');
    connect(a, b);
    connect(b, c);
    await settle();
    a.doc.getMap('shots').set('relayed', true);
    await settle();
    expect(c.doc.getMap('shots').get('relayed')).toBe(true);
  });

  test('a malformed or hostile update is refused and logged, and the document is untouched', async () => {
    const a = peer('a');
    a.doc.getMap('shots').set('keep', 'me');
    const [, attacker] = memoryWirePair(['attacker', 'a']);
    const [toA] = [attacker.other!];
    a.hub.attach(toA);
    attacker.listen({ onMessage: () => {}, onClose: () => {} });
    const before = Y.encodeStateAsUpdate(a.doc);
    const hostile = new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x07, 5, 0]);
    attacker.send(rawUpdateMessage(hostile));
    attacker.send(new Uint8Array([0, 9, 9]));
    await settle();
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(before);
    const problems = a.hub.log.getProblems();
    expect(problems.map((p) => p.message).join('\n')).toMatch(/struct count/);
    expect(a.hub.getLinks()).toHaveLength(1);
    attacker.send(new Uint8Array([42]));
    await settle();
    expect(a.hub.getLinks()).toHaveLength(0); // third strike: disconnected
    expect(attacker.isClosed).toBe(true);
  });

  test('presence arrives, and leaves the moment the peer disconnects', async () => {
    const a = peer('a');
    const b = peer('b');
    a.awareness.setLocalState({ user: { name: 'Anna' } });
    const [wire] = connect(a, b);
    await settle();
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Anna' } });
    a.awareness.setLocalStateField('shotId', 'x');
    await settle();
    expect(b.awareness.getStates().get(a.doc.clientID)).toMatchObject({ shotId: 'x' });
    wire.cut();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  test('leaving removes presence on the other side explicitly', async () => {
    const a = peer('a');
    const b = peer('b');
    a.awareness.setLocalState({ user: { name: 'Anna' } });
    connect(a, b);
    await settle();
    a.hub.destroy();
    await settle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  test('edits made while apart are all there after reconnecting', async () => {
    const a = peer('a');
    const b = peer('b');
    const [wire] = connect(a, b);
    await settle();
    wire.cut();
    a.doc.getMap('shots').set('fromA', 1);
    b.doc.getMap('shots').set('fromB', 2);
    connect(a, b);
    await settle();
    expect(a.doc.getMap('shots').toJSON()).toEqual({ fromA: 1, fromB: 2 });
    expect(b.doc.getMap('shots').toJSON()).toEqual({ fromA: 1, fromB: 2 });
  });
});
