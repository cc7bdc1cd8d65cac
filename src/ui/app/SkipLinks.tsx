import type { MouseEvent } from 'react';
import { focusRegion, type RegionName } from './regions';
import type { Route } from './route';

interface Link {
  readonly label: string;
  readonly region: RegionName;
  /** The workspace view to show first when the region is a view that is not shown (a tab). */
  readonly view?: string;
}

const PROJECT_LINKS: readonly Link[] = [
  { label: 'Skip to boards', region: 'boards', view: 'boards' },
  { label: 'Skip to shot inspector', region: 'inspector' },
  { label: 'Skip to timeline', region: 'timeline', view: 'timeline' },
  { label: 'Skip to scenes', region: 'scenes' },
];

const LIST_LINKS: readonly Link[] = [{ label: 'Skip to projects', region: 'projects' }];

function go(link: Link, e: MouseEvent<HTMLAnchorElement>) {
  // The app routes on the hash: a plain #fragment would leave the project.
  e.preventDefault();
  if (focusRegion(link.region) || !link.view) return;
  document.querySelector<HTMLElement>(`[role="tab"][data-view="${link.view}"]`)?.click();
  // The view mounts after a render or two (longer on a big project): try for up to a second.
  const started = performance.now();
  const retry = () => {
    if (!focusRegion(link.region) && performance.now() - started < 1_000)
      requestAnimationFrame(retry);
  };
  requestAnimationFrame(retry);
}

/** The page's first tab stops, shown only when focused: straight to the boards, inspector… */
export function SkipLinks({ route }: { readonly route: Route }) {
  const links =
    route.name === 'project' ? PROJECT_LINKS : route.name === 'list' ? LIST_LINKS : null;
  if (!links) return null;
  return (
    <nav className="skip-links" aria-label="Skip links">
      {links.map((link) => (
        <a key={link.label} href={`#${link.region}`} onClick={(e) => go(link, e)}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
