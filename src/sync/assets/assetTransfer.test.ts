import { afterEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import type { AssetHash } from '../../model/ids';
import { VERSION_STATE_MIME } from '../../model/version';
import { hashBytes } from '../../store/assets';
import { toFrames } from '../frames';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from '../limits';
import { memoryWirePair } from '../memoryWire';
import { SyncLog } from '../syncLog';
import { AssetFetcher, type AssetSink } from './assetFetcher';
import { ASSET_CHUNK_BYTES, decodeAssetMessage } from './assetMessages';
import { openAssetChannel } from './assetChannel';
import type { AssetSource } from './assetServer';
import { readMedia } from '../../../tests/helpers/fixtures';
import { pngBytes } from '../../../tests/helpers/mediaBytes';
import { scriptedSvg } from '../../../tests/helpers/hostileAssets';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

function bytesOf(size: number, salt = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 7 + salt * 13 + (i >> 9)) % 256;
  // A PNG's first bytes, so the receiver's format check passes: these tests are about transfer.
  out.set(pngBytes(salt).subarray(0, 33));
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

  test('an SVG with a script is not stored, whatever type the peer claims, and not asked for again', async () => {
    const attacker = memoryStore();
    const b = memoryStore();
    const svg = scriptedSvg('peer');
    const hash = await hashBytes(svg);
    attacker.map.set(hash, { bytes: svg, mime: 'image/png' });
    const log = new SyncLog();
    const fb = fetcherFor(b, log);
    const { wa } = connect(attacker, fetcherFor(attacker), b, fb);
    fb.setWanted([hash]);
    await until(() => log.getProblems().length > 0);
    expect(log.getProblems()[0]!.message).toMatch(
      /is an SVG image, which can carry scripts; not stored/,
    );
    expect(b.map.has(hash)).toBe(false);
    expect(fb.progress().missing).toBe(0);
    const asked = wa.other!.sent.length;
    fb.setWanted([hash]);
    const toAnother: unknown[] = [];
    fb.addPeer({ label: 'another', send: (message) => toAnother.push(message) });
    expect(wa.other!.sent.length).toBe(asked);
    expect(toAnother).toEqual([]);
  });

  test('a frame is stored with the type its bytes are, not the type the peer claims', async () => {
    const a = memoryStore();
    const b = memoryStore();
    const frame = bytesOf(20_000, 6);
    const hash = await hashBytes(frame);
    a.map.set(hash, { bytes: frame, mime: 'image/svg+xml' });
    const fb = fetcherFor(b);
    connect(a, fetcherFor(a), b, fb);
    fb.setWanted([hash]);
    await until(() => b.map.has(hash));
    expect(b.map.get(hash)!.mime).toBe('image/png');
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

/**
 * No script from content (issue 10), for what peers send: whatever a peer claims, bytes become an
 * asset here only when they are what this browser accepts. Each refusal is logged against the
 * peer, nothing is stored, and the same hash (the same bytes, from anyone) is not asked for again.
 */
describe('assets arriving from a peer', () => {
  const text = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));
  const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
  const realPng = new Uint8Array(readMedia('tiny.png'));

  /** One peer serves `bytes` claiming `mime`; returns what the receiver logged and stored. */
  async function served(bytes: Uint8Array<ArrayBuffer>, mime: string) {
    const peer = memoryStore();
    const receiver = memoryStore();
    const hash = await hashBytes(bytes);
    peer.map.set(hash, { bytes, mime });
    const log = new SyncLog();
    const fetcher = fetcherFor(receiver, log);
    const { wa } = connect(peer, fetcherFor(peer), receiver, fetcher);
    fetcher.setWanted([hash]);
    await until(() => log.getProblems().length > 0 || receiver.map.has(hash));
    return { hash, log, receiver, fetcher, asked: () => wa.other!.sent.length };
  }

  async function expectRefused(
    bytes: Uint8Array<ArrayBuffer>,
    mime: string,
    reason: RegExp,
  ): Promise<void> {
    const { hash, log, receiver, fetcher, asked } = await served(bytes, mime);
    expect(receiver.map.has(hash)).toBe(false);
    expect(receiver.stored).toEqual([]);
    expect(log.getProblems()).toHaveLength(1);
    const [problem] = log.getProblems();
    expect(problem!.from).toBe('a');
    expect(problem!.message).toMatch(reason);
    expect(problem!.message).toMatch(/not stored$/);
    // Not fetched again: not from this peer, not from the next one.
    const before = asked();
    const other: unknown[] = [];
    fetcher.addPeer({ label: 'another', send: (message) => other.push(message) });
    fetcher.setWanted([hash]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked()).toBe(before);
    expect(other).toEqual([]);
    expect(fetcher.progress().missing).toBe(0);
  }

  test('a web page served as a PNG is refused', async () => {
    const page = text(
      '<!doctype html><html><body><script>localStorage.setItem("pwned","1")</script></body></html>',
    );
    await expectRefused(page, 'image/png', /a web page or XML document, which can carry scripts/);
  });

  test('an SVG behind a byte-order mark and blank lines, served as a JPEG, is refused', async () => {
    await expectRefused(
      join(new Uint8Array([0xef, 0xbb, 0xbf]), text('\n  '), scriptedSvg('bom')),
      'image/jpeg',
      /an SVG image, which can carry scripts/,
    );
  });

  test('a PNG cut short inside its header is refused', async () => {
    await expectRefused(realPng.slice(0, 20), 'image/png', /or it is cut short/);
  });

  test('a PNG with a web page hidden in its first chunks (a polyglot) is refused', async () => {
    // A real PNG header, then an HTML page where a tEXt chunk would be: a sniffer reading the
    // start of the file as text finds the page.
    const polyglot = join(
      realPng.slice(0, 33),
      text('\0\0\0\x40tEXtComment\0<html><script>localStorage.x=1</script></html>'),
      realPng.slice(33),
    );
    await expectRefused(
      polyglot,
      'image/png',
      /PNG image data with web markup \(<script…\) hidden in it/,
    );
  });

  test('a GIF header with a script after it is refused', async () => {
    const gifar = join(
      text('GIF89a\x01\x00\x01\x00\x00\x00\x00'),
      text('=1;<script>alert(1)</script>'),
    );
    await expectRefused(gifar, 'image/gif', /GIF image data with web markup \(<script…\)/);
  });

  test('a web page served as a version’s saved state is refused', async () => {
    // The one non-media type: taken only when the bytes read as a Yjs update.
    await expectRefused(
      text('<html><script>localStorage.x=1</script></html>'),
      VERSION_STATE_MIME,
      /not a saved version of a project/,
    );
  });

  test('a real version state and a real PNG are stored, with the types their bytes are', async () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Saved');
    const state = Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>;
    doc.destroy();
    const version = await served(state, VERSION_STATE_MIME);
    expect(version.receiver.map.get(version.hash)?.mime).toBe(VERSION_STATE_MIME);
    const png = await served(realPng, 'image/svg+xml');
    expect(png.receiver.map.get(png.hash)?.mime).toBe('image/png');
    expect([...version.log.getProblems(), ...png.log.getProblems()]).toEqual([]);
  });
});
