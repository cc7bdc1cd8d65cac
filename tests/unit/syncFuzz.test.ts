import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { screenplayToSnapshot } from '../../src/export/screenplayImport';
import type { SceneId, ShotId } from '../../src/model/ids';
import type { ProjectSnapshot } from '../../src/model/project';
import { SHOT_TYPES } from '../../src/model/camera';
import { ms } from '../../src/model/units';
import { breakdownScript } from '../../src/plan';
import { planReimport } from '../../src/plan/reimport';
import { parseScript } from '../../src/script';
import {
  addScene,
  applyReimport,
  deleteShot,
  insertShot,
  moveShot,
  readProject,
  REMOTE_ORIGIN,
  renumberSceneShots,
  restoreSnapshot,
  updateSceneHeading,
  updateShot,
  writeSnapshot,
} from '../../src/store/projectDoc';

/**
 * Seeded randomized convergence (STYLE §11, after tldraw's syncFuzz and Yjs's applyRandomTests):
 * 3–5 documents make random edits through the real operations while peers drop off and come
 * back; messages sent while a peer is away are lost (as on a real network) and a reconnect runs
 * the state-vector exchange the sync protocol does. At the end every document must be equal and
 * every shot accounted for: none lost, none twice. A seed that ever fails is kept below by name.
 */

const SEEDS = Number(process.env.SYNC_FUZZ_SEEDS ?? 1000);
const STEPS_PER_SEED = 40;
/**
 * Seeds that once failed, kept as regression tests.
 * - 41: peers listed the shots of a scene a re-import had cut in different orders (readProject
 *   followed each peer's Y.Map arrival order); read.ts now places them by id.
 */
const REGRESSION_SEEDS: readonly number[] = [41];

const DRAFT_A = `Title: Fuzz

INT. KITCHEN - NIGHT

ANNA waits by the window. Rain.

ANNA
He is not coming.

BEN (O.S.)
I'm right here.

EXT. ROOF - NIGHT

Ben lights a cigarette. The city hums below.

INT. STAIRWELL - NIGHT

Anna runs up the stairs.
`;

/** The same script, redrafted: a scene cut, one added, lines changed. */
const DRAFTS = [
  DRAFT_A,
  DRAFT_A.replace('He is not coming.', 'He is never coming back.'),
  DRAFT_A.replace(/EXT\. ROOF - NIGHT[\s\S]*?INT\./, 'INT.'),
  `${DRAFT_A}\nEXT. STREET - DAY\n\nA taxi pulls away. ANNA watches it go.\n`,
];

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

/** Ids from the seed, so a failing seed fails the same way again. */
function seededUuids(rng: Random) {
  return () => {
    const hex = () => rng.int(0x10000).toString(16).padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-8${hex().slice(1)}-${hex()}${hex()}${hex()}` as `${string}-${string}-${string}-${string}-${string}`;
  };
}

interface Peer {
  readonly doc: Y.Doc;
  online: boolean;
  /** Earlier snapshots of this peer's boards: what "restore a version" goes back to. */
  readonly versions: ProjectSnapshot[];
}

interface Ledger {
  readonly created: Set<string>;
  readonly deleted: Set<string>;
  /** Ids a restore brought back after they were deleted: only "at most once" holds for them. */
  readonly recreated: Set<string>;
}

function initialSnapshot(): ProjectSnapshot {
  const result = screenplayToSnapshot(DRAFT_A, 'fuzz.fountain');
  if (!result.ok) throw new Error(result.error);
  return result.snapshot;
}

function makePeers(rng: Random, count: number, seed: number): Peer[] {
  const peers: Peer[] = [];
  const first = new Y.Doc();
  first.clientID = seed * 8 + 1;
  writeSnapshot(first, initialSnapshot());
  const state = Y.encodeStateAsUpdate(first);
  for (let i = 0; i < count; i++) {
    const doc = i === 0 ? first : new Y.Doc();
    if (i > 0) {
      doc.clientID = seed * 8 + 1 + i;
      Y.applyUpdate(doc, state, REMOTE_ORIGIN);
    }
    peers.push({ doc, online: rng.chance(0.8) || i === 0, versions: [] });
  }
  return peers;
}

/** While both ends are online, every local update goes straight to the other peers. */
function wire(peers: Peer[], pending: Map<string, Uint8Array[]>) {
  peers.forEach((peer, from) => {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN || !peer.online) return; // lost: nobody was listening
      peers.forEach((other, to) => {
        if (to === from || !other.online) return;
        const key = `${from}>${to}`;
        pending.set(key, [...(pending.get(key) ?? []), update]);
      });
    });
  });
}

/** Delivers some in-flight messages, in a random order (Yjs must cope with gaps). */
function deliver(rng: Random, peers: Peer[], pending: Map<string, Uint8Array[]>, all = false) {
  for (const [key, queue] of pending) {
    if (queue.length === 0 || (!all && !rng.chance(0.5))) continue;
    const [from, to] = key.split('>').map(Number) as [number, number];
    const target = peers[to]!;
    if (!target.online || !peers[from]!.online) {
      pending.set(key, []); // a peer left: what was in flight is gone
      continue;
    }
    const batch = all ? queue.splice(0) : queue.splice(0, 1 + rng.int(queue.length));
    if (!all && rng.chance(0.3)) batch.reverse();
    for (const update of batch) Y.applyUpdate(target.doc, update, REMOTE_ORIGIN);
  }
}

/** What sync step 1/2 does when two peers (re)connect. */
function exchange(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE_ORIGIN);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE_ORIGIN);
}

function randomEdit(rng: Random, peer: Peer, ledger: Ledger): void {
  const doc = peer.doc;
  const { snapshot } = readProject(doc);
  const scene = rng.pick(snapshot.scenes);
  const shot = rng.pick(snapshot.shots);
  const roll = rng.next();
  if (roll < 0.22 && scene) {
    const id = insertShot(doc, scene.id, rng.int(12), { action: `new ${rng.int(1000)}` });
    if (id) ledger.created.add(id);
  } else if (roll < 0.4 && shot) {
    const target = rng.pick(snapshot.scenes) ?? scene;
    if (target) moveShot(doc, shot.id, target.id, rng.int(10));
  } else if (roll < 0.52 && shot) {
    deleteShot(doc, shot.id);
    ledger.deleted.add(shot.id);
  } else if (roll < 0.72 && shot) {
    updateShot(doc, shot.id, randomPatch(rng));
  } else if (roll < 0.77) {
    addScene(doc, `INT. ROOM ${rng.int(100)} - DAY`);
  } else if (roll < 0.8 && scene) {
    updateSceneHeading(doc, scene.id, `EXT. PLACE ${rng.int(100)} - NIGHT`);
  } else if (roll < 0.83 && scene) {
    renumberSceneShots(doc, scene.id);
  } else if (roll < 0.9) {
    reimport(rng, doc, snapshot, ledger);
  } else if (roll < 0.95) {
    peer.versions.push(snapshot);
  } else {
    restore(rng, peer, snapshot, ledger);
  }
}

function randomPatch(rng: Random) {
  switch (rng.int(5)) {
    case 0:
      return { action: `action ${rng.int(1000)}` };
    case 1:
      return { notes: `note ${rng.int(1000)}` };
    case 2:
      return { durationMs: ms(500 + rng.int(8000)) };
    case 3:
      return { shotType: rng.pick(SHOT_TYPES) ?? 'MS' };
    default:
      return { dialogue: [{ speaker: 'ANNA', line: `line ${rng.int(100)}`, parenthetical: '' }] };
  }
}

function reimport(rng: Random, doc: Y.Doc, snapshot: ProjectSnapshot, ledger: Ledger) {
  const script = parseScript(rng.pick(DRAFTS) ?? DRAFT_A);
  const plan = planReimport(snapshot, breakdownScript(script));
  const before = new Set(snapshot.shots.map((s) => s.id));
  for (const shot of plan.shots) if (!before.has(shot.id)) ledger.created.add(shot.id);
  for (const id of plan.deletedShotIds) ledger.deleted.add(id);
  applyReimport(doc, plan);
}

function restore(rng: Random, peer: Peer, snapshot: ProjectSnapshot, ledger: Ledger) {
  const version = rng.pick(peer.versions);
  if (!version) return;
  const kept = new Set(version.shots.map((s) => s.id));
  for (const shot of snapshot.shots) if (!kept.has(shot.id)) ledger.deleted.add(shot.id);
  for (const id of kept) if (ledger.deleted.has(id)) ledger.recreated.add(id);
  restoreSnapshot(peer.doc, version);
}

function runSeed(seed: number): void {
  const rng = random(seed);
  vi.spyOn(crypto, 'randomUUID').mockImplementation(seededUuids(rng));
  const peers = makePeers(rng, 3 + rng.int(3), seed);
  const initialIds = readProject(peers[0]!.doc).snapshot.shots.map((s) => s.id);
  const ledger: Ledger = { created: new Set(initialIds), deleted: new Set(), recreated: new Set() };
  const pending = new Map<string, Uint8Array[]>();
  wire(peers, pending);

  for (let step = 0; step < STEPS_PER_SEED; step++) {
    const roll = rng.next();
    if (roll < 0.6) {
      const peer = rng.pick(peers)!;
      randomEdit(rng, peer, ledger);
    } else if (roll < 0.75) {
      const peer = rng.pick(peers)!;
      peer.online = !peer.online;
      if (peer.online) {
        for (const other of peers)
          if (other !== peer && other.online) exchange(peer.doc, other.doc);
      }
    } else {
      deliver(rng, peers, pending);
    }
  }

  // Everyone comes back; in-flight messages land; one full round of reconnect syncs.
  for (const peer of peers) peer.online = true;
  deliver(rng, peers, pending, true);
  for (const a of peers) for (const b of peers) if (a !== b) exchange(a.doc, b.doc);

  const reads = peers.map((peer) => readProject(peer.doc));
  const vectors = peers.map((peer) => Array.from(Y.encodeStateVector(peer.doc)).join(','));
  for (let i = 1; i < peers.length; i++) {
    expect(vectors[i], `seed ${seed}: state vectors of peer 0 and ${i}`).toBe(vectors[0]);
    expect(reads[i]!.snapshot, `seed ${seed}: boards of peer 0 and ${i}`).toEqual(
      reads[0]!.snapshot,
    );
  }
  const ids = reads[0]!.snapshot.shots.map((s) => s.id);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  expect(twice, `seed ${seed}: shots listed twice`).toEqual([]);
  const present = new Set<string>(ids);
  const lost = [...ledger.created].filter((id) => !ledger.deleted.has(id) && !present.has(id));
  expect(lost, `seed ${seed}: shots nobody deleted are missing`).toEqual([]);
  const undead = [...ledger.deleted].filter((id) => !ledger.recreated.has(id) && present.has(id));
  expect(undead, `seed ${seed}: deleted shots came back`).toEqual([]);
  // A shot whose scene a concurrent re-import cut is kept and shown at the end ("has no scene"):
  // that is the design, not a loss. Anything else in `problems` is a record that broke.
  const broken = reads[0]!.problems.filter((p) => !p.endsWith('has no scene'));
  expect(broken, `seed ${seed}: unreadable records`).toEqual([]);
  for (const peer of peers) peer.doc.destroy();
}

describe('concurrent editing converges', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.restoreAllMocks());

  test(`${SEEDS} random seeds: all peers equal, every shot exactly once`, () => {
    const started = performance.now();
    for (let seed = 1; seed <= SEEDS; seed++) runSeed(seed);
    const seconds = (performance.now() - started) / 1000;
    console.log(`syncFuzz: ${SEEDS} seeds in ${seconds.toFixed(1)} s`);
  }, 120_000);

  for (const seed of REGRESSION_SEEDS) {
    test(`regression seed ${seed}`, () => runSeed(seed));
  }

  test('a shot moved on one peer while deleted on another is gone everywhere', () => {
    const rng = random(7);
    vi.spyOn(crypto, 'randomUUID').mockImplementation(seededUuids(rng));
    const [a, b] = makePeers(rng, 2, 7).map((p) => p.doc) as [Y.Doc, Y.Doc];
    const { snapshot } = readProject(a);
    const shot = snapshot.shots[0]!;
    const other = snapshot.scenes[1]!.id as SceneId;
    moveShot(a, shot.id, other, 0);
    deleteShot(b, shot.id as ShotId);
    exchange(a, b);
    expect(readProject(a).snapshot.shots.some((s) => s.id === shot.id)).toBe(false);
    expect(readProject(a).snapshot).toEqual(readProject(b).snapshot);
  });
});
