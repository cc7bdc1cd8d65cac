import type { SearchHit } from '../../search/searchClient';
import type { PaletteCommand } from './paletteCommands';

export type PaletteItem =
  | { readonly kind: 'command'; readonly key: string; readonly command: PaletteCommand }
  | { readonly kind: 'hit'; readonly key: string; readonly hit: SearchHit };

export interface PaletteGroup {
  readonly label: string;
  readonly items: readonly PaletteItem[];
}

const HIT_GROUPS: Record<SearchHit['kind'], string> = {
  project: 'Projects',
  scene: 'Scenes',
  shot: 'Shots',
  comment: 'Comments',
};

/** A group shows this many; a longer query narrows it down. */
export const PER_GROUP = 8;

/**
 * The palette's list: matching commands first (they are few, and found by name), then the
 * search results grouped by kind, the groups in the order of their best result — so after a
 * typed line of dialogue the shot that holds it is the first item and Enter jumps to it.
 */
export function paletteGroups(
  commands: readonly PaletteCommand[],
  hits: readonly SearchHit[],
  perGroup = PER_GROUP,
): PaletteGroup[] {
  const groups: PaletteGroup[] = [];
  if (commands.length > 0) {
    groups.push({
      label: 'Commands',
      items: commands.map((command) => ({
        kind: 'command',
        key: `command:${command.id}`,
        command,
      })),
    });
  }
  const byKind = new Map<SearchHit['kind'], PaletteItem[]>();
  for (const hit of hits) {
    const items = byKind.get(hit.kind) ?? [];
    byKind.set(hit.kind, items);
    if (items.length < perGroup) items.push({ kind: 'hit', key: `hit:${hit.id}`, hit });
  }
  for (const [kind, items] of byKind) groups.push({ label: HIT_GROUPS[kind], items });
  return groups;
}

/** What the live region says about the list. */
export function resultCount(groups: readonly PaletteGroup[], query: string): string {
  const count = groups.reduce((sum, group) => sum + group.items.length, 0);
  if (count === 0)
    return query.trim() === '' ? 'No commands' : `Nothing found for “${query.trim()}”`;
  return count === 1 ? '1 result' : `${count} results`;
}
