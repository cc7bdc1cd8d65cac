import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES, MAX_REASSEMBLED_MESSAGE_BYTES } from './limits';

/**
 * Splitting messages into frames that fit every data channel (≤ 16 KiB, see limits.ts), and
 * joining them again. A frame is `[0] message` when the message fits, otherwise a run of
 * `[1] id index count payload`. The channel is reliable and ordered and a sender never
 * interleaves two messages, so parts arrive in order; anything else is a broken peer.
 */
const WHOLE = 0;
const PART = 1;
/** Room for the part header (kind + three varuints), well over what it needs. */
const PART_HEADER_BYTES = 32;

export function toFrames(
  message: Uint8Array,
  messageId: number,
  maxFrameBytes: number = MAX_DATA_CHANNEL_MESSAGE_BYTES,
): Uint8Array[] {
  if (message.byteLength + 1 <= maxFrameBytes) {
    const frame = new Uint8Array(message.byteLength + 1);
    frame[0] = WHOLE;
    frame.set(message, 1);
    return [frame];
  }
  const payload = maxFrameBytes - PART_HEADER_BYTES;
  const count = Math.ceil(message.byteLength / payload);
  const frames: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, PART);
    encoding.writeVarUint(encoder, messageId);
    encoding.writeVarUint(encoder, index);
    encoding.writeVarUint(encoder, count);
    encoding.writeUint8Array(encoder, message.subarray(index * payload, (index + 1) * payload));
    frames.push(encoding.toUint8Array(encoder));
  }
  return frames;
}

export class FrameError extends Error {}

/** Joins parts back into messages. One message at a time, in order, within a size cap. */
export class Reassembler {
  private current: { id: number; count: number; parts: Uint8Array[]; bytes: number } | null = null;

  constructor(
    private readonly maxMessageBytes: number = MAX_REASSEMBLED_MESSAGE_BYTES,
    private readonly maxFrameBytes: number = MAX_DATA_CHANNEL_MESSAGE_BYTES,
  ) {}

  /** The whole message once its last frame is in, otherwise null. Throws FrameError. */
  push(frame: Uint8Array): Uint8Array | null {
    if (frame.byteLength > this.maxFrameBytes) throw new FrameError('frame over the size limit');
    const decoder = decoding.createDecoder(frame);
    const kind = decoding.readUint8(decoder);
    if (kind === WHOLE) {
      if (this.current) throw new FrameError('a message interrupted another');
      return frame.subarray(1);
    }
    if (kind !== PART) throw new FrameError(`unknown frame kind ${String(kind)}`);
    const id = decoding.readVarUint(decoder);
    const index = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    const payload = decoding.readTailAsUint8Array(decoder);
    if (index === 0) {
      if (this.current) throw new FrameError('a message interrupted another');
      if (count < 2 || count * (this.maxFrameBytes - PART_HEADER_BYTES) > this.maxMessageBytes) {
        throw new FrameError(`a message of ${count} parts is over the size limit`);
      }
      this.current = { id, count, parts: [], bytes: 0 };
    }
    const current = this.current;
    if (!current || current.id !== id || current.count !== count) {
      throw new FrameError('a part of an unknown message');
    }
    if (index !== current.parts.length) throw new FrameError('parts out of order');
    current.parts.push(payload.slice());
    current.bytes += payload.byteLength;
    if (current.bytes > this.maxMessageBytes) throw new FrameError('message over the size limit');
    if (current.parts.length < current.count) return null;
    this.current = null;
    const whole = new Uint8Array(current.bytes);
    let offset = 0;
    for (const part of current.parts) {
      whole.set(part, offset);
      offset += part.byteLength;
    }
    return whole;
  }

  reset(): void {
    this.current = null;
  }
}
