import { useSyncExternalStore } from 'react';
import type { ProjectId } from '../../model/ids';
import { parseInviteHash, type Invite } from '../../sync/invite';

/**
 * Hash routes keep the app a static site: `#/` is the list, `#/project/<id>` a project,
 * `#/join/<room>/<secret>` an invite (the fragment never reaches a server).
 */
export type Route =
  | { readonly name: 'list' }
  | { readonly name: 'project'; readonly id: ProjectId }
  | { readonly name: 'join'; readonly invite: Invite };

export function parseRoute(hash: string): Route {
  const invite = parseInviteHash(hash);
  if (invite) return { name: 'join', invite };
  const match = /^#\/project\/([\w-]+)/.exec(hash);
  return match?.[1] ? { name: 'project', id: match[1] as ProjectId } : { name: 'list' };
}

export function navigate(route: Exclude<Route, { name: 'join' }>): void {
  window.location.hash = route.name === 'project' ? `#/project/${route.id}` : '#/';
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
