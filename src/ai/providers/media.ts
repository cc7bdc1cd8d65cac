import { ProviderError } from './errors';
import { sendForBytes } from './http';
import type { CallContext } from './types';

/** Image and audio bytes: decoding base64, knowing what the bytes are, fetching URL results. */

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''));
  } catch {
    throw new ProviderError('badResponse', 'The provider sent an image that is not valid base64.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const CHUNK_BYTES = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK_BYTES));
  }
  return btoa(binary);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, i) => bytes[at + i] === byte);

/** The image type from the first bytes; null when they are no image we can show. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

/** Bytes that claim to be an image are checked: garbage must never become a frame. */
export function imageResult(bytes: Uint8Array<ArrayBuffer>): {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
} {
  const mimeType = sniffImageType(bytes);
  if (!mimeType)
    throw new ProviderError(
      'badResponse',
      'The provider sent something that is not a PNG, JPEG or WebP image.',
    );
  return { bytes, mimeType };
}

/** A result given as a URL is fetched at once, before it expires; no key is sent with it. */
export async function fetchImageUrl(url: string, ctx: CallContext) {
  const { bytes } = await sendForBytes({ url }, { ...ctx, apiKey: null });
  return imageResult(bytes);
}

/** Raw 16-bit little-endian PCM (Gemini's speech) wrapped as a WAV file any player opens. */
export function pcmToWav(
  pcm: Uint8Array,
  sampleRate: number,
  channels = 1,
): Uint8Array<ArrayBuffer> {
  const header = new DataView(new ArrayBuffer(44));
  const write = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) header.setUint8(at + i, text.charCodeAt(i));
  };
  const bytesPerSample = 2;
  write(0, 'RIFF');
  header.setUint32(4, 36 + pcm.length, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, channels, true);
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate * channels * bytesPerSample, true);
  header.setUint16(32, channels * bytesPerSample, true);
  header.setUint16(34, 8 * bytesPerSample, true);
  write(36, 'data');
  header.setUint32(40, pcm.length, true);
  const out = new Uint8Array(44 + pcm.length);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(pcm, 44);
  return out;
}

export function blobOf(bytes: Uint8Array<ArrayBuffer>, mimeType: string): Blob {
  return new Blob([bytes], { type: mimeType });
}

/** Speech must come back as audio: a JSON error page with status 200 is not a voice. */
export function audioResult(
  bytes: Uint8Array<ArrayBuffer>,
  mimeType: string,
  fallbackType: string,
): { bytes: Uint8Array<ArrayBuffer>; mimeType: string } {
  const sniffed =
    startsWith(bytes, [0x49, 0x44, 0x33]) ||
    (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)
      ? 'audio/mpeg'
      : startsWith(bytes, [0x52, 0x49, 0x46, 0x46])
        ? 'audio/wav'
        : startsWith(bytes, [0x4f, 0x67, 0x67, 0x53])
          ? 'audio/ogg'
          : null;
  if (mimeType.startsWith('audio/')) return { bytes, mimeType };
  if (sniffed) return { bytes, mimeType: sniffed };
  if (bytes.length > 0 && !mimeType) return { bytes, mimeType: fallbackType };
  throw new ProviderError('badResponse', 'The provider sent something that is not audio.');
}
