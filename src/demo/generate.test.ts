import { validateResource } from '@medplum/core';
import type {
  Condition,
  DocumentReference,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
} from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { generateDemoPatients, SHOWCASE_PATIENTS } from './index.js';
import { NAME_POOLS } from './names.js';
import { hasCode, noteTexts, ofType, referencesIn, resourcesOf } from './test-support/bundle-facts.js';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const bundles = [...generateDemoPatients({ patients: 30, seed: 42 })];

describe('generateDemoPatients', () => {
  beforeAll(() => {
    loadFhirDefinitions();
  });

  it('is deterministic: same seed gives byte-identical JSON, a different seed different random patients', () => {
    const again = [...generateDemoPatients({ patients: 30, seed: 42 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundles));
    const other = [...generateDemoPatients({ patients: 30, seed: 43 })];
    expect(JSON.stringify(other.slice(0, SHOWCASE_PATIENTS.length))).toBe(
      JSON.stringify(bundles.slice(0, SHOWCASE_PATIENTS.length)),
    );
    for (let i = SHOWCASE_PATIENTS.length; i < 30; i++) {
      expect(JSON.stringify(other[i])).not.toBe(JSON.stringify(bundles[i]));
    }
  });

  it('moves every date with the anchor date', () => {
    const [shifted] = [...generateDemoPatients({ patients: 8, seed: 42, anchorDate: '2027-06-01' })].slice(7);
    const [base] = bundles.slice(7, 8);
    const encStart = (b: typeof base): string => ofType<Encounter>(b!, 'Encounter')[0]!.period!.start!;
    expect(Date.parse(encStart(shifted)) - Date.parse(encStart(base))).toBe(365 * 86_400_000);
  });

  it('streams showcase patients first, then random patients with seed-derived ids', () => {
    expect(bundles).toHaveLength(30);
    SHOWCASE_PATIENTS.forEach((s, i) => {
      expect(ofType<Patient>(bundles[i]!, 'Patient')[0]!.id).toBe(s.id);
    });
    expect(ofType<Patient>(bundles[7]!, 'Patient')[0]!.id).toBe('demo-42-0007');
    expect(ofType<Observation>(bundles[7]!, 'Observation')[0]!.id).toMatch(/^demo-42-0007-obs-\d+$/);
  });

  it('emits transaction bundles of PUT Type/id entries with valid, unique ids', () => {
    for (const b of bundles) {
      expect(b.type).toBe('transaction');
      const urls = new Set<string>();
      for (const e of b.entry ?? []) {
        expect(e.resource?.id).toMatch(ID);
        expect(e.request).toEqual({ method: 'PUT', url: `${e.resource!.resourceType}/${e.resource!.id!}` });
        urls.add(e.request!.url);
      }
      expect(urls.size).toBe(b.entry!.length);
    }
  });

  it('produces resources that all pass validateResource', () => {
    let count = 0;
    for (const b of bundles) {
      expect(() => validateResource(b)).not.toThrow();
      for (const r of resourcesOf(b)) {
        expect(() => validateResource(r), `${r.resourceType}/${r.id ?? ''}`).not.toThrow();
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });

  it('resolves every reference within the bundle', () => {
    for (const b of bundles) {
      const urls = new Set((b.entry ?? []).map((e) => e.request!.url));
      for (const ref of referencesIn(resourcesOf(b))) {
        expect(urls.has(ref), ref).toBe(true);
      }
    }
  });

  it('gives every patient a complete chart: 2-8 encounters, coded conditions, vitals, labs, meds, immunizations, procedures', () => {
    for (const b of bundles.slice(SHOWCASE_PATIENTS.length)) {
      const patient = ofType<Patient>(b, 'Patient')[0]!;
      expect(patient.identifier?.[0]?.system).toMatch(/^https:\/\//);
      expect(patient.identifier?.[0]?.value).toMatch(/^\d{8}$/);
      expect(patient.address?.[0]?.city).toBeTruthy();
      expect(patient.managingOrganization?.reference).toMatch(/^Organization\//);
      const encounters = ofType<Encounter>(b, 'Encounter');
      expect(encounters.length).toBeGreaterThanOrEqual(2);
      expect(encounters.length).toBeLessThanOrEqual(8);
      for (const c of ofType<Condition>(b, 'Condition')) {
        expect(c.code?.coding?.map((x) => x.system)).toEqual([
          'http://snomed.info/sct',
          'http://hl7.org/fhir/sid/icd-10-cm',
        ]);
      }
      const obs = ofType<Observation>(b, 'Observation');
      expect(
        obs.some((o) =>
          hasCode(o.category?.[0], 'http://terminology.hl7.org/CodeSystem/observation-category', 'vital-signs'),
        ),
      ).toBe(true);
      expect(obs.some((o) => hasCode(o.code, 'http://loinc.org', '85354-9') && o.component?.length === 2)).toBe(true);
      expect(
        obs.every((o) => o.valueQuantity === undefined || o.valueQuantity.system === 'http://unitsofmeasure.org'),
      ).toBe(true);
      expect(ofType(b, 'Immunization').length).toBeGreaterThan(0);
      expect(ofType(b, 'Procedure').length).toBeGreaterThan(0);
      const docs = ofType<DocumentReference>(b, 'DocumentReference');
      expect(docs).toHaveLength(encounters.length);
      expect(new Set(docs.map((d) => d.context?.encounter?.[0]?.reference))).toEqual(
        new Set(encounters.map((e) => `Encounter/${e.id!}`)),
      );
      expect(docs.every((d) => d.content[0]?.attachment.contentType === 'text/plain')).toBe(true);
    }
    for (const b of bundles) {
      expect(ofType(b, 'AllergyIntolerance').length, 'allergy list (or no-known-allergy) recorded').toBeGreaterThan(0);
    }
    const meds = bundles.flatMap((b) => ofType<MedicationRequest>(b, 'MedicationRequest'));
    expect(
      meds.every(
        (m) => m.medicationCodeableConcept?.coding?.[0]?.system === 'http://www.nlm.nih.gov/research/umls/rxnorm',
      ),
    ).toBe(true);
    expect(meds.every((m) => m.dosageInstruction?.[0]?.route && m.dosageInstruction[0].timing)).toBe(true);
    expect(new Set(meds.map((m) => m.status))).toEqual(new Set(['active', 'stopped']));
    for (const m of meds) {
      const bounds = m.dosageInstruction![0]!.timing!.repeat!.boundsPeriod!;
      expect(bounds.start).toBe(m.authoredOn);
      expect(bounds.end !== undefined).toBe(m.status === 'stopped');
    }
    const labs = bundles.flatMap((b) => ofType<Observation>(b, 'Observation')).filter((o) => o.referenceRange);
    expect(new Set(labs.map((o) => o.interpretation?.[0]?.coding?.[0]?.code))).toEqual(new Set(['H', 'L', 'N']));
    const conditions = bundles.flatMap((b) => ofType<Condition>(b, 'Condition'));
    expect(conditions.some((c) => c.clinicalStatus?.coding?.[0]?.code === 'resolved' && c.abatementDateTime)).toBe(
      true,
    );
    expect(new Set(bundles.flatMap((b) => ofType<Encounter>(b, 'Encounter')).map((e) => e.class.code))).toEqual(
      new Set(['AMB', 'EMER', 'IMP']),
    );
  });

  it('writes notes that contain the patient name and MRN, with varied date formats', () => {
    const formats = new Set<string>();
    for (const b of bundles) {
      const p = ofType<Patient>(b, 'Patient')[0]!;
      const family = p.name![0]!.family!;
      const mrn = p.identifier![0]!.value!;
      for (const text of noteTexts(b)) {
        expect(text.toLowerCase()).toContain(family.toLowerCase());
        expect(text).toContain(mrn);
        expect(text).toMatch(/History of Present Illness|HPI/);
        expect(text).toMatch(/ASSESSMENT AND PLAN|A\/P/);
        if (/\b\d{2}\/\d{2}\/\d{4}\b/.test(text)) formats.add('us');
        if (/\b\d{4}-\d{2}-\d{2}\b/.test(text)) formats.add('iso');
        if (
          /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/.test(
            text,
          )
        )
          formats.add('long');
        if (/\b\d{1,2}-[A-Z][a-z]{2}-\d{4}\b/.test(text)) formats.add('dmy');
      }
    }
    expect(formats).toEqual(new Set(['us', 'iso', 'long', 'dmy']));
    const all = bundles.flatMap(noteTexts).join('\n');
    expect(all).toMatch(/\(\d{3}\) 555-01\d{2}/);
    expect(all).toMatch(/\b(daughter|son|wife|husband|mother|niece) [A-Z][a-z]+/);
  });

  it('draws names from many cultures, both sexes and all age bands', () => {
    const patients = bundles.map((b) => ofType<Patient>(b, 'Patient')[0]!);
    const origins = new Set(
      patients.map((p) => NAME_POOLS.find((pool) => pool.family.includes(p.name![0]!.family!))?.origin),
    );
    expect(origins.size).toBeGreaterThanOrEqual(5);
    expect(new Set(patients.map((p) => p.gender))).toEqual(new Set(['male', 'female']));
    const years = patients.map((p) => 2026 - Number(p.birthDate!.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThan(18);
    expect(Math.max(...years)).toBeGreaterThan(65);
    expect(patients.some((p) => p.telecom?.some((t) => t.system === 'email'))).toBe(true);
    expect(patients.some((p) => !p.telecom?.some((t) => t.system === 'email'))).toBe(true);
  });

  it('rejects invalid options with VITALIS_BAD_REQUEST', () => {
    expect(() => [...generateDemoPatients({ patients: -1, seed: 1 })]).toThrow(
      expect.objectContaining({ code: 'VITALIS_BAD_REQUEST' }),
    );
    try {
      generateDemoPatients({ patients: 1, seed: 1.5 }).next();
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'VITALIS_BAD_REQUEST')).toBe(true);
    }
  });
});
