import { decodeText, readScreenplayText, type ScriptRead } from './screenplayImport';

/** File types the screenplay importers accept, for `<input accept>` and drop routing. */
export const SCREENPLAY_EXTENSIONS = ['.fountain', '.spmd', '.txt', '.fdx'] as const;

export function isScreenplayFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return SCREENPLAY_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Reads a screenplay file's bytes in whatever format its name and content say. */
export async function readScreenplayBytes(
  bytes: Uint8Array,
  fileName: string,
): Promise<ScriptRead> {
  return readScreenplayText(decodeText(bytes), fileName);
}
