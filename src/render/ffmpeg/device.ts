import type { FfmpegCore } from './core';

/** Emscripten leaves majors from 64 up free for user devices. */
const USER_DEVICE_MAJOR = 64;

/** Produces the next chunk of a stream, or null at its end. Called synchronously by ffmpeg. */
export type ChunkReader = () => Uint8Array | null;

/**
 * Mounts a read-only character device at `path` that pulls bytes from `next` as ffmpeg reads.
 * Inputs are then produced on demand instead of written into ffmpeg's memory file system first
 * (`writeFile` copies, doubling memory, PITFALLS.md): ffmpeg reading frame N asks for frame N,
 * so at most one frame exists outside the encoder. The device is not seekable, which ffmpeg
 * treats like a pipe.
 */
export function mountReader(
  core: FfmpegCore,
  path: string,
  minor: number,
  next: ChunkReader,
): void {
  const device = core.FS.makedev(USER_DEVICE_MAJOR, minor);
  let chunk: Uint8Array | null = null;
  let position = 0;
  let ended = false;
  core.FS.registerDevice(device, {
    open(stream) {
      stream.seekable = false;
    },
    close() {},
    read(_stream, buffer, offset, length) {
      let written = 0;
      // Same-type copy into the heap (Int8Array.set(Uint8Array) would convert every byte).
      const heap = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
      while (written < length && !ended) {
        if (chunk === null || position >= chunk.length) {
          chunk = next();
          position = 0;
          if (chunk === null) {
            ended = true;
            break;
          }
        }
        const count = Math.min(length - written, chunk.length - position);
        heap.set(chunk.subarray(position, position + count), written);
        position += count;
        written += count;
      }
      return written;
    },
  });
  core.FS.mkdev(path, device);
}
