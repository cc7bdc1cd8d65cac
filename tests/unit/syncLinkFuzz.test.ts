import { afterEach, expect, test, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { screenplayToSnapshot } from '../../src/export/screenplayImport';
import type { ProjectSnapshot } from '../../src/model/project';
import {
  addScene,
  deleteShot,
  insertShot,
  moveShot,
  readProject,
  REMOTE_ORIGIN,
  updateShot,
  writeSnapshot,
} from '../../src/store/projectDoc';
import { memoryWirePair, memoryWiresSettled, type MemoryWire } from '../../src/sync/memoryWire';
import { SyncHub } from '../../src/sync/syncHub';

/**
 * The convergence fuzz again, but through the real sync links (SyncHub/DocLink over in-memory
 * wires that deliver asynchronously): random edits, links cut and re-made between random pairs
 * (so updates also travel relayed through a third peer), then a full mesh and quiet. Every
 * document must end equal. Fewer seeds than syncFuzz.test.ts: each one runs on real timers.
 */
const SEEDS = Number(process.env.SYNC_LINK_FUZZ_SEEDS ?? 150);
const STEPS = 30;
const QUIET_TIMEOUT_MS = 2_000;

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const SCRIPT = `Title: Links

INT. KITCHEN - NIGHT

Anna waits.

EXT. ROOF - NIGHT

Ben smokes.
`;

function initial(): ProjectSnapshot {
  const result = screenplayToSnapshot(SCRIPT, 'links.fountain');
  if (!result.ok) throw new Error(result.error);
  return result.snapshot;
}

interface Peer {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly hub: SyncHub;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
});

function edit(rng: ReturnType<typeof random>, doc: Y.Doc) {
  const { snapshot } = readProject(doc);
  const shot = snapshot.shots[rng.int(snapshot.shots.length)];
  const scene = snapshot.scenes[rng.int(snapshot.scenes.length)];
  const roll = rng.next();
  if (roll < 0.3 && scene) insertShot(doc, scene.id, rng.int(5), { action: `n${rng.int(99)}` });
  else if (roll < 0.5 && shot && scene) moveShot(doc, shot.id, scene.id, rng.int(5));
  else if (roll < 0.6 && shot) deleteShot(doc, shot.id);
  else if (roll < 0.65) addScene(doc, `INT. ROOM ${rng.int(9)} - DAY`);
  else if (shot) updateShot(doc, shot.id, { notes: `x${rng.int(999)}` });
}

async function quiet(peers: readonly Peer[]) {
  const started = Date.now();
  const vector = (p: Peer) => Array.from(Y.encodeStateVector(p.doc)).join(',');
  while (Date.now() - started < QUIET_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (peers.every((p) => vector(p) === vector(peers[0]!))) return;
  }
}

async function runSeed(seed: number) {
  const rng = random(seed);
  const base = new Y.Doc();
  writeSnapshot(base, initial());
  const state = Y.encodeStateAsUpdate(base);
  base.destroy();
  const peers: Peer[] = Array.from({ length: 3 + rng.int(2) }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, REMOTE_ORIGIN);
    const awareness = new Awareness(doc);
    const hub = new SyncHub(doc, awareness);
    cleanups.push(() => {
      hub.destroy();
      awareness.destroy();
      doc.destroy();
    });
    return { doc, awareness, hub };
  });
  const links = new Map<string, MemoryWire>();
  const connect = (i: number, j: number) => {
    const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
    if (i === j || links.has(key)) return;
    const [a, b] = memoryWirePair([`${j}`, `${i}`]);
    peers[i]!.hub.attach(a);
    peers[j]!.hub.attach(b);
    links.set(key, a);
  };
  for (let step = 0; step < STEPS; step++) {
    const roll = rng.next();
    if (roll < 0.55) edit(rng, peers[rng.int(peers.length)]!.doc);
    else if (roll < 0.75) connect(rng.int(peers.length), rng.int(peers.length));
    else if (roll < 0.9 && links.size > 0) {
      const keys = [...links.keys()];
      const key = keys[rng.int(keys.length)]!;
      links.get(key)!.cut();
      links.delete(key);
    } else {
      await new Promise((resolve) => setTimeout(resolve, rng.int(3)));
    }
  }
  for (let i = 0; i < peers.length; i++) for (let j = i + 1; j < peers.length; j++) connect(i, j);
  await memoryWiresSettled();
  await quiet(peers);
  const first = readProject(peers[0]!.doc).snapshot;
  for (const peer of peers.slice(1)) {
    expect(readProject(peer.doc).snapshot, `seed ${seed}`).toEqual(first);
  }
  for (const peer of peers) expect(peer.hub.log.getProblems(), `seed ${seed}`).toEqual([]);
  for (const cleanup of cleanups.splice(0)) cleanup();
}

test(`${SEEDS} seeds through the real links converge`, async () => {
  for (let seed = 1; seed <= SEEDS; seed++) await runSeed(seed);
}, 120_000);
