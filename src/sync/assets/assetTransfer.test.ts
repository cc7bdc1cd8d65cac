import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AssetHash } from '../../model/ids';
import { hashBytes } from '../../store/assets';
import { toFrames } from '../frames';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from '../limits';
import { memoryWirePair } from '../memoryWire';
import { SyncLog } from '../syncLog';
import { AssetFetcher, type AssetSink } from './assetFetcher';
import { ASSET_CHUNK_BYTES, decodeAssetMessage } from './assetMessages';
import { openAssetChannel } from './assetChannel';
import type { AssetSource } from './assetServer';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

function bytesOf(size: number, salt = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7 + salt * 13 + (i >> 9)) % 256;
  return out;
}

function memoryStore() {
  const map = new Map<AssetHash, { bytes: Uint8Array; mime: string }>();
  const stored: AssetHash[] = [];
  const sink: AssetSink = {
    has: async (hash) => map.has(hash),
    put: async (bytes, mime) => {
      const hash = await hashBytes(bytes as Uint8Array<ArrayBuffer>);
      map.set(hash, { bytes: bytes.slice(), mime });
      return hash;
    },
    stored: (hash) => stored.push(hash),
  };
  const source: AssetSource = {
    canServe: (hash) => map.has(hash),
    read: async (hash) => map.get(hash) ?? null,
  };
  return { map, sink, source, stored };
}

function fetcherFor(store: ReturnType<typeof memoryStore>, log = new SyncLog()) {
  const fetcher = new AssetFetcher(store.sink, log);
  stops.push(() => fetcher.stop());
  return fetcher;
}

/** Connects two stores' asset channels; every message must fit one data-channel frame. */
function connect(
  a: ReturnType<typeof memoryStore>,
  fa: AssetFetcher,
  b: ReturnType<typeof memoryStore>,
  fb: AssetFetcher,
) {
  const [wa, wb] = memoryWirePair(['b', 'a']);
  openAssetChannel(wa, fa, a.source, new SyncLog());
  openAssetChannel(wb, fb, b.source, new SyncLog());
  return { wa, wb };
}

async function until(check: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('asset transfer between peers', () => {
  test('a 1.5 MB frame arrives intact in chunks that fit a 16 KiB message', async () => {
    const a = memoryStore();
    const b = memoryStore();
    const frame = bytesOf(1_500_000);
    const hash = await a.sink.put(frame, 'image/png');
    const fa = fetcherFor(a);
    const fb = fetcherFor(b);
    const { wa } = connect(a, fa, b, fb);
    fb.setWanted([hash]);
    await until(() => b.map.has(hash));
    expect(await hashBytes(b.map.get(hash)!.bytes as Uint8Array<ArrayBuffer>)).toBe(hash);
    expect(b.map.get(hash)!.mime).toBe('image/png');
    expect(b.stored).toEqual([hash]);
    const largest = Math.max(...wa.sent.map((m) => toFrames(m, 0)[0]!.byteLength));
    expect(wa.sent.every((m) => toFrames(m, 0).length === 1)).toBe(true);
    expect(largest).toBeLessThanOrEqual(MAX_DATA_CHANNEL_MESSAGE_BYTES);
  });

  test('a transfer cut off halfway resumes from the last byte, from another peer', async () => {
    const a = memoryStore();
    const c = memoryStore();
    const b = memoryStore();
    const frame = bytesOf(600_000, 2);
    const hash = await a.sink.put(frame, 'image/png');
    await c.sink.put(frame, 'image/png');
    const fb = fetcherFor(b);
    // Delivery by hand: B's request reaches A, A answers, and only ten messages reach B.
    const [toB, toA] = memoryWirePair(['a', 'b'], { manual: true });
    openAssetChannel(toB, fb, b.source, new SyncLog());
    openAssetChannel(toA, fetcherFor(a), a.source, new SyncLog());
    fb.setWanted([hash]);
    await until(() => toA.waiting > 0);
    toA.deliver();
    await until(() => toB.waiting > 12);
    toB.deliver(10); // 'have' and nine chunks
    toB.cut();
    const { wa: wc } = connect(c, fetcherFor(c), b, fb);
    await until(() => b.map.has(hash));
    const want = decodeAssetMessage(wc.other!.sent[0]!);
    expect(want).toMatchObject({ type: 'want', hash, offset: 9 * ASSET_CHUNK_BYTES });
    const chunksFromC = wc.sent.filter((m) => decodeAssetMessage(m)?.type === 'chunk').length;
    expect(chunksFromC).toBe(Math.ceil((600_000 - 9 * ASSET_CHUNK_BYTES) / ASSET_CHUNK_BYTES));
    expect(await hashBytes(b.map.get(hash)!.bytes as Uint8Array<ArrayBuffer>)).toBe(hash);
  });

  test('bytes that do not match their hash are thrown away and fetched from someone honest', async () => {
    const liar = memoryStore();
    const honest = memoryStore();
    const b = memoryStore();
    const frame = bytesOf(100_000, 3);
    const hash = await honest.sink.put(frame, 'image/png');
    liar.map.set(hash, { bytes: bytesOf(100_000, 4), mime: 'image/png' });
    const log = new SyncLog();
    const fb = fetcherFor(b, log);
    connect(liar, fetcherFor(liar), b, fb);
    fb.setWanted([hash]);
    await until(() => log.getProblems().length > 0);
    expect(b.map.has(hash)).toBe(false);
    connect(honest, fetcherFor(honest), b, fb);
    await until(() => b.map.has(hash));
    expect(await hashBytes(b.map.get(hash)!.bytes as Uint8Array<ArrayBuffer>)).toBe(hash);
  });

  test('only assets of the shared project are served', async () => {
    const a = memoryStore();
    const b = memoryStore();
    const secret = await a.sink.put(bytesOf(1000, 5), 'image/png');
    const fb = fetcherFor(b);
    const source: AssetSource = { canServe: () => false, read: a.source.read };
    const [wa, wb] = memoryWirePair(['b', 'a']);
    openAssetChannel(wa, fetcherFor(a), source, new SyncLog());
    openAssetChannel(wb, fb, b.source, new SyncLog());
    fb.setWanted([secret]);
    await until(() => wa.sent.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.map.has(secret)).toBe(false);
    expect(wa.sent.map((m) => decodeAssetMessage(m)?.type)).toEqual(['none']);
  });
});
