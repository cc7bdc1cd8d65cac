import type { DataChannelLike } from '../../src/sync/dataChannelWire';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from '../../src/sync/limits';

/**
 * Two ends of a WebRTC data channel, in memory, behaving as a browser's do where the wire cares:
 * `connecting` until opened, `send` refuses a closed channel and a message over the transport's
 * size limit (as Chrome refuses one over its maxMessageSize; here the strictest pairing,
 * Firefox ⇔ Chrome's 16 KiB), `bufferedAmount` grows with what is sent and shrinks as the
 * "network" carries it, one message per task, `bufferedamountlow` fires when it falls to the
 * threshold, and `close()` on either end closes both once what was already sent has gone.
 * The network can be stalled (a slow peer) and cut (the connection dies: `error`, then `close`).
 */
export interface FakeDataChannelPair {
  readonly a: FakeDataChannel;
  readonly b: FakeDataChannel;
  /** Both ends open (fires `open`). */
  open(): void;
  /** The network stops carrying messages until `resume()`. */
  stall(): void;
  resume(): void;
  /** The connection dies: whatever is in flight is lost, both ends fire `error` then `close`. */
  cut(): void;
  /** Resolves once nothing is in flight and no close is pending (or the network is stalled). */
  settled(): Promise<void>;
  /** The largest message either end was asked to send. */
  readonly largestSent: number;
}

let pairs = 0;

export function fakeDataChannelPair(
  maxMessageBytes: number = MAX_DATA_CHANNEL_MESSAGE_BYTES,
): FakeDataChannelPair {
  const network = new FakeNetwork(maxMessageBytes, `fake-channel-${++pairs}`);
  return {
    a: network.a,
    b: network.b,
    open: () => network.open(),
    stall: () => (network.stalled = true),
    resume: () => network.resume(),
    cut: () => network.cut(),
    settled: () => network.settled(),
    get largestSent() {
      return network.largestSent;
    },
  };
}

class FakeNetwork {
  readonly a: FakeDataChannel;
  readonly b: FakeDataChannel;
  stalled = false;
  largestSent = 0;
  private scheduled = false;
  private closing = false;

  constructor(
    readonly maxMessageBytes: number,
    label: string,
  ) {
    this.a = new FakeDataChannel(this, label);
    this.b = new FakeDataChannel(this, label);
  }

  other(end: FakeDataChannel): FakeDataChannel {
    return end === this.a ? this.b : this.a;
  }

  open(): void {
    for (const end of [this.a, this.b]) {
      end.readyState = 'open';
      end.dispatchEvent(new Event('open'));
    }
  }

  /** Called by an end's `send`: one more message to carry. */
  carry(): void {
    this.schedule();
  }

  resume(): void {
    this.stalled = false;
    this.schedule();
  }

  /** Starts the closing procedure: what was sent still goes, then both ends close. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    for (const end of [this.a, this.b]) if (end.readyState !== 'closed') end.readyState = 'closing';
    this.schedule();
  }

  cut(): void {
    this.closing = false;
    for (const end of [this.a, this.b]) end.drop();
    for (const end of [this.a, this.b]) {
      if (end.readyState === 'closed') continue;
      end.readyState = 'closed';
      end.dispatchEvent(new Event('error'));
      end.dispatchEvent(new Event('close'));
    }
  }

  async settled(): Promise<void> {
    while (this.scheduled || this.a.pending > 0 || this.b.pending > 0 || this.closing) {
      if (this.stalled && !this.closing) return; // nothing moves until resumed
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.step(), 0);
  }

  /** One task of the network: one message from each end that has one, or the close. */
  private step() {
    this.scheduled = false;
    if (!this.stalled) {
      for (const end of [this.a, this.b]) end.deliverOne(this.other(end));
    }
    if (this.a.pending > 0 || this.b.pending > 0) {
      if (!this.stalled) this.schedule();
      return;
    }
    if (this.closing) {
      this.closing = false;
      for (const end of [this.a, this.b]) {
        if (end.readyState === 'closed') continue;
        end.readyState = 'closed';
        end.dispatchEvent(new Event('close'));
      }
    }
  }
}

export class FakeDataChannel extends EventTarget implements DataChannelLike {
  readyState: RTCDataChannelState = 'connecting';
  binaryType: BinaryType = 'blob';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  /** The most `bufferedAmount` ever held. */
  peakBufferedAmount = 0;
  private readonly outgoing: ArrayBuffer[] = [];

  constructor(
    private readonly network: FakeNetwork,
    readonly label: string,
  ) {
    super();
  }

  get pending(): number {
    return this.outgoing.length;
  }

  send(data: string | Blob | ArrayBuffer | ArrayBufferView): void {
    if (this.readyState !== 'open') {
      throw new DOMException(`the channel is ${this.readyState}`, 'InvalidStateError');
    }
    if (typeof data === 'string' || data instanceof Blob) {
      throw new TypeError('the fake channel carries binary messages only');
    }
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.network.largestSent = Math.max(this.network.largestSent, bytes.byteLength);
    if (bytes.byteLength > this.network.maxMessageBytes) {
      throw new TypeError(
        `message of ${bytes.byteLength} bytes over the channel's ${this.network.maxMessageBytes}`,
      );
    }
    this.outgoing.push(bytes.slice().buffer);
    this.bufferedAmount += bytes.byteLength;
    this.peakBufferedAmount = Math.max(this.peakBufferedAmount, this.bufferedAmount);
    this.network.carry();
  }

  close(): void {
    if (this.readyState === 'closing' || this.readyState === 'closed') return;
    this.network.close();
  }

  /** Carries the oldest outgoing message to `to`. */
  deliverOne(to: FakeDataChannel): void {
    const message = this.outgoing.shift();
    if (!message) return;
    const before = this.bufferedAmount;
    this.bufferedAmount -= message.byteLength;
    if (to.readyState === 'open' || to.readyState === 'closing') {
      const data = to.binaryType === 'arraybuffer' ? message : new Blob([message]);
      to.dispatchEvent(new MessageEvent('message', { data }));
    }
    if (
      before > this.bufferedAmountLowThreshold &&
      this.bufferedAmount <= this.bufferedAmountLowThreshold
    ) {
      this.dispatchEvent(new Event('bufferedamountlow'));
    }
  }

  /** The connection died: nothing more goes out. */
  drop(): void {
    this.outgoing.length = 0;
    this.bufferedAmount = 0;
  }
}
