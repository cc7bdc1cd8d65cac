/**
 * File names inside a timeline package. Frames are named by shot number (`frames/3A.png`), one
 * file per shot even when two shots share a picture, so an editor who relinks or a conform that
 * only sees file names can still tell the shots apart.
 */

/** A shot number made safe as a file name on every system (`3A.1` stays, `3/A` becomes `3_A`). */
export function safeFileStem(text: string): string {
  const stem = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '');
  return stem || 'shot';
}

/** `name`, or `name-2`, `name-3`… when it is taken; records the one it returns. */
export function uniqueStem(stem: string, taken: Set<string>): string {
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The stem of a path or URL's last segment, decoded: `file:///x/frames/3A%20b.png` → `3A b`. */
export function fileStemOf(pathOrUrl: string): string {
  const last = pathOrUrl.split(/[\\/]/).pop() ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A stray % in a hand-edited path: keep it as written.
  }
  const dot = decoded.lastIndexOf('.');
  return dot > 0 ? decoded.slice(0, dot) : decoded;
}

/** Percent-encodes each segment of a relative path, as a URL's path needs. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
