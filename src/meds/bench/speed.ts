import type { Condition, MedicationRequest, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { performance } from 'node:perf_hooks';
import { percentile } from '../../bench/stats.js';
import { contextFromResources, type PatientContext } from '../../patient/index.js';
import { checkMedications, ordersFromCodes } from '../check.js';
import type { MedsKnowledge } from '../kb.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const NOW = new Date('2026-06-01T12:00:00Z');
/** Checks run before timing starts (JIT warm-up). */
const WARM_UP = 500;
/** Fifteen common active drugs of an older multimorbid patient (ingredient RxCUIs). */
export const FIFTEEN_DRUGS = [
  '11289',
  '6809',
  '29046',
  '17767',
  '83367',
  '40790',
  '3407',
  '4603',
  '9997',
  '36437',
  '25480',
  '7052',
  '2598',
  '10582',
  '1191',
];

function iso(daysAgo: number): string {
  return new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
}

function lab(id: string, loinc: string, value: number, unit: string): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: iso(2),
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

/** A synthetic 78-year-old with 15 active drugs, recent labs and a prior GI bleed. */
export function fifteenDrugContext(): PatientContext {
  const patient: Patient = { resourceType: 'Patient', id: 'bench-15', gender: 'female', birthDate: '1948-03-01' };
  const meds: MedicationRequest[] = FIFTEEN_DRUGS.map((rxcui, i) => ({
    resourceType: 'MedicationRequest',
    id: `bench-mr-${String(i)}`,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/bench-15' },
    authoredOn: iso(200 - i * 10),
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxcui }] },
    dosageInstruction: [{ text: 'once daily' }],
  }));
  const bleed: Condition = {
    resourceType: 'Condition',
    id: 'bench-gib',
    subject: { reference: 'Patient/bench-15' },
    clinicalStatus: { coding: [{ code: 'resolved' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '74474003', display: 'Gastrointestinal hemorrhage' }] },
    onsetDateTime: iso(400),
  };
  const resources: Resource[] = [
    patient,
    ...meds,
    bleed,
    lab('bench-cr', '2160-0', 1.4, 'mg/dL'),
    lab('bench-k', '2823-3', 5.2, 'mmol/L'),
    lab('bench-inr', '6301-6', 2.6, '{INR}'),
    lab('bench-wt', '29463-7', 62, 'kg'),
  ];
  return contextFromResources(patient, resources, { now: NOW });
}

/** p95 (ms) of an order-sign check (one new order against 15 active drugs), after a warm-up. */
export function orderSignP95(
  kb: MedsKnowledge,
  runs = 1000,
): { p95: number; p50: number; cpuP95: number; alerts: number } {
  const context = fifteenDrugContext();
  const now = NOW.toISOString();
  const times: number[] = [];
  const cpu: number[] = [];
  let alerts = 0;
  for (let i = 0; i < runs + WARM_UP; i += 1) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { orders } = ordersFromCodes(['rxnorm:5640'], now);
    const result = checkMedications({ context, orders, now, knowledge: kb });
    const dt = performance.now() - t0;
    const dc = process.cpuUsage(c0);
    if (i >= WARM_UP) {
      times.push(dt);
      cpu.push((dc.user + dc.system) / 1000);
    }
    alerts = result.alerts.length;
  }
  return { p95: percentile(times, 95), p50: percentile(times, 50), cpuP95: percentile(cpu, 95), alerts };
}
