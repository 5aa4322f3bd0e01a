import type { SearchRequest } from '@medplum/core';
import { parseSearchUrl } from '../fhir/search/index.js';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { prng } from './stats.js';

/** Anything that can run a FHIR search (our repository, or medplum's MemoryRepository as a peer). */
export type Searcher = (request: SearchRequest) => Promise<Bundle>;

/** The three patient-scoped searches of the benchmark, for one patient. */
export interface PatientQueries {
  patientId: string;
  observationCode: string;
}

/** Picks, for each sampled patient, an Observation code it actually has (so the query returns rows). */
export async function buildWorkload(
  search: Searcher,
  patientIds: readonly string[],
  samples: number,
  seed = 7,
): Promise<PatientQueries[]> {
  const rand = prng(seed);
  const out: PatientQueries[] = [];
  for (let i = 0; i < samples * 3 && out.length < samples; i++) {
    const patientId = patientIds[Math.floor(rand() * patientIds.length)];
    if (patientId === undefined) {
      break;
    }
    const bundle = await search(parseSearchUrl(`Observation?patient=${patientId}&_count=20`));
    const codings = (bundle.entry ?? [])
      .map((e) => (e.resource as Observation | undefined)?.code?.coding?.[0])
      .filter((c) => c?.code !== undefined);
    const coding = codings[Math.floor(rand() * codings.length)];
    if (coding?.code) {
      out.push({ patientId, observationCode: `${coding.system ?? ''}|${coding.code}` });
    }
  }
  return out;
}

/** The three query strings of the benchmark for one patient. */
export function queriesFor(q: PatientQueries): Record<'observations' | 'activeConditions' | 'activeMeds', string> {
  return {
    observations: `Observation?patient=Patient/${q.patientId}&code=${q.observationCode}&_sort=-date&_count=10`,
    activeConditions: `Condition?patient=Patient/${q.patientId}&clinical-status=active`,
    activeMeds: `MedicationRequest?patient=Patient/${q.patientId}&status=active`,
  };
}

/** Ids of every Patient a searcher knows. */
export async function patientIds(search: Searcher): Promise<string[]> {
  const ids: string[] = [];
  let offset = 0;
  for (;;) {
    const bundle = await search(parseSearchUrl(`Patient?_count=1000&_offset=${offset}&_elements=id`));
    const page = (bundle.entry ?? []).map((e) => e.resource?.id).filter((x): x is string => !!x);
    ids.push(...page);
    if (page.length < 1000) {
      return ids;
    }
    offset += 1000;
  }
}
