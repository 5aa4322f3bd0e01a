import type { Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { generateDemoPatients } from '../demo/index.js';
import { contextFromResources, type PatientContext } from '../patient/index.js';
import {
  computeScores,
  parseScoreOptions,
  SCORE_IDS,
  ScoreResultSchema,
  type ScoreId,
  type ScoreResult,
} from './index.js';
import { chart, patientAged, vitalSet } from './test-support/chart.js';

// The demo anchor date is noon UTC of 2026-06-01; the showcase charts are dated relative to it.
const ANCHOR = new Date('2026-06-01T12:00:00Z');

function demoContexts(): Map<string, PatientContext> {
  const out = new Map<string, PatientContext>();
  for (const bundle of generateDemoPatients({ patients: 7, seed: 42 })) {
    const resources = (bundle.entry ?? []).flatMap((e): Resource[] => (e.resource ? [e.resource] : []));
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    if (patient?.id) {
      out.set(patient.id, contextFromResources(patient, resources, { now: ANCHOR }));
    }
  }
  return out;
}

const contexts = demoContexts();

function byId(results: ScoreResult[], id: ScoreId): ScoreResult {
  const r = results.find((x) => x.id === id);
  if (!r) {
    throw new Error(`no ${id}`);
  }
  return r;
}

function context(id: string): PatientContext {
  const ctx = contexts.get(id);
  if (!ctx) {
    throw new Error(`no demo patient ${id}`);
  }
  return ctx;
}

describe('computeScores on the demo showcase patients', () => {
  it('returns every score, valid against the result schema, for every showcase patient', () => {
    expect(contexts.size).toBe(7);
    for (const ctx of contexts.values()) {
      const results = computeScores(ctx);
      expect(results.map((r) => r.id)).toEqual([...SCORE_IDS]);
      for (const r of results) {
        expect(ScoreResultSchema.parse(r)).toEqual(r);
        expect(r.evaluatedAt).toBe(ANCHOR.toISOString());
      }
    }
  });

  it('sepsis patient at ED presentation: NEWS2 >= 5 (high) and qSOFA >= 2, citing the ED vitals', () => {
    const ctx = context('showcase-sepsis');
    const ed = ctx.encounters.find((e) => e.class === 'EMER');
    expect(ed?.effectiveTime).toBeTruthy();
    const now = new Date(Date.parse(ed?.effectiveTime ?? '') + 60 * 60_000);
    const results = computeScores(ctx, { now });
    const news = byId(results, 'news2');
    expect(news.value).toBeGreaterThanOrEqual(5);
    expect(news.band?.id).toBe('high');
    expect(news.provenance.facts.every((f) => f.source.startsWith('Observation/'))).toBe(true);
    expect(news.provenance.facts.every((f) => Date.parse(f.effectiveTime ?? '') <= now.getTime())).toBe(true);
    const q = byId(results, 'qsofa');
    expect(q.value).toBeGreaterThanOrEqual(2);
    expect(q.band?.id).toBe('positive');
    // The ED chart records GCS and FiO2, so NEWS2 is complete (new confusion scores 3).
    expect(news.missing).toEqual([]);
    expect(news.components.find((c) => c.id === 'consciousness')?.points).toBe(3);
    expect(byId(results, 'sofa').value).toBeGreaterThanOrEqual(2);
  });

  it('sepsis patient at the anchor time is not yet responding: NEWS2 from the latest (admission) vitals stays >= 5', () => {
    const news = byId(computeScores(context('showcase-sepsis')), 'news2');
    expect(news.status).toBe('complete');
    expect(news.value).toBeGreaterThanOrEqual(5);
    expect(news.components.find((c) => c.id === 'air-or-oxygen')?.input).toBe('oxygen');
  });

  it('atrial fibrillation patient: CHA2DS2-VASc >= 2 with no anticoagulant', () => {
    const r = byId(computeScores(context('showcase-afib-no-anticoagulation')), 'cha2ds2-vasc');
    expect(r.value).toBe(5);
    expect(r.status).toBe('complete');
    expect(r.band?.id).toBe('oac-recommended');
    expect(r.reasons).toContain('no active anticoagulant');
    expect(r.flags).toEqual(['no-anticoagulant']);
    expect(r.provenance.facts.some((f) => f.source.startsWith('Condition/'))).toBe(true);
  });

  it('CKD patient: eGFR < 30 and KDIGO stage G4', () => {
    const results = computeScores(context('showcase-ckd4-metformin'));
    const egfr = byId(results, 'egfr-ckd-epi-2021');
    expect(egfr.value).toBeLessThan(30);
    expect(egfr.band?.id).toBe('G4');
    expect(egfr.provenance.facts[0]?.source).toMatch(/^Observation\/.+/);
    expect(byId(results, 'ckd-stage-kdigo').band?.id).toBe('G4');
  });

  it('marks adult-only scores not applicable for the paediatric patient', () => {
    const results = computeScores(context('showcase-pediatric-meningitis'));
    for (const id of ['news2', 'qsofa', 'sofa', 'egfr-ckd-epi-2021', 'curb-65'] as const) {
      expect(byId(results, id).status).toBe('not-applicable');
      expect(byId(results, id).band).toBeNull();
    }
  });
});

describe('score options', () => {
  it('rejects unknown extra inputs with VITALIS_BAD_REQUEST', () => {
    let caught: unknown;
    try {
      parseScoreOptions({ extra: { news2: { consciousness: 'sleepy' } } });
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught, 'VITALIS_BAD_REQUEST')).toBe(true);
  });
  it('accepts an ISO evaluation time', () => {
    expect(parseScoreOptions({ now: '2024-06-15T12:00:00Z' }).now?.toISOString()).toBe('2024-06-15T12:00:00.000Z');
  });
  it('defaults the evaluation time to the context asOf and passes extra inputs through', () => {
    const ctx = chart(patientAged(60, 'male'), vitalSet({ rr: 16, spo2: 98, sbp: 130, hr: 70, temp: 37 }));
    const results = computeScores(ctx, { extra: { news2: { consciousness: 'voice', supplementalOxygen: false } } });
    const news = byId(results, 'news2');
    expect(news.evaluatedAt).toBe(ctx.asOf);
    expect(news.value).toBe(3);
    expect(news.status).toBe('complete');
  });
});
