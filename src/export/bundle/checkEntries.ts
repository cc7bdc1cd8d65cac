import { ENTRY, entryLimit, LIMITS } from './format';
import type { ZipEntry } from './zipReader';

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}

/**
 * Why a name could write outside the place meant for it (path traversal, "zip slip"), or null.
 * Frameline never unpacks a bundle to disk, but a name that tries this marks a hostile file.
 */
export function unsafeNameReason(name: string): string | null {
  if (name.includes('\\')) return `the entry “${name}” uses a backslash`;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name))
    return `the entry “${name}” is an absolute path`;
  if (name.split('/').some((part) => part === '..' || part === '.')) {
    return `the entry “${name}” points outside the bundle`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'an entry name contains control characters';
  return null;
}

/**
 * Checks what the central directory declares, before anything is inflated: only the names a
 * bundle has, each once, each within its size limit, and all together within the total.
 * Returns the reason to refuse, or null.
 */
export function checkEntries(entries: readonly ZipEntry[]): string | null {
  if (entries.length > LIMITS.entries) return `it has more than ${LIMITS.entries} entries`;
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const unsafe = unsafeNameReason(entry.name);
    if (unsafe) return unsafe;
    const limit = entryLimit(entry.name);
    if (limit === null) return `it holds an unexpected entry “${entry.name}”`;
    if (seen.has(entry.name)) return `the entry “${entry.name}” appears twice`;
    seen.add(entry.name);
    if (entry.size > limit) {
      return `“${entry.name}” would inflate to ${megabytes(entry.size)} (at most ${megabytes(limit)} is allowed)`;
    }
    total += entry.size;
  }
  if (total > LIMITS.totalBytes) {
    return `it would inflate to ${megabytes(total)} (at most ${megabytes(LIMITS.totalBytes)} is allowed)`;
  }
  if (!seen.has(ENTRY.manifest)) return `it has no ${ENTRY.manifest}`;
  if (!seen.has(ENTRY.document)) return `it has no ${ENTRY.document}`;
  return null;
}
