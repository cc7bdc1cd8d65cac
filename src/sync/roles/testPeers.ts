import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { toBase64Url, type DeviceKey } from '../../store/deviceKey';
import { memoryWirePair, memoryWiresSettled } from '../memoryWire';
import { SyncHub } from '../syncHub';
import { RoomAuthority } from './roomAuthority';
import type { RoomRoles } from './roomRoles';

/**
 * Peers on memory wires in a room with roles, for the unit tests of this folder and the sync
 * benchmark. Each has its own device key, document and hub.
 */
export async function testDeviceKey(): Promise<DeviceKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64Url(raw) };
}

export interface TestPeer {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly hub: SyncHub;
  readonly key: DeviceKey;
  /** What this peer's sync log holds: `from: message`. */
  refusals(): string[];
  destroy(): void;
}

export async function testPeer(
  name: string,
  roomId: string,
  roles: RoomRoles | null,
): Promise<TestPeer> {
  const key = await testDeviceKey();
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const authority = roles ? await RoomAuthority.create(roomId, roles, key) : null;
  const hub = new SyncHub(doc, awareness, undefined, authority);
  return {
    name,
    doc,
    hub,
    key,
    refusals: () => hub.log.getProblems().map((p) => `${p.from}: ${p.message}`),
    destroy() {
      hub.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}

export function connectPeers(a: TestPeer, b: TestPeer): void {
  const [wa, wb] = memoryWirePair([b.name, a.name]);
  a.hub.attach(wa);
  b.hub.attach(wb);
}

/** Waits until wires are quiet and signing/verifying (asynchronous WebCrypto) has run its course. */
export async function settlePeers(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await memoryWiresSettled();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
