import { afterAll, expect, test } from 'vitest';
import { newOwnerRoles, rolesForLink } from '../../src/sync/roles/roomRoles';
import { connectPeers, settlePeers, testPeer, type TestPeer } from '../../src/sync/roles/testPeers';

/**
 * What signing costs an edit (part of `npm run bench:sync`): edit-to-visible time in a full mesh
 * on in-memory wires, with roles (signed, verified, scope-checked) and without, 2 and 5 peers,
 * measured interleaved in one run so both sides see the same machine load. Printed, never
 * asserted (README "Tests and benchmarks"). Target: signing adds ≤ 5 ms at p95.
 */
const ROOM = 'bench-room-aaaaaaaaaa';
const SAMPLES = 60;
const lines: string[] = [];

async function mesh(count: number, signed: boolean): Promise<TestPeer[]> {
  const owner = await newOwnerRoles();
  const peers: TestPeer[] = [];
  for (let i = 0; i < count; i++) {
    peers.push(await testPeer(`p${i}`, ROOM, signed ? rolesForLink(owner, 'edit') : null));
  }
  peers.forEach((a, i) => peers.slice(i + 1).forEach((b) => connectPeers(a, b)));
  await settlePeers();
  return peers;
}

/** Milliseconds from a field set on the first peer until every other peer has it. */
function editToVisible(peers: TestPeer[], value: number): Promise<number> {
  const [writer, ...readers] = peers;
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      if (readers.every((p) => p.doc.getMap('shots').get('s1') === value)) {
        for (const p of readers) p.doc.off('update', check);
        resolve(performance.now() - started);
      }
    };
    for (const p of readers) p.doc.on('update', check);
    writer?.doc.getMap('shots').set('s1', value);
  });
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

afterAll(() => {
  console.log(`signing ${lines.join(' ')}`);
});

test.each([2, 5])('edit to visible with and without signing, %i peers', async (count) => {
  const plain = await mesh(count, false);
  const signed = await mesh(count, true);
  const times = { plain: [] as number[], signed: [] as number[] };
  for (let i = 0; i < SAMPLES; i++) {
    times.plain.push(await editToVisible(plain, i));
    times.signed.push(await editToVisible(signed, i));
  }
  for (const p of [...plain, ...signed]) p.destroy();
  const off = p95(times.plain);
  const on = p95(times.signed);
  lines.push(
    `p95_ms_${count}peers_off=${off.toFixed(2)} p95_ms_${count}peers_on=${on.toFixed(2)} added_ms_${count}peers=${(on - off).toFixed(2)}`,
  );
  expect(times.signed).toHaveLength(SAMPLES);
});
