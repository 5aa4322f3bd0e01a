import { useEffect, useState } from 'react';

/** The workspace's routes, kept in the URL hash so that only ids ever appear in URLs (no PHI). */
export type Route =
  { view: 'patients' } | { view: 'patient'; id: string; tab: string } | { view: 'ops' } | { view: 'audit' };

/** Parses `#/patients/ID/tab` style hashes. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'patients' && parts[1]) {
    return { view: 'patient', id: parts[1], tab: parts[2] ?? 'overview' };
  }
  if (parts[0] === 'ops') return { view: 'ops' };
  if (parts[0] === 'audit') return { view: 'audit' };
  return { view: 'patients' };
}

/** The hash for a route. */
export function routeHref(route: Route): string {
  switch (route.view) {
    case 'patients':
      return '#/patients';
    case 'patient':
      return `#/patients/${encodeURIComponent(route.id)}/${route.tab}`;
    case 'ops':
      return '#/ops';
    case 'audit':
      return '#/audit';
  }
}

/** The current route, updated on hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
