import { useSyncExternalStore } from 'react';

/** Screens the hash router handles. */
export type Route =
  | { name: 'incidents' }
  | { name: 'incident'; incidentId: string }
  | { name: 'action-items' }
  | { name: 'settings' }
  | { name: 'quick-declare' }
  | { name: 'not-found'; path: string };

/** Parses a location hash such as `#/incidents/<id>` into a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '/incidents') return { name: 'incidents' };
  if (path === '/quick-declare') return { name: 'quick-declare' };
  if (path === '/action-items') return { name: 'action-items' };
  if (path === '/settings') return { name: 'settings' };
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident?.[1]) return { name: 'incident', incidentId: decodeURIComponent(incident[1]) };
  return { name: 'not-found', path };
}

/** The hash for a route, for links and `navigate`. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'incidents':
      return '#/';
    case 'incident':
      return `#/incidents/${encodeURIComponent(route.incidentId)}`;
    case 'quick-declare':
      return '#/quick-declare';
    case 'action-items':
      return '#/action-items';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Changes the current route; the hash change re-renders every `useRoute` caller. */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, kept in step with `location.hash`. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
