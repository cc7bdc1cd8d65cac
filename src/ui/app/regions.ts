/**
 * The page's regions for keyboard jumps: each is an element with `data-region` (a name) in
 * document order. F6 / Shift+F6 go to the next / previous one, as browsers do between their own
 * panes, and the skip links go to one by name. Landing in a region focuses its `data-region-start`
 * element if it has one (the board in the inspector: the grid is one tab stop), else its first
 * control, else the region itself.
 */

export type RegionName =
  'header' | 'projects' | 'scenes' | 'boards' | 'timeline' | 'script' | 'inspector';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function shown(element: Element): boolean {
  return element.getClientRects().length > 0 && !element.closest('[inert]');
}

function regions(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-region]')].filter(shown);
}

/** Focuses where `region` starts; false when it has nothing to focus. */
export function enterRegion(region: HTMLElement): boolean {
  const start =
    region.querySelector<HTMLElement>('[data-region-start]') ??
    [...region.querySelectorAll<HTMLElement>(TABBABLE)].find(shown) ??
    null;
  const target = start ?? region;
  if (!start && !region.hasAttribute('tabindex')) region.tabIndex = -1;
  target.focus();
  return document.activeElement === target;
}

/** Focuses the region called `name`; false when the page has none shown. */
export function focusRegion(name: RegionName): boolean {
  const region = regions().find((r) => r.dataset.region === name);
  return region ? enterRegion(region) : false;
}

/** Moves focus to the next region after the one holding it (or before, `back`), round the end. */
export function cycleRegion(back: boolean): void {
  const all = regions();
  if (all.length === 0) return;
  const active = document.activeElement;
  const at = all.findIndex((r) => r.contains(active));
  const step = back ? -1 : 1;
  const from = at < 0 ? (back ? 0 : -1) : at;
  for (let i = 1; i <= all.length; i++) {
    const next = all[(from + step * i + all.length * 2) % all.length];
    if (next && enterRegion(next)) return;
  }
}
