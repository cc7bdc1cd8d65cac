/** File types the screenplay importers accept, for `<input accept>` and drop routing. */
export const SCREENPLAY_EXTENSIONS = ['.fountain', '.spmd', '.txt', '.fdx', '.pdf'] as const;

export function isScreenplayFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return SCREENPLAY_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
