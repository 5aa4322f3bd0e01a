import { formatHumanName, type SearchRequest } from '@medplum/core';
import { parseSearchQuery } from '../../fhir/search/index.js';
import type { HumanName, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { FhirRepository } from '../../fhir/repository.js';
import type { ServerDeps } from '../deps.js';
import { defineRoute } from '../route-table.js';

/** One row of the UI's patient list. */
export interface PatientListItem {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  mrn?: string;
}

const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  _count: z.coerce.number().int().min(1).max(200).default(50),
});

const MRN_CODE = 'MR';

function primaryName(patient: Patient): HumanName | undefined {
  return patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
}

/** Sort key of the list: family name, then given names, case-insensitive. */
function sortKey(patient: Patient): string {
  const name = primaryName(patient);
  return `${name?.family ?? ''} ${(name?.given ?? []).join(' ')}`.toLowerCase();
}

/** Summarizes a Patient for the list: display name, birth date, gender and the medical record number (type MR). */
export function summarizePatient(patient: Patient): PatientListItem {
  const mrn = patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === MRN_CODE))?.value;
  const name = primaryName(patient);
  return {
    id: patient.id ?? '',
    name: name ? formatHumanName(name) : '',
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(patient.gender ? { gender: patient.gender } : {}),
    ...(mrn ? { mrn } : {}),
  };
}

async function findPatients(repo: FhirRepository, q: string | undefined, count: number): Promise<Patient[]> {
  const base = { _count: String(count), _sort: 'family' };
  if (q === undefined || q === '') {
    const bundle = await repo.search<Patient>(
      parseSearchQuery('Patient', new URLSearchParams(base)) as SearchRequest<Patient>,
    );
    return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  }
  const queries = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(q)
    ? [{ ...base, birthdate: q }]
    : [{ ...base, name: q }, ...(/\s/.test(q) ? [] : [{ ...base, identifier: q }])];
  const bundles = await Promise.all(
    queries.map((query) =>
      repo.search<Patient>(parseSearchQuery('Patient', new URLSearchParams(query)) as SearchRequest<Patient>),
    ),
  );
  const byId = new Map<string, Patient>();
  for (const bundle of bundles) {
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.id && entry.search?.mode !== 'include') {
        byId.set(entry.resource.id, entry.resource);
      }
    }
  }
  return [...byId.values()].slice(0, count);
}

/** The UI's JSON API: `GET /api/patients?q=&_count=` (name, identifier or birth date search), sorted by family name. */
export function registerApiPatientRoutes(app: FastifyInstance, deps: ServerDeps): void {
  defineRoute(app, '/api/patients', {
    GET: async (request, reply) => {
      const parsed = ListQuery.safeParse(request.query);
      if (!parsed.success) {
        throw new AppError('VITALIS_BAD_REQUEST', 'Invalid query: q is a string (max 200), _count 1-200');
      }
      const patients = await findPatients(deps.repo, parsed.data.q, parsed.data._count);
      const sorted = [...patients].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      const summaries = sorted.map(summarizePatient);
      return reply.code(200).send({ patients: summaries });
    },
  });
}
