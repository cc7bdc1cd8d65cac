import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from '../../src/sync/limits';
import type { Wire } from '../../src/sync/wire';

/**
 * The one suite every sync wire passes (STYLE §10, as automerge-repo's
 * `runStorageAdapterTests(setup)`): whatever carries it (tabs, a data channel, a server, memory),
 * a wire delivers whole messages in order, whatever their size; closing or losing the connection
 * is heard once, last, and nothing is delivered after it; a wire with backpressure keeps the
 * transport's buffer bounded and still delivers everything. What a transport cannot do is declared
 * in the setup, and the tests that need it are not run for it.
 */
export interface WireContractSetup {
  /** Starts what the transport needs (a server) before the suite; `after` stops it. */
  readonly before?: () => Promise<void>;
  readonly after?: () => Promise<void>;
  /** Two ends of one new connection, open, neither listening yet. */
  readonly connect: () => Promise<WireConnection>;
  /**
   * Whether closing one end is heard at the other. A BroadcastChannel cannot tell: a tab that
   * leaves says nothing, and the others notice it through presence expiring.
   */
  readonly closeReachesOtherEnd: boolean;
  /** Whether the connection under the two ends can drop by itself (`WireConnection.cut`). */
  readonly canBeCut: boolean;
  /** The largest message the transport carries, when it has a limit the wire must chunk under. */
  readonly transportLimitBytes: number | null;
  /** The transport buffer the wire keeps itself below, when it applies backpressure. */
  readonly highWaterBytes: number | null;
}

export interface WireConnection {
  readonly a: Wire;
  readonly b: Wire;
  /** Resolves once nothing sent, closed or cut before now can still arrive anywhere. */
  readonly settled: () => Promise<void>;
  /** The connection drops under both ends: the network or the server is gone (`canBeCut`). */
  readonly cut?: () => void;
  /** The largest message the transport was asked to carry so far (`transportLimitBytes`). */
  readonly largestCarried?: () => number;
  /** The transport under `a`: stall and resume it, read its buffer (`highWaterBytes`). */
  readonly transport?: {
    stall(): void;
    resume(): void;
    bufferedBytes(): number;
    peakBufferedBytes(): number;
  };
  readonly dispose: () => Promise<void>;
}

const FRAME_LIMIT = MAX_DATA_CHANNEL_MESSAGE_BYTES;
const KIB = 1024;

/** Small, odd and frame-sized messages mixed, as sync traffic is. */
const MIXED_SIZES = [
  1,
  2,
  3,
  4,
  64,
  700,
  4 * KIB,
  FRAME_LIMIT - 2,
  FRAME_LIMIT - 1,
  FRAME_LIMIT,
  5,
  9_000,
  1,
  31,
  50 * KIB,
  17,
  2 * KIB,
  3,
];
/** Around and well over the frame limit: one part too many, several, a whole megabyte. */
const LARGE_SIZES = [
  FRAME_LIMIT - 1,
  FRAME_LIMIT,
  FRAME_LIMIT + 1,
  3 * FRAME_LIMIT + 5,
  KIB * KIB,
  7,
];
/** A burst of traffic that is still travelling when a connection closes. */
const BURST_SIZES = [10, 40 * KIB, 200, 100 * KIB, 3, 20 * KIB, 64, 70 * KIB, 1];

type Heard = { readonly kind: 'message'; readonly bytes: Uint8Array } | { readonly kind: 'close' };

interface Listener {
  readonly heard: Heard[];
  messages(): Uint8Array[];
  closes(): number;
}

function listenTo(wire: Wire): Listener {
  const heard: Heard[] = [];
  wire.listen({
    onMessage: (bytes) => heard.push({ kind: 'message', bytes }),
    onClose: () => heard.push({ kind: 'close' }),
  });
  return {
    heard,
    messages: () => heard.flatMap((event) => (event.kind === 'message' ? [event.bytes] : [])),
    closes: () => heard.filter((event) => event.kind === 'close').length,
  };
}

/** Message `index` of `size` bytes: its index up front, then bytes no two messages share. */
function message(index: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = (index + 1) * 2_654_435_761;
  for (let at = 0; at < size; at++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[at] = state & 0xff;
  }
  if (size >= 4) new DataView(bytes.buffer).setUint32(0, index, false);
  return bytes;
}

/** Short, comparable names for messages: a failing test shows which one differs. */
function digests(messages: readonly Uint8Array[]): string[] {
  return messages.map(
    (bytes) =>
      `${bytes.byteLength}:${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`,
  );
}

async function until(done: () => boolean, what: string, timeoutMs = 4_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** onClose was heard exactly once, and nothing after it. */
function expectClosedLast(listener: Listener): void {
  expect(listener.closes()).toBe(1);
  expect(listener.heard.at(-1)).toEqual({ kind: 'close' });
}

/** What arrived is what was sent, from the start, each message whole: maybe not all of it. */
function expectPrefixOf(received: readonly Uint8Array[], sent: readonly Uint8Array[]): void {
  expect(digests(received)).toEqual(digests(sent.slice(0, received.length)));
}

export function runWireContractTests(name: string, setup: WireContractSetup): void {
  describe(`${name} wire contract`, () => {
    const connections: WireConnection[] = [];
    const connect = async () => {
      const connection = await setup.connect();
      connections.push(connection);
      return connection;
    };

    beforeAll(async () => {
      await setup.before?.();
    });
    afterEach(async () => {
      for (const connection of connections.splice(0)) await connection.dispose();
    });
    afterAll(async () => {
      await setup.after?.();
    });

    test('delivers every message whole and in the order sent, both ways at once, never back to its sender', async () => {
      const { a, b } = await connect();
      const atA = listenTo(a);
      const atB = listenTo(b);
      const fromA = MIXED_SIZES.map((size, index) => message(index, size));
      const fromB = MIXED_SIZES.map((size, index) => message(1_000 + index, size));
      for (let index = 0; index < MIXED_SIZES.length; index++) {
        a.send(fromA[index]!);
        b.send(fromB[index]!);
      }
      await until(
        () => atB.messages().length >= fromA.length && atA.messages().length >= fromB.length,
        'every message',
      );
      expect(digests(atB.messages())).toEqual(digests(fromA));
      expect(digests(atA.messages())).toEqual(digests(fromB));
      await until(() => a.queuedBytes === 0 && b.queuedBytes === 0, 'nothing left queued');
    });

    const carried =
      setup.transportLimitBytes === null
        ? ''
        : `, carried in messages of at most ${setup.transportLimitBytes / KIB} KiB`;
    test(`messages over the ${FRAME_LIMIT / KIB} KiB frame limit arrive whole${carried}`, async () => {
      const connection = await connect();
      const atB = listenTo(connection.b);
      listenTo(connection.a);
      const sent = LARGE_SIZES.map((size, index) => message(index, size));
      for (const bytes of sent) connection.a.send(bytes);
      await until(() => atB.messages().length >= sent.length, 'every large message');
      expect(digests(atB.messages())).toEqual(digests(sent));
      if (setup.transportLimitBytes !== null) {
        expect(connection.largestCarried!()).toBeLessThanOrEqual(setup.transportLimitBytes);
      }
    });

    test('the end that closes hears onClose once and nothing after it, though messages were on their way; sending after close is ignored', async () => {
      const connection = await connect();
      const { a, b } = connection;
      const atA = listenTo(a);
      const atB = listenTo(b);
      for (const [index, size] of BURST_SIZES.entries()) a.send(message(index, size));
      b.close();
      b.close();
      expect(() => b.send(message(90, 10))).not.toThrow();
      expect(atB.heard).toEqual([{ kind: 'close' }]);
      if (setup.closeReachesOtherEnd) {
        await until(() => atA.closes() > 0, 'the other end to hear the close');
        expect(() => a.send(message(91, 10))).not.toThrow();
      }
      await connection.settled();
      expectClosedLast(atB);
      expect(atB.messages()).toEqual([]);
      if (setup.closeReachesOtherEnd) expectClosedLast(atA);
      else expect(atA.closes()).toBe(0);
      expect(atA.messages()).toEqual([]);
    });

    const otherEnd = setup.closeReachesOtherEnd
      ? 'then onClose once'
      : 'and no close (it cannot tell)';
    test(`when the sender closes, the other end hears a prefix of what was sent, each message whole, ${otherEnd}`, async () => {
      const connection = await connect();
      const { a, b } = connection;
      const atA = listenTo(a);
      const atB = listenTo(b);
      const sent = BURST_SIZES.map((size, index) => message(index, size));
      for (const bytes of sent) a.send(bytes);
      a.close();
      a.close();
      expect(atA.heard).toEqual([{ kind: 'close' }]);
      if (setup.closeReachesOtherEnd) await until(() => atB.closes() > 0, 'the close to arrive');
      await connection.settled();
      expectPrefixOf(atB.messages(), sent);
      if (setup.closeReachesOtherEnd) expectClosedLast(atB);
      else expect(atB.closes()).toBe(0);
      expect(atA.heard).toEqual([{ kind: 'close' }]);
    });

    if (setup.canBeCut) {
      test('a dropped connection is heard once at both ends, last; what arrived before is whole and in order; sending after is ignored', async () => {
        const connection = await connect();
        const { a, b } = connection;
        const atA = listenTo(a);
        const atB = listenTo(b);
        const fromA = BURST_SIZES.map((size, index) => message(index, size));
        const fromB = BURST_SIZES.map((size, index) => message(100 + index, size));
        for (let index = 0; index < BURST_SIZES.length; index++) {
          a.send(fromA[index]!);
          b.send(fromB[index]!);
        }
        connection.cut!();
        await until(() => atA.closes() > 0 && atB.closes() > 0, 'both ends to hear the drop');
        expect(() => a.send(message(90, 10))).not.toThrow();
        expect(() => b.send(message(91, 10))).not.toThrow();
        await connection.settled();
        expectClosedLast(atA);
        expectClosedLast(atB);
        expectPrefixOf(atB.messages(), fromA);
        expectPrefixOf(atA.messages(), fromB);
      });
    }

    const highWater = setup.highWaterBytes;
    if (highWater !== null) {
      test(`backpressure: a stalled transport never holds much over ${highWater / KIB} KiB, queuedBytes counts the rest, and everything arrives once it moves`, async () => {
        const connection = await connect();
        const { a, b } = connection;
        const transport = connection.transport!;
        const atB = listenTo(b);
        listenTo(a);
        transport.stall();
        const sent = Array.from({ length: 48 }, (_, index) => message(index, 64 * KIB));
        const total = sent.reduce((sum, bytes) => sum + bytes.byteLength, 0);
        for (const bytes of sent) a.send(bytes);
        expect(total).toBeGreaterThan(2 * highWater);
        expect(transport.bufferedBytes()).toBeLessThanOrEqual(highWater + FRAME_LIMIT);
        expect(a.queuedBytes).toBeGreaterThanOrEqual(total);
        transport.resume();
        await until(() => atB.messages().length >= sent.length, 'every message after the stall');
        expect(digests(atB.messages())).toEqual(digests(sent));
        expect(transport.peakBufferedBytes()).toBeLessThanOrEqual(highWater + FRAME_LIMIT);
        await until(() => a.queuedBytes === 0, 'nothing left queued');
      });
    }
  });
}
