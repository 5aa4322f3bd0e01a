import { AppError } from '../core/errors.js';
import { isCompartmentType } from './compartment.js';
import { reach, type Interaction, type ScopeSet } from './scopes.js';

/** What a /fhir request touches, from its method and path (after `/fhir`). */
export type FhirAccess =
  | { kind: 'public' }
  | { kind: 'batch' }
  | { kind: 'system'; interaction: Interaction }
  | { kind: 'type'; type: string; interaction: Interaction; history?: boolean }
  | { kind: 'instance'; type: string; id: string; interaction: Interaction }
  | { kind: 'everything'; id: string };

/** The authenticated caller of a request. */
export interface Principal {
  /** `Practitioner/1`, or the client id for backend services. */
  sub: string;
  clientId: string;
  scopes: ScopeSet;
  /** The launch patient of a patient-level grant. */
  patient?: string | undefined;
  fhirUser?: string | undefined;
}

const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

function methodInteraction(method: string, onInstance: boolean): Interaction {
  switch (method) {
    case 'POST':
      return 'c';
    case 'PUT':
    case 'PATCH':
      return 'u';
    case 'DELETE':
      return 'd';
    default:
      return onInstance ? 'r' : 's';
  }
}

/** Classifies a /fhir request; `segments` are the decoded path segments after `/fhir`. */
export function classifyFhir(method: string, segments: readonly string[]): FhirAccess {
  const [first, second, third] = segments;
  if (first === undefined || first === '') {
    return method === 'POST' ? { kind: 'batch' } : { kind: 'system', interaction: 's' };
  }
  if (first === 'metadata' || first === '.well-known') {
    return { kind: 'public' };
  }
  if (!TYPE.test(first)) {
    return { kind: 'system', interaction: first === '_history' ? 'r' : 's' };
  }
  if (second === undefined || second === '_search') {
    return { kind: 'type', type: first, interaction: second === '_search' ? 's' : methodInteraction(method, false) };
  }
  if (second === '_history') {
    return { kind: 'type', type: first, interaction: 'r', history: true };
  }
  if (second.startsWith('$')) {
    return { kind: 'type', type: first, interaction: 'r' };
  }
  if (third === '$everything' && first === 'Patient') {
    return { kind: 'everything', id: second };
  }
  if (third !== undefined) {
    return { kind: 'instance', type: first, id: second, interaction: 'r' };
  }
  return { kind: 'instance', type: first, id: second, interaction: methodInteraction(method, true) };
}

/** How a permitted request must be restricted: `none`, or to the compartment of one patient. */
export type Restriction = { kind: 'none' } | { kind: 'patient'; patientId: string };

function forbid(message: string): AppError {
  return new AppError('VITALIS_FORBIDDEN', message);
}

function patientOf(principal: Principal): string {
  if (principal.patient === undefined) {
    throw forbid('Patient-level scopes need a launch patient in the token');
  }
  return principal.patient;
}

function restrictionFor(principal: Principal, type: string, interaction: Interaction): Restriction {
  const r = reach(principal.scopes, type, interaction);
  if (r === 'all') {
    return { kind: 'none' };
  }
  if (r === 'patient') {
    return { kind: 'patient', patientId: patientOf(principal) };
  }
  throw forbid(`The token's scopes do not allow this interaction on ${type}`);
}

/**
 * Decides whether the principal may make a /fhir request, and how it is restricted. Patient-level grants may not use
 * batch/transaction, system-level search or history, or type history; throws VITALIS_FORBIDDEN.
 */
export function authorizeFhir(principal: Principal, access: FhirAccess): Restriction {
  switch (access.kind) {
    case 'public':
      return { kind: 'none' };
    case 'batch':
      return { kind: 'none' }; // each entry is checked by authorizeBatch
    case 'system': {
      const r = restrictionFor(principal, '*', access.interaction);
      if (r.kind === 'patient') {
        throw forbid('System-wide search and history need user- or system-level scopes');
      }
      return r;
    }
    case 'type': {
      const r = restrictionFor(principal, access.type, access.interaction);
      if (r.kind === 'patient' && access.history === true) {
        throw forbid('Type history needs user- or system-level scopes');
      }
      return r;
    }
    case 'instance': {
      const r = restrictionFor(principal, access.type, access.interaction);
      if (r.kind === 'patient' && access.type === 'Patient' && access.id !== r.patientId) {
        throw forbid('The token is restricted to another patient');
      }
      return r;
    }
    case 'everything': {
      const r = restrictionFor(principal, 'Patient', 'r');
      if (r.kind === 'patient' && access.id !== r.patientId) {
        throw forbid('The token is restricted to another patient');
      }
      return r;
    }
  }
}

/**
 * Decides a batch or transaction: every entry must be allowed without a patient restriction (entries are not filtered
 * one by one), so patient-level grants cannot use batch or transaction. Throws VITALIS_FORBIDDEN.
 */
export function authorizeBatch(principal: Principal, entries: readonly { method: string; url: string }[]): void {
  for (const entry of entries) {
    const path = entry.url.split('?')[0] ?? '';
    const segments = path
      .replace(/^\/+/, '')
      .split('/')
      .filter((s) => s !== '');
    const access = classifyFhir(entry.method.toUpperCase(), segments);
    if (access.kind === 'batch') {
      throw forbid('Nested batches are not allowed');
    }
    if (authorizeFhir(principal, access).kind === 'patient') {
      throw forbid('Batch and transaction need user- or system-level scopes');
    }
  }
}

/**
 * Decides an /api request: it needs read access to Patient; a patient-level grant only reaches its own patient
 * (`/api/patients/{id}/...` with another id is refused here; other responses are filtered by the caller).
 */
export function authorizeApi(principal: Principal, patientInPath: string | undefined): Restriction {
  const r = restrictionFor(principal, 'Patient', 'r');
  if (r.kind === 'patient' && patientInPath !== undefined && patientInPath !== r.patientId) {
    throw forbid('The token is restricted to another patient');
  }
  return r;
}

/** True when the resource type may be returned under the principal's read scopes. */
export function mayReadType(principal: Principal, type: string): boolean {
  return reach(principal.scopes, type, 'r') !== 'none' || reach(principal.scopes, type, 's') !== 'none';
}

/** The search parameter that forces a search of `type` into one patient's compartment, or undefined when none. */
export function compartmentFilter(type: string, patientId: string): [string, string] | undefined {
  if (type === 'Patient') {
    return ['_id', patientId];
  }
  return isCompartmentType(type) ? ['_compartment', `Patient/${patientId}`] : undefined;
}
