import { checkAssetBytes, sniffMedia } from '../../model/mediaType';
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

/** The image type from the bytes; null when they are no image format Frameline accepts. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const sniffed = sniffMedia(bytes);
  return sniffed?.kind === 'image' ? sniffed.mimeType : null;
}

/**
 * Bytes that claim to be an image are checked: garbage must never become a frame, and nothing
 * but an allowed raster format (never SVG) is taken, whatever the provider says it sent.
 */
export function imageResult(bytes: Uint8Array<ArrayBuffer>): {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
} {
  const checked = checkAssetBytes(bytes, '');
  if (!checked.ok || sniffImageType(bytes) === null)
    throw new ProviderError(
      'badResponse',
      'The provider sent something that is not a PNG, JPEG, WebP, GIF or AVIF image.',
    );
  return { bytes, mimeType: checked.mimeType };
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

/**
 * Speech must come back as audio: a JSON error page with status 200 is not a voice, and a
 * declared `audio/…` type proves nothing. Raw PCM without a header (`audio/L16`…) is wrapped by
 * the adapter before it gets here.
 */
export function audioResult(
  bytes: Uint8Array<ArrayBuffer>,
  mimeType: string,
): { bytes: Uint8Array<ArrayBuffer>; mimeType: string } {
  const checked = checkAssetBytes(bytes, mimeType);
  const kind = sniffMedia(bytes)?.kind;
  if (!checked.ok || (kind !== 'audio' && !checked.mimeType.startsWith('audio/')))
    throw new ProviderError('badResponse', 'The provider sent something that is not audio.');
  return { bytes, mimeType: checked.mimeType };
}

/**
 * A clip must be a video Frameline accepts (MP4 or WebM by its bytes): an HTML error page with
 * status 200, or a declared `video/mp4` that is something else, never becomes a take.
 */
export function videoResult(bytes: Uint8Array<ArrayBuffer>): {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
} {
  const checked = checkAssetBytes(bytes, '');
  if (!checked.ok || sniffMedia(bytes)?.kind !== 'video')
    throw new ProviderError(
      'badResponse',
      'The provider sent something that is not an MP4 or WebM video.',
    );
  return { bytes, mimeType: checked.mimeType };
}

/** A clip given as a URL (fal.media, signed storage) is fetched at once; no key goes with it. */
export async function fetchVideoUrl(url: string, ctx: CallContext) {
  const { bytes } = await sendForBytes({ url }, { ...ctx, apiKey: null });
  return videoResult(bytes);
}
