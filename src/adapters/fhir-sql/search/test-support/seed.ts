import type { Bundle, Resource } from '@medplum/fhirtypes';
import { createSqlRepository } from '../../sql-repository.js';
import type { SqlClient } from '../../sql-client.js';
import { executeSearch } from '../execute.js';
import { parseSearchQuery } from '../../../../fhir/search/parse-query.js';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const HR = { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }], text: 'Heart rate' };
const subject = (id: string): { reference: string } => ({ reference: `Patient/${id}` });
const hr = (value: number): Record<string, unknown> => ({ value, unit: '/min', system: UCUM, code: '/min' });

/** Synthetic resources with known ids covering every parameter type the search tests use. */
export const FIXTURES: Resource[] = [
  {
    resourceType: 'Patient',
    id: 'p1',
    name: [{ family: 'Smith', given: ['Ann'] }],
    gender: 'female',
    birthDate: '1980-05-12',
    identifier: [{ system: 'http://hosp/mrn', value: 'MRN1' }],
    active: true,
  },
  {
    resourceType: 'Patient',
    id: 'p2',
    name: [{ family: 'Müller', given: ['Bob'] }],
    gender: 'male',
    birthDate: '1975',
    identifier: [{ system: 'http://hosp/mrn', value: 'MRN2' }],
    active: false,
  },
  {
    resourceType: 'Patient',
    id: 'p3',
    name: [{ family: 'Doe' }],
    birthDate: '2001-01-01',
    identifier: [{ value: 'X3' }],
  },
  {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: HR,
    subject: subject('p1'),
    effectiveDateTime: '2020-03-15T10:00:00Z',
    valueQuantity: hr(72),
  },
  {
    resourceType: 'Observation',
    id: 'o2',
    status: 'final',
    code: HR,
    subject: subject('p1'),
    effectiveDateTime: '2021-06-01',
    valueQuantity: hr(80),
  },
  {
    resourceType: 'Observation',
    id: 'o3',
    status: 'amended',
    code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body Weight' }] },
    subject: subject('p1'),
    effectiveDateTime: '2020-03',
    valueQuantity: { value: 70.5, unit: 'kg', system: UCUM, code: 'kg' },
  },
  {
    resourceType: 'Observation',
    id: 'o4',
    status: 'final',
    code: HR,
    subject: subject('p2'),
    effectiveDateTime: '2019-12-31T23:00:00Z',
    valueQuantity: hr(100),
  },
  {
    resourceType: 'Observation',
    id: 'o5',
    status: 'final',
    code: { coding: [{ code: 'X1' }] },
    subject: subject('p2'),
    effectivePeriod: { start: '2020-01-01', end: '2020-12-31' },
    valueQuantity: { value: 5.4, unit: 'mg' },
  },
  {
    resourceType: 'Observation',
    id: 'o6',
    status: 'preliminary',
    code: HR,
    subject: subject('p3'),
    valueString: 'n/a',
  },
  {
    resourceType: 'Observation',
    id: 'o7',
    status: 'final',
    code: HR,
    subject: subject('p1'),
    effectiveDateTime: '2020-03-15',
  },
  {
    resourceType: 'RiskAssessment',
    id: 'ra1',
    status: 'final',
    subject: subject('p1'),
    prediction: [{ probabilityDecimal: 0.25 }],
  },
  {
    resourceType: 'RiskAssessment',
    id: 'ra2',
    status: 'final',
    subject: subject('p1'),
    prediction: [{ probabilityDecimal: 0.5 }],
  },
  {
    resourceType: 'RiskAssessment',
    id: 'ra3',
    status: 'final',
    subject: subject('p1'),
    prediction: [{ probabilityDecimal: 0.75 }],
  },
  { resourceType: 'ValueSet', id: 'vs1', status: 'active', url: 'http://example.org/fhir/ValueSet/a' },
  { resourceType: 'ValueSet', id: 'vs2', status: 'active', url: 'http://example.org/fhir/ValueSet/a/b' },
  { resourceType: 'ValueSet', id: 'vs3', status: 'active', url: 'http://other.org/vs' },
  {
    resourceType: 'Provenance',
    id: 'prov1',
    target: [{ reference: 'Observation/o1' }],
    recorded: '2020-03-15T10:00:00Z',
    agent: [{ who: { reference: 'Patient/p1' } }],
  },
];

/** Writes the fixtures through the SQL repository, then deletes o7 (deleted resources must never match). */
export async function seedFixtures(db: SqlClient): Promise<void> {
  const repo = createSqlRepository(db);
  for (const r of FIXTURES) {
    await repo.update(r);
  }
  await repo.delete('Observation', 'o7');
}

/** Base URL used by the search tests. */
export const BASE = 'http://test/fhir';

/** Runs `Type?query` through parseSearchQuery and executeSearch. */
export async function search(db: SqlClient, url: string): Promise<Bundle> {
  const q = url.indexOf('?');
  const type = q < 0 ? url : url.slice(0, q);
  return executeSearch(db, parseSearchQuery(type, q < 0 ? '' : url.slice(q + 1)), { baseUrl: BASE });
}

/** The ids of the `match` entries, in bundle order. */
export function matchIds(bundle: Bundle): string[] {
  return (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource?.id ?? '');
}

/** The ids of the `match` entries, sorted. */
export async function ids(db: SqlClient, url: string): Promise<string[]> {
  return matchIds(await search(db, url)).sort();
}
