import { existsSync } from 'node:fs';
import type { Patient, Resource } from '@medplum/fhirtypes';
import { generateDemoPatients } from '../../demo/index.js';
import { contextFromResources, type PatientContext } from '../../patient/index.js';

/** The demo anchor time (noon UTC on 2026-06-01): showcase charts are dated relative to it. */
export const ANCHOR = new Date('2026-06-01T12:00:00Z');

/** Patient contexts of the first `patients` demo patients (showcase first), built in memory at the anchor. */
export function demoContexts(patients = 7, seed = 42): Map<string, PatientContext> {
  const out = new Map<string, PatientContext>();
  for (const bundle of generateDemoPatients({ patients, seed })) {
    const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined);
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    if (patient?.id) {
      out.set(patient.id, contextFromResources(patient, resources, { now: ANCHOR }));
    }
  }
  return out;
}

/** Null when ../shared/data/meds exists; a skip reason otherwise (throws under CI=true). */
export function medsDataMissing(dir: string): string | null {
  if (existsSync(dir)) {
    return null;
  }
  if (process.env['CI'] === 'true') {
    throw new Error(`${dir} is missing: CI needs ../shared beside the checkout`);
  }
  return `${dir} is missing; skipping the medication data tests`;
}
