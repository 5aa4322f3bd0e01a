import { AppError } from '../core/errors.js';
import type { Hook } from './contract.js';
import { HOOK_PRIMITIVE_FIELDS } from './hook-context.js';

// Prefetch templates (CDS Hooks 2.0 §Prefetch Template): an instance read `Type/id` or a type-level search
// `Type?name=value&...`, with `{{token}}`s naming a root-level primitive context field (`context.patientId`) or a user
// identifier. Query restrictions follow §Prefetch query restrictions: references, token equality (optionally `:in`),
// dates with eq/lt/gt/ge/le only, `_id`, `_count` and `_sort`.

const USER_TOKENS = ['userPractitionerId', 'userPractitionerRoleId', 'userPatientId', 'userRelatedPersonId'] as const;
const USER_TYPES: Record<(typeof USER_TOKENS)[number], string> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};
const TOKEN = /\{\{([^{}]*)\}\}/g;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const PARAM_NAME = /^(?:_id|_count|_sort|[a-z][a-z0-9-]*(?::in)?)$/;
const FORBIDDEN_PREFIX = /^(?:ne|sa|eb|ap)\d/;

/** A prefetch query after token substitution: an instance read or a type-level search. */
export type PrefetchQuery =
  { kind: 'read'; type: string; id: string } | { kind: 'search'; type: string; params: [string, string][] };

function tokenNames(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => (m[1] ?? '').trim());
}

function checkToken(hook: Hook, token: string): string | null {
  if ((USER_TOKENS as readonly string[]).includes(token)) {
    return null;
  }
  const field = token.startsWith('context.') ? token.slice('context.'.length) : null;
  if (field === null) {
    return `token {{${token}}} is neither context.<field> nor a user identifier`;
  }
  return HOOK_PRIMITIVE_FIELDS[hook].includes(field)
    ? null
    : `token {{${token}}} is not a root-level primitive context field of ${hook}`;
}

function checkQueryShape(template: string): string | null {
  const placeholder = template.replace(TOKEN, 'x');
  if (placeholder.includes('{{') || placeholder.includes('}}')) {
    return 'unbalanced {{ }} delimiters';
  }
  const [path = '', query] = placeholder.split('?', 2);
  const segments = path.split('/');
  const type = segments[0] ?? '';
  if (!RESOURCE_TYPE.test(type)) {
    return 'must start with a FHIR resource type';
  }
  if (query === undefined) {
    return segments.length === 2 && segments[1] !== '' ? null : 'must be Type/id or Type?query';
  }
  if (segments.length !== 1) {
    return 'only type-level searches are allowed';
  }
  for (const pair of query.split('&')) {
    const [name = '', value = ''] = pair.split('=', 2);
    if (!PARAM_NAME.test(name)) {
      return `search parameter ${name} is outside the prefetch query restrictions`;
    }
    if (value === '' || value.split(',').some((v) => FORBIDDEN_PREFIX.test(v))) {
      return `search parameter ${name} has an empty value or a date prefix other than eq, lt, gt, ge, le`;
    }
  }
  return null;
}

/** Returns why a prefetch template is not allowed for the hook, or null when it is valid. */
export function prefetchTemplateProblem(hook: Hook, template: string): string | null {
  for (const token of tokenNames(template)) {
    const problem = checkToken(hook, token);
    if (problem) {
      return problem;
    }
  }
  return checkQueryShape(template);
}

/** Throws VITALIS_CONFIG when a service declares a prefetch template the spec does not allow. */
export function assertPrefetchTemplates(serviceId: string, hook: Hook, prefetch: Record<string, string>): void {
  for (const [key, template] of Object.entries(prefetch)) {
    const problem = prefetchTemplateProblem(hook, template);
    if (problem) {
      throw new AppError('VITALIS_CONFIG', `CDS service ${serviceId}: prefetch ${key}: ${problem}`);
    }
  }
}

/** The values of the tokens a template may use, from a validated hook context. */
export function tokenValues(context: Record<string, unknown>): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(context)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      values.set(`context.${key}`, String(value));
    }
  }
  const userId = typeof context['userId'] === 'string' ? context['userId'] : '';
  const [userType, id] = userId.split('/', 2);
  for (const token of USER_TOKENS) {
    if (USER_TYPES[token] === userType && id) {
      values.set(token, id);
    }
  }
  return values;
}

/** Substitutes the tokens (URL-encoded) and parses the query; null when a token has no value in this call. */
export function fillTemplate(template: string, values: Map<string, string>): PrefetchQuery | null {
  let missing = false;
  const filled = template.replace(TOKEN, (_m, raw: string) => {
    const value = values.get(raw.trim());
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  if (missing) {
    return null;
  }
  const [path = '', query] = filled.split('?', 2);
  const [type = '', id = ''] = path.split('/', 2);
  if (query === undefined) {
    return { kind: 'read', type, id: decodeURIComponent(id) };
  }
  const params = [...new URLSearchParams(query).entries()];
  return { kind: 'search', type, params };
}
