import { describe, expect, test } from 'vitest';
import { FrameError, Reassembler, toFrames } from './frames';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from './limits';

function bytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);
}

describe('frames', () => {
  test('a message of any size crosses in frames of at most 16 KiB and comes out whole', () => {
    for (const size of [0, 1, 16_000, 16_383, 16_384, 100_000, 1_500_000]) {
      const message = bytes(size);
      const frames = toFrames(message, size);
      for (const frame of frames) expect(frame.byteLength).toBeLessThanOrEqual(16 * 1024);
      const joiner = new Reassembler();
      const out = frames.map((f) => joiner.push(f));
      expect(out.slice(0, -1).every((m) => m === null)).toBe(true);
      // Buffer.equals: a deep toEqual over 1.5 million elements takes seconds.
      expect(Buffer.from(out.at(-1)!).equals(Buffer.from(message))).toBe(true);
    }
  });

  test('parts out of order, interleaved messages and oversized claims are refused', () => {
    const frames = toFrames(bytes(50_000), 1);
    const joiner = new Reassembler();
    expect(() => joiner.push(frames[1]!)).toThrow(FrameError);
    joiner.reset();
    joiner.push(frames[0]!);
    expect(() => joiner.push(toFrames(bytes(10), 2)[0]!)).toThrow(FrameError);
    const small = new Reassembler(20_000);
    expect(() => small.push(frames[0]!)).toThrow(/size limit/);
    expect(() =>
      new Reassembler().push(new Uint8Array(MAX_DATA_CHANNEL_MESSAGE_BYTES + 1)),
    ).toThrow(FrameError);
  });
});
