import { useSyncExternalStore } from 'react';
import type { ProjectId } from '../../model/ids';

/** Hash routes keep the app a static site: `#/` is the list, `#/project/<id>` a project. */
export type Route =
  { readonly name: 'list' } | { readonly name: 'project'; readonly id: ProjectId };

export function parseRoute(hash: string): Route {
  const match = /^#\/project\/([\w-]+)/.exec(hash);
  return match?.[1] ? { name: 'project', id: match[1] as ProjectId } : { name: 'list' };
}

export function navigate(route: Route): void {
  window.location.hash = route.name === 'project' ? `#/project/${route.id}` : '#/';
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
