import type { Patient, Resource } from '@medplum/fhirtypes';
import { generateDemoPatients } from '../../demo/index.js';
import { contextFromResources, type PatientContext } from '../../patient/index.js';

/** The demo anchor time (noon UTC, 2026-06-01). */
export const DEMO_ANCHOR = new Date('2026-06-01T12:00:00Z');

/** Contexts of the first `n` demo patients (the showcase patients come first), built in memory. */
export function demoContexts(n = 7): PatientContext[] {
  const out: PatientContext[] = [];
  for (const bundle of generateDemoPatients({ patients: n, seed: 42 })) {
    const resources = (bundle.entry ?? []).flatMap((e): Resource[] => (e.resource ? [e.resource] : []));
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    if (patient?.id) out.push(contextFromResources(patient, resources, { now: DEMO_ANCHOR }));
  }
  return out;
}
