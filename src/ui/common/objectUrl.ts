import { inertType } from '../../model/mediaType';

/**
 * The app's one way to make a blob URL. A blob URL belongs to the app's origin, so a blob typed
 * `text/html` or `image/svg+xml` opened in a tab ("Open image in new tab") would run its scripts
 * there, next to the key vault. Every URL is made from a blob whose type cannot run: its own when
 * it is inert media or plain text, `application/octet-stream` otherwise (model/mediaType.ts).
 * Lint forbids `URL.createObjectURL` anywhere else.
 */
export function inertObjectUrl(blob: Blob): string {
  const type = inertType(blob.type);
  const safe = type === blob.type ? blob : blob.slice(0, blob.size, type);
  // eslint-disable-next-line no-restricted-properties -- the one place that may
  return URL.createObjectURL(safe);
}
