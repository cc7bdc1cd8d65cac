import { useSyncExternalStore } from 'react';
import type { ProjectId } from '../../model/ids';
import { parseInviteHash, type Invite } from '../../sync/invite';

/**
 * Hash routes keep the app a static site: `#/` is the list, `#/project/<id>` a project,
 * `#/join/<room>/<secret>` an invite (the fragment never reaches a server), `#/idea/<run>` the
 * "From an idea" wizard on one run (`#/idea/new` starts one).
 */
export type Route =
  | { readonly name: 'list' }
  | { readonly name: 'project'; readonly id: ProjectId }
  /** "From an idea": a run of the idea pipeline, or `new` for one about to be made. */
  | { readonly name: 'idea'; readonly runId: string }
  | { readonly name: 'join'; readonly invite: Invite };

export function parseRoute(hash: string): Route {
  const invite = parseInviteHash(hash);
  if (invite) return { name: 'join', invite };
  const idea = /^#\/idea(?:\/([\w-]+))?\/?$/.exec(hash);
  if (idea) return { name: 'idea', runId: idea[1] ?? 'new' };
  const match = /^#\/project\/([\w-]+)/.exec(hash);
  return match?.[1] ? { name: 'project', id: match[1] as ProjectId } : { name: 'list' };
}

export function hrefOf(route: Exclude<Route, { name: 'join' }>): string {
  return route.name === 'project'
    ? `#/project/${route.id}`
    : route.name === 'idea'
      ? `#/idea/${route.runId}`
      : '#/';
}

export function navigate(route: Exclude<Route, { name: 'join' }>): void {
  window.location.hash = hrefOf(route);
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
