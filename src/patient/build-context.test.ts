import { describe, expect, it } from 'vitest';
import { contextFromResources } from './build-context.js';
import { PatientContextSchema, type PatientContext } from './context-schema.js';
import { allFacts } from './queries.js';
import type { FactBase, ObservationFact } from './fact-schema.js';
import { marge, margeRecord, NOW } from './test-support/fixtures.js';

function build(): PatientContext {
  return contextFromResources(marge, margeRecord(), { now: NOW });
}

function fact<T extends FactBase>(list: readonly T[], id: string): T {
  const found = list.find((f) => f.id === id);
  if (!found) {
    throw new Error(`no fact ${id}`);
  }
  return found;
}

describe('contextFromResources', () => {
  it('produces a context that satisfies its schema and survives a JSON round trip', () => {
    const ctx = build();
    expect(PatientContextSchema.parse(JSON.parse(JSON.stringify(ctx)))).toEqual(ctx);
    expect(ctx.asOf).toBe('2024-06-15T12:00:00.000Z');
    expect(ctx.patient).toMatchObject({
      id: 'marge',
      source: 'Patient/marge/_history/3',
      sex: 'female',
      age: { years: 68 },
    });
    expect(ctx.display.name).toBe('Marjorie Simpson');
    expect(JSON.stringify(ctx.patient)).not.toContain('Simpson');
  });

  it('cites the exact resource version in every fact, with unique stable ids', () => {
    const ctx = build();
    const facts = allFacts(ctx);
    const ids = facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of facts) {
      expect(f.source).toMatch(/^[A-Z][A-Za-z]+\/[^/]+\/_history\/\d+$/);
      expect(f.source.startsWith(`${f.id.split('#')[0] ?? ''}/_history/`)).toBe(true);
    }
    expect(fact(ctx.medications, 'MedicationRequest/warfarin').source).toBe('MedicationRequest/warfarin/_history/4');
    expect(fact(ctx.vitals.facts, 'Observation/bp#8480-6').source).toBe('Observation/bp/_history/1');
    expect(fact(ctx.vitals.facts, 'Observation/weight-lb').source).toBe('Observation/weight-lb/_history/2');
    // Without meta.versionId the source is the bare reference.
    const bare = contextFromResources(marge, [{ ...margeRecord()[1]!, meta: {} }], { now: NOW });
    expect(bare.problems[0]?.source).toBe('Condition/afib');
  });

  it('lists active and resolved problems with SNOMED CT first and ICD-10-CM kept, and drops entered-in-error', () => {
    const ctx = build();
    expect(ctx.problems.map((p) => [p.id, p.flags.active])).toEqual([
      ['Condition/pharyngitis', false],
      ['Condition/afib', true],
    ]);
    const afib = fact(ctx.problems, 'Condition/afib');
    expect(afib.code).toEqual({ system: 'http://snomed.info/sct', code: '49436004', display: 'Atrial fibrillation' });
    expect(afib.snomed).toEqual(['49436004']);
    expect(afib.icd10).toEqual(['I48.91']);
    expect(afib.onset).toBe('2019-02-01');
    expect(fact(ctx.problems, 'Condition/pharyngitis')).toMatchObject({
      clinicalStatus: 'resolved',
      abatement: '2023-01-15',
      effectiveEnd: '2023-01-15',
    });
    expect(ctx.stats.ignored).toEqual({ Condition: 1, Claim: 1 });
  });

  it('resolves medication ingredients from codes, contained and referenced Medications, and display text', () => {
    const ctx = build();
    const warfarin = fact(ctx.medications, 'MedicationRequest/warfarin');
    expect(warfarin).toMatchObject({
      rxnorm: '855332',
      status: 'active',
      intent: 'order',
      authoredOn: '2024-06-01',
      dosageText: '5 mg once daily',
      route: { code: '26643006' },
      flags: { active: true },
      encounter: 'Encounter/enc1',
    });
    expect(warfarin.ingredients).toEqual([
      {
        rxcui: '11289',
        name: 'warfarin',
        classes: ['anticoagulant', 'vitamin-k-antagonist'],
        resolvedBy: 'clinical-drug-table',
      },
    ]);
    const ibuprofen = fact(ctx.medications, 'MedicationRequest/ibuprofen-text');
    expect(ibuprofen.flags.active).toBe(false);
    expect(ibuprofen.ingredients.map((i) => [i.rxcui, i.resolvedBy])).toEqual([['5640', 'display-text']]);
    expect(ibuprofen.classes).toEqual(['nsaid']);
    const combo = fact(ctx.medications, 'MedicationRequest/combo-contained');
    expect(combo.text).toBe('Zestoretic');
    expect(combo.ingredients.map((i) => i.name)).toEqual(['lisinopril', 'hydrochlorothiazide']);
    expect(combo.classes).toContain('ace-inhibitor');
    const omeprazole = fact(ctx.medications, 'MedicationStatement/omeprazole');
    expect(omeprazole).toMatchObject({ resourceType: 'MedicationStatement', rxnorm: '7646', classes: ['ppi'] });
    expect(ctx.stats.medicationsWithoutIngredients).toBe(0);
  });

  it('keeps allergies with reactions and maps drug substances to ingredients', () => {
    const [pcn] = build().allergies;
    expect(pcn).toMatchObject({
      id: 'AllergyIntolerance/pcn',
      text: 'Penicillin',
      category: ['medication'],
      criticality: 'high',
      flags: { active: true },
      reactions: [{ substance: null, manifestations: ['Hives'], severity: 'moderate' }],
      effectiveTime: '2010-04-02',
    });
    expect(pcn?.ingredients.map((i) => i.name)).toEqual(['penicillin G']);
  });

  it('converts vitals to canonical units, splits blood-pressure panels and builds series', () => {
    const ctx = build();
    const weight = fact(ctx.vitals.facts, 'Observation/weight-lb');
    expect(weight.value).toEqual({
      type: 'quantity',
      value: 74.84274105,
      unit: 'kg',
      canonical: true,
      comparator: null,
      original: { value: 165, unit: 'lb' },
    });
    expect(weight.vitalSign).toBe('weight');
    const temp = fact(ctx.vitals.facts, 'Observation/temp-f');
    expect(temp.kind).toBe('vital');
    expect(temp.value).toMatchObject({ value: 38.5, unit: 'Cel', original: { value: 101.3, unit: '°F' } });
    const systolic = fact(ctx.vitals.facts, 'Observation/bp#8480-6');
    expect(systolic).toMatchObject({
      vitalSign: 'systolic-bp',
      panel: 'Observation/bp',
      value: { value: 150, unit: 'mm[Hg]' },
    });
    expect(fact(ctx.vitals.facts, 'Observation/bp#8462-4').value).toMatchObject({ value: 92 });
    expect(ctx.vitals.facts.some((f) => f.id === 'Observation/bp')).toBe(false);

    const weights = ctx.vitals.series.find((s) => s.vitalSign === 'weight');
    expect(weights).toMatchObject({ key: 'http://loinc.org|29463-7', unit: 'kg', trend: 'up' });
    expect(weights?.latest.id).toBe('Observation/weight-lb');
    expect(weights?.points).toEqual([
      { factId: 'Observation/weight-old', time: '2024-01-10T09:00:00Z', value: 70 },
      { factId: 'Observation/weight-lb', time: '2024-06-01T09:05:00Z', value: 74.84274105 },
    ]);
  });

  it('converts labs and their ranges, and flags abnormal values from ranges and interpretations', () => {
    const ctx = build();
    const glucose: ObservationFact = fact(ctx.labs.facts, 'Observation/glucose');
    expect(glucose.value).toMatchObject({ value: 140.52168, unit: 'mg/dL', original: { value: 7.8, unit: 'mmol/L' } });
    expect(glucose.referenceRange).toEqual({
      low: 70.26084,
      high: 99.0858,
      unit: 'mg/dL',
      text: null,
      origin: 'resource',
    });
    expect(glucose.flags.abnormal).toBe(true);
    expect(fact(ctx.labs.facts, 'Observation/potassium').flags.abnormal).toBe(false);
    expect(fact(ctx.labs.facts, 'Observation/inr')).toMatchObject({
      flags: { abnormal: true },
      interpretation: [{ code: 'H' }],
    });
    // No range in the resource: the adult default interval applies (and says so).
    const creatinine = fact(ctx.labs.facts, 'Observation/creatinine');
    expect(creatinine.value).toMatchObject({ unit: 'mg/dL', canonical: true });
    expect(creatinine.value?.type === 'quantity' ? creatinine.value.value : 0).toBeCloseTo(1.697, 3);
    expect(creatinine.referenceRange).toMatchObject({ low: 0.6, high: 1.3, origin: 'knowledge' });
    expect(creatinine.flags.abnormal).toBe(true);
    expect(ctx.observations.map((o) => [o.id, o.value])).toEqual([
      [
        'Observation/smoking',
        {
          type: 'coded',
          coding: { system: 'http://snomed.info/sct', code: '8517006', display: 'Ex-smoker' },
          text: 'Ex-smoker',
        },
      ],
    ]);
  });

  it('does not apply adult default ranges to children', () => {
    const child = { ...marge, birthDate: '2020-01-01' };
    const ctx = contextFromResources(child, margeRecord(), { now: NOW });
    expect(fact(ctx.labs.facts, 'Observation/creatinine')).toMatchObject({
      referenceRange: null,
      flags: { abnormal: null },
    });
    expect(fact(ctx.labs.facts, 'Observation/glucose').referenceRange?.origin).toBe('resource');
  });

  it('decodes notes, keeps report conclusions and results, encounters, procedures, immunizations and imaging', () => {
    const ctx = build();
    expect(ctx.notes.map((n) => [n.id, n.resourceType, n.content])).toEqual([
      ['DocumentReference/note1', 'DocumentReference', 'Irregular pulse. Plan: INR check.'],
      ['DiagnosticReport/bmp#text', 'DiagnosticReport', 'Hyperglycaemia.'],
    ]);
    expect(ctx.reports[0]).toMatchObject({
      id: 'DiagnosticReport/bmp',
      conclusion: 'Hyperglycaemia.',
      results: ['Observation/glucose', 'Observation/potassium'],
    });
    expect(ctx.encounters[0]).toMatchObject({
      id: 'Encounter/enc1',
      class: 'AMB',
      effectiveEnd: '2024-06-01T09:30:00Z',
    });
    expect(ctx.procedures[0]?.code?.code).toBe('29303009');
    expect(ctx.immunizations[0]).toMatchObject({ cvx: '140', effectiveTime: '2023-10-01' });
    expect(ctx.imaging[0]).toMatchObject({
      numberOfSeries: 1,
      numberOfInstances: 2,
      modalities: [{ code: 'DX' }],
      bodySites: [{ code: '51185008' }],
    });
  });

  it('sorts every list newest first and counts facts', () => {
    const ctx = build();
    for (const list of [ctx.problems, ctx.medications, ctx.vitals.facts, ctx.labs.facts, ctx.notes]) {
      const times = list.map((f) => Date.parse(f.effectiveTime ?? '1900-01-01'));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
    expect(ctx.stats.facts).toBe(allFacts(ctx).length);
    expect(ctx.stats.resources).toBe(margeRecord().length - 1); // the Medication is an input, not a fact
  });

  it('reads duplicate resources once', () => {
    const record = margeRecord();
    const ctx = contextFromResources(marge, [...record, ...record], { now: NOW });
    expect(ctx.medications).toHaveLength(4);
  });
});
