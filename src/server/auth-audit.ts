import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessRecord, AuditAgent, AuditTrail } from '../audit/trail.js';
import { apiPatient, areaOf, fhirSegments, pathOf, requestAuth } from './auth-state.js';
import { header } from './request-input.js';

/** Most patients named in one AuditEvent (a search across more patients records the first ones and the count). */
export const MAX_AUDITED_PATIENTS = 100;

/** Resource types whose reads are audited without linking patients, so reading the audit trail does not grow it. */
const AUDIT_TYPES: ReadonlySet<string> = new Set(['AuditEvent', 'Provenance']);

const PATIENT_REF = /Patient\/([A-Za-z0-9\-.]{1,64})/g;
const PURPOSE = /^[A-Z][A-Z-]{1,19}$/;

function patientsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PATIENT_REF)) {
    if (m[1]) {
      out.add(m[1]);
    }
  }
  return [...out];
}

function listedPatients(payload: string): string[] {
  try {
    const list = (JSON.parse(payload) as { patients?: { id?: unknown }[] }).patients ?? [];
    return list.flatMap((p) => (typeof p.id === 'string' ? [p.id] : []));
  } catch {
    return [];
  }
}

function action(request: FastifyRequest, segments: readonly string[]): AccessRecord['action'] {
  switch (request.method) {
    case 'POST':
      if (areaOf(request) === 'api' || segments.length === 0) {
        return 'execute';
      }
      return segments[1] === '_search' ? 'search' : 'create';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return segments.length <= 1 || segments[1] === '_search' ? 'search' : 'read';
  }
}

/** What was accessed, without query values (they may hold PHI): `Observation?code&patient`, `Patient/1/$everything`. */
function describeWhat(request: FastifyRequest): string {
  const path = pathOf(request).replace(/^\/fhir\/?/, '');
  const query = request.query as Record<string, unknown> | undefined;
  const keys = query && typeof query === 'object' ? Object.keys(query).filter((k) => !k.startsWith('_format')) : [];
  const what = path === '' ? '/fhir' : path;
  return (keys.length > 0 ? `${what}?${keys.sort().join('&')}` : what).slice(0, 500);
}

function agentOf(request: FastifyRequest): AuditAgent {
  const { principal } = requestAuth(request);
  if (!principal) {
    return { who: 'anonymous' };
  }
  if (principal.fhirUser) {
    return { who: principal.fhirUser, clientId: principal.clientId };
  }
  return principal.sub === principal.clientId
    ? { who: `client:${principal.clientId}`, clientId: principal.clientId }
    : { who: principal.sub, clientId: principal.clientId };
}

function pathPatient(request: FastifyRequest, segments: readonly string[]): string | undefined {
  if (areaOf(request) === 'api') {
    return apiPatient(request);
  }
  return segments[0] === 'Patient' && segments[1] !== undefined && !segments[1].startsWith('_')
    ? segments[1]
    : undefined;
}

/**
 * Records one AuditEvent per /fhir and /api request (except metadata and discovery): who and which client, which
 * patients (from the path and the patient references in the response), what (path and parameter names, no values),
 * purpose (`X-Purpose-Of-Use`, default TREAT) and outcome.
 */
export function registerAuditHooks(app: FastifyInstance, audit: AuditTrail): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const area = areaOf(request);
    const segments = area === 'fhir' ? fhirSegments(request) : [];
    if (
      area !== undefined &&
      reply.statusCode < 300 &&
      typeof payload === 'string' &&
      !AUDIT_TYPES.has(segments[0] ?? '')
    ) {
      const state = requestAuth(request);
      state.patients ??= pathOf(request) === '/api/patients' ? listedPatients(payload) : patientsIn(payload);
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const area = areaOf(request);
    if (area === undefined) {
      return;
    }
    const segments = area === 'fhir' ? fhirSegments(request) : [];
    if (segments[0] === 'metadata' || segments[0] === '.well-known') {
      return;
    }
    const linked = !AUDIT_TYPES.has(segments[0] ?? '');
    const found = linked ? (requestAuth(request).patients ?? []) : [];
    const patient = linked ? pathPatient(request, segments) : undefined;
    const purpose = header(request, 'x-purpose-of-use');
    const status = reply.statusCode;
    const detail = [
      status >= 400 ? `HTTP ${String(status)}` : undefined,
      found.length > MAX_AUDITED_PATIENTS ? `${String(found.length)} patients in the response` : undefined,
    ].filter((d) => d !== undefined);
    audit.access({
      agent: agentOf(request),
      ...(patient !== undefined ? { patient } : {}),
      ...(found.length > 0 ? { patients: found.slice(0, MAX_AUDITED_PATIENTS) } : {}),
      action: action(request, segments),
      what: describeWhat(request),
      purpose: purpose !== undefined && PURPOSE.test(purpose) ? purpose : 'TREAT',
      outcome: status < 400 ? 'success' : 'failure',
      ...(detail.length > 0 ? { detail: detail.join('; ') } : {}),
    });
  });
}
