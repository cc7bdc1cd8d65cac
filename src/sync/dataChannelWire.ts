import { FrameError, Reassembler, toFrames } from './frames';
import type { Wire, WireHandlers } from './wire';

/** Stop handing frames to the channel above this backlog (Chrome closes a channel near 16 MiB). */
export const CHANNEL_HIGH_WATER_BYTES = 1024 * 1024;
/** …and resume when it has drained to this. */
export const CHANNEL_LOW_WATER_BYTES = 256 * 1024;

/** What the wire uses of an RTCDataChannel: a real one, or the contract tests' fake pair. */
export type DataChannelLike = Pick<
  RTCDataChannel,
  | 'binaryType'
  | 'bufferedAmount'
  | 'bufferedAmountLowThreshold'
  | 'readyState'
  | 'send'
  | 'close'
  | 'addEventListener'
  | 'removeEventListener'
>;

/**
 * A WebRTC data channel as a Wire: messages are cut into ≤ 16 KiB frames (frames.ts), queued
 * until the channel opens, and fed to it only while its own buffer is below the high-water mark,
 * so a large transfer neither trips the browser's limits nor starves other messages.
 */
export class DataChannelWire implements Wire {
  private readonly queue: Uint8Array[] = [];
  private queueBytes = 0;
  private nextMessageId = 1;
  private readonly reassembler = new Reassembler();
  private handlers: WireHandlers | null = null;
  private readonly early: Uint8Array[] = [];
  private finished = false;

  constructor(
    readonly label: string,
    private readonly channel: DataChannelLike,
  ) {
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = CHANNEL_LOW_WATER_BYTES;
    channel.addEventListener('open', this.pump);
    channel.addEventListener('bufferedamountlow', this.pump);
    channel.addEventListener('message', this.onMessage);
    channel.addEventListener('close', this.finish);
    channel.addEventListener('error', this.finish);
  }

  get queuedBytes(): number {
    return this.queueBytes + (this.channel.readyState === 'open' ? this.channel.bufferedAmount : 0);
  }

  get isOpen(): boolean {
    return this.channel.readyState === 'open';
  }

  listen(handlers: WireHandlers): void {
    this.handlers = handlers;
    for (const frame of this.early.splice(0)) this.deliver(frame);
    if (this.finished) handlers.onClose();
  }

  send(message: Uint8Array): void {
    if (this.finished) return;
    for (const frame of toFrames(message, this.nextMessageId++)) {
      this.queue.push(frame);
      this.queueBytes += frame.byteLength;
    }
    this.pump();
  }

  close(): void {
    if (this.channel.readyState !== 'closed') this.channel.close();
    this.finish();
  }

  private readonly pump = () => {
    while (
      this.queue.length > 0 &&
      this.channel.readyState === 'open' &&
      this.channel.bufferedAmount < CHANNEL_HIGH_WATER_BYTES
    ) {
      const frame = this.queue.shift() as Uint8Array<ArrayBuffer>;
      this.queueBytes -= frame.byteLength;
      try {
        this.channel.send(frame);
      } catch {
        this.close(); // the channel went away between the check and the send
        return;
      }
    }
  };

  private readonly onMessage = (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const frame = new Uint8Array(event.data);
    if (this.handlers) this.deliver(frame);
    else this.early.push(frame);
  };

  private deliver(frame: Uint8Array) {
    let message: Uint8Array | null;
    try {
      message = this.reassembler.push(frame);
    } catch (error) {
      if (error instanceof FrameError) {
        console.warn(`[sync] ${this.label}: ${error.message}; closing the channel`);
        this.close();
        return;
      }
      throw error;
    }
    if (message) this.handlers?.onMessage(message);
  }

  private readonly finish = () => {
    if (this.finished) return;
    this.finished = true;
    this.queue.length = 0;
    this.queueBytes = 0;
    this.channel.removeEventListener('open', this.pump);
    this.channel.removeEventListener('bufferedamountlow', this.pump);
    this.channel.removeEventListener('message', this.onMessage);
    this.handlers?.onClose();
  };
}
