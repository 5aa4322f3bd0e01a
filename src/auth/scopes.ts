/** SMART App Launch scopes (v2 `patient/Observation.rs`, v1 `patient/*.read`) and what they grant. */

/** The interactions of SMART v2 scopes: create, read, update, delete, search. */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

/** The level a resource scope applies at. */
export type ScopeLevel = 'patient' | 'user' | 'system';

/** One parsed resource scope. */
export interface ResourceScope {
  level: ScopeLevel;
  /** A resource type or `*`. */
  type: string;
  interactions: ReadonlySet<Interaction>;
}

/** The parsed scopes of a grant. */
export interface ScopeSet {
  resources: ResourceScope[];
  /** Non-resource scopes such as `openid`, `fhirUser`, `launch/patient`, `offline_access`. */
  other: ReadonlySet<string>;
}

/** How far a grant reaches for one resource type and interaction. */
export type Reach = 'all' | 'patient' | 'none';

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{1,63})\.(\*|read|write|[cruds]{1,5})(\?.*)?$/;
const V2_ORDER = 'cruds';

function interactionsOf(permission: string): Set<Interaction> | undefined {
  switch (permission) {
    case '*':
      return new Set(['c', 'r', 'u', 'd', 's']);
    case 'read':
      return new Set(['r', 's']);
    case 'write':
      return new Set(['c', 'u', 'd']);
    default: {
      // v2: letters in the order c, r, u, d, s, each at most once.
      let last = -1;
      for (const letter of permission) {
        const at = V2_ORDER.indexOf(letter);
        if (at <= last) {
          return undefined;
        }
        last = at;
      }
      return new Set(permission.split('') as Interaction[]);
    }
  }
}

/** Parses a space-separated scope string; resource scopes with query constraints (`?category=`) are ignored. */
export function parseScopes(scope: string): ScopeSet {
  const resources: ResourceScope[] = [];
  const other = new Set<string>();
  for (const token of scope.split(/\s+/).filter((t) => t !== '')) {
    const m = RESOURCE_SCOPE.exec(token);
    if (!m) {
      other.add(token);
      continue;
    }
    const [, level, type, permission, query] = m;
    const interactions = interactionsOf(permission ?? '');
    if (query !== undefined || interactions === undefined || level === undefined || type === undefined) {
      continue; // a granular (query) scope is not granted by this server; drop it rather than widen it
    }
    resources.push({ level: level as ScopeLevel, type, interactions });
  }
  return { resources, other };
}

/** The reach of a scope set for an interaction on a resource type: user and system scopes reach every patient. */
export function reach(scopes: ScopeSet, type: string, interaction: Interaction): Reach {
  let out: Reach = 'none';
  for (const s of scopes.resources) {
    if ((s.type === '*' || s.type === type) && s.interactions.has(interaction)) {
      if (s.level !== 'patient') {
        return 'all';
      }
      out = 'patient';
    }
  }
  return out;
}

/**
 * Narrows a requested scope string to what a client is registered for: a resource scope is kept when one allowed scope
 * of the same level covers its type and interactions; other scopes only when allowed verbatim. Request order is kept.
 */
export function narrowScopes(requested: string, allowed: string): string[] {
  const allowedSet = parseScopes(allowed);
  const out: string[] = [];
  for (const token of requested.split(/\s+/).filter((t) => t !== '')) {
    if (!RESOURCE_SCOPE.test(token)) {
      if (allowedSet.other.has(token)) {
        out.push(token);
      }
      continue;
    }
    const wanted = parseScopes(token).resources[0];
    if (!wanted) {
      continue;
    }
    const covered = allowedSet.resources.some(
      (a) =>
        a.level === wanted.level &&
        (a.type === '*' || a.type === wanted.type) &&
        [...wanted.interactions].every((i) => a.interactions.has(i)),
    );
    if (covered) {
      out.push(token);
    }
  }
  return [...new Set(out)];
}
