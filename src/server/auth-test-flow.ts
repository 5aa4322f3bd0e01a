import type { Observation, Patient, Practitioner } from '@medplum/fhirtypes';
import { newVerifier, s256 } from '../auth/index.js';
import type { FhirRepository } from '../fhir/repository.js';

/** Planted identifying data: these strings must never appear in logs. */
export const PLANTED_PHI = {
  family: 'Quillfeatherstone',
  given: 'Ottoline',
  mrn: 'MRN-93847261',
  birthDate: '1937-04-19',
  phone: '+1-555-0193-4477',
} as const;

/** The seeded chart: two patients (A carries the planted PHI), one observation each, one practitioner. */
export interface SeededChart {
  patientA: string;
  patientB: string;
  obsA: string;
  obsB: string;
  practitioner: string;
}

/** Seeds two patients with one observation each and a practitioner. */
export async function seedTwoPatients(repo: FhirRepository): Promise<SeededChart> {
  const a = await repo.create<Patient>({
    resourceType: 'Patient',
    name: [{ family: PLANTED_PHI.family, given: [PLANTED_PHI.given] }],
    birthDate: PLANTED_PHI.birthDate,
    gender: 'female',
    telecom: [{ system: 'phone', value: PLANTED_PHI.phone }],
    identifier: [{ type: { coding: [{ code: 'MR' }] }, system: 'urn:test:mrn', value: PLANTED_PHI.mrn }],
  });
  const b = await repo.create<Patient>({
    resourceType: 'Patient',
    name: [{ family: 'Other', given: ['Bea'] }],
    gender: 'male',
  });
  const obs = (patient: string, value: number): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: '2026-11-01T10:00:00Z',
    valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  });
  const idA = a.resource.id ?? '';
  const idB = b.resource.id ?? '';
  const oa = await repo.create(obs(idA, 71));
  const ob = await repo.create(obs(idB, 99));
  const pr = await repo.create<Practitioner>({
    resourceType: 'Practitioner',
    name: [{ family: 'Careful', given: ['Dana'] }],
  });
  return {
    patientA: idA,
    patientB: idB,
    obsA: oa.resource.id ?? '',
    obsB: ob.resource.id ?? '',
    practitioner: pr.resource.id ?? '',
  };
}

/** A PKCE pair. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = newVerifier();
  return { verifier, challenge: s256(verifier) };
}

/** Fetch without following redirects. */
export async function noFollow(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual' });
}

/** The hidden signed request of the development login form. */
export function loginRequestOf(html: string): string {
  const m = /name="request" value="([^"]+)"/.exec(html);
  if (!m?.[1]) {
    throw new Error('no login form in the page');
  }
  return m[1];
}

/** Submits the development login form; returns the redirect Location. */
export async function submitLogin(
  base: string,
  input: { request: string; user: string; patient?: string; decision?: string },
): Promise<URL> {
  const body = new URLSearchParams({ request: input.request, user: input.user, decision: input.decision ?? 'allow' });
  if (input.patient !== undefined) {
    body.set('patient', input.patient);
  }
  const res = await noFollow(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || location === null) {
    throw new Error(`login answered ${String(res.status)}`);
  }
  return new URL(location);
}

/** Posts a token request form. */
export async function tokenRequest(
  base: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
