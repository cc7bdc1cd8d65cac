import { baseType } from '../../model/mediaType';

/** File extensions of the media types an asset can be stored with (model/mediaType.ts). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/webm': 'webm',
  'audio/flac': 'flac',
};

/** `image/png` → `png`; an unknown type keeps its bytes under `bin`. */
export function extensionFor(mimeType: string): string {
  return EXTENSIONS[baseType(mimeType)] ?? 'bin';
}
