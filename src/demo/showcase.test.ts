import type {
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
} from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { generateDemoPatients, SHOWCASE_PATIENTS } from './index.js';
import { hasCode, noteTexts, observationsWithLoinc, ofType, valuesOf } from './test-support/bundle-facts.js';

const ANCHOR = '2026-06-01';
const bundles = [...generateDemoPatients({ patients: SHOWCASE_PATIENTS.length, seed: 1, anchorDate: ANCHOR })];
const byId = (id: string): Bundle => bundles.find((b) => ofType<Patient>(b, 'Patient')[0]?.id === id)!;
const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

function ageOf(b: Bundle): number {
  const birth = ofType<Patient>(b, 'Patient')[0]!.birthDate!;
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  return 2026 - y - (m > 6 || (m === 6 && d > 1) ? 1 : 0);
}

function activeMeds(b: Bundle): MedicationRequest[] {
  return ofType<MedicationRequest>(b, 'MedicationRequest').filter((m) => m.status === 'active');
}

function hasActiveRx(b: Bundle, rxcui: string): boolean {
  return activeMeds(b).some((m) => hasCode(m.medicationCodeableConcept, RX, rxcui));
}

function condition(b: Bundle, icd: string): Condition | undefined {
  return ofType<Condition>(b, 'Condition').find((c) => hasCode(c.code, ICD, icd));
}

function lastObs(b: Bundle, loinc: string): Observation {
  return observationsWithLoinc(b, loinc).at(-1)!;
}

function systolic(o: Observation): number {
  return o.component!.find((c) => hasCode(c.code, 'http://loinc.org', '8480-6'))!.valueQuantity!.value!;
}

describe('showcase patients', () => {
  it('lists seven named patients, generated first and in order', () => {
    expect(SHOWCASE_PATIENTS).toHaveLength(7);
    for (const [i, s] of SHOWCASE_PATIENTS.entries()) {
      const p = ofType<Patient>(bundles[i]!, 'Patient')[0]!;
      expect(p.id).toBe(s.id);
      expect(`${p.name![0]!.given![0]!} ${p.name![0]!.family!}`).toBe(s.name);
      expect(s.description.length).toBeGreaterThan(20);
    }
  });

  it('1: sepsis-like vitals, raised lactate and WBC, suspected urinary source', () => {
    const b = byId('showcase-sepsis');
    const firstEdVitals = (code: string): Observation => {
      const ed = ofType<Encounter>(b, 'Encounter').find((e) => e.class.code === 'EMER')!;
      return observationsWithLoinc(b, code).find((o) => o.encounter?.reference === `Encounter/${ed.id!}`)!;
    };
    expect(firstEdVitals('8310-5').valueQuantity!.value).toBeGreaterThan(38.3);
    expect(firstEdVitals('8867-4').valueQuantity!.value).toBeGreaterThan(90);
    expect(firstEdVitals('9279-1').valueQuantity!.value).toBeGreaterThan(22);
    expect(systolic(firstEdVitals('85354-9'))).toBeLessThan(90);
    expect(firstEdVitals('59408-5').valueQuantity!.value).toBeLessThan(92);
    expect(Math.max(...valuesOf(b, '2524-7'))).toBeGreaterThan(4);
    expect(Math.max(...valuesOf(b, '6690-2'))).toBeGreaterThan(12);
    expect(condition(b, 'A41.9')?.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(condition(b, 'N39.0')).toBeDefined();
    expect(ofType<Procedure>(b, 'Procedure').some((p) => hasCode(p.code, 'http://snomed.info/sct', '30088009'))).toBe(
      true,
    );
  });

  it('2: warfarin with an active NSAID, a resolved GI bleed and a rising INR', () => {
    const b = byId('showcase-warfarin-nsaid');
    expect(hasActiveRx(b, '855332')).toBe(true);
    expect(hasActiveRx(b, '849574')).toBe(true);
    expect(
      activeMeds(b).find((m) => hasCode(m.medicationCodeableConcept, RX, '855332'))!.medicationCodeableConcept!
        .coding![0]!.display,
    ).toBe('warfarin sodium 5 MG Oral Tablet');
    expect(condition(b, 'K92.2')?.clinicalStatus?.coding?.[0]?.code).toBe('resolved');
    const inr = valuesOf(b, '6301-6');
    expect(inr.length).toBeGreaterThanOrEqual(5);
    expect(inr.at(-1)).toBeGreaterThan(3);
    expect(lastObs(b, '6301-6').interpretation?.[0]?.coding?.[0]?.code).toBe('H');
  });

  it('3: atrial fibrillation with hypertension in an older woman, without an anticoagulant', () => {
    const b = byId('showcase-afib-no-anticoagulation');
    expect(condition(b, 'I48.91')?.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(condition(b, 'I10')).toBeDefined();
    expect(condition(b, 'E11.9')).toBeDefined();
    expect(ofType<Patient>(b, 'Patient')[0]!.gender).toBe('female');
    expect(ageOf(b)).toBeGreaterThanOrEqual(75);
    const names = ofType<MedicationRequest>(b, 'MedicationRequest').map((m) =>
      m.medicationCodeableConcept!.text!.toLowerCase(),
    );
    expect(names.some((n) => /warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin/.test(n))).toBe(
      false,
    );
  });

  it('4: CKD stage 4 on metformin with eGFR 20-25 and rising creatinine and potassium', () => {
    const b = byId('showcase-ckd4-metformin');
    expect(condition(b, 'N18.4')?.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(hasActiveRx(b, '861004')).toBe(true);
    const egfr = valuesOf(b, '98979-8');
    expect(egfr.at(-1)).toBeGreaterThanOrEqual(20);
    expect(egfr.at(-1)).toBeLessThanOrEqual(25);
    const scr = valuesOf(b, '2160-0');
    const k = valuesOf(b, '2823-3');
    expect(scr).toEqual([...scr].sort((x, y) => x - y));
    expect(k).toEqual([...k].sort((x, y) => x - y));
    expect(lastObs(b, '2823-3').interpretation?.[0]?.coding?.[0]?.code).toBe('H');
  });

  it('5: an 84-year-old on several Beers-list drugs including a long-term PPI', () => {
    const b = byId('showcase-beers-elderly');
    expect(ageOf(b)).toBe(84);
    for (const rxcui of ['1049630', '856845', '197591', '854873', '310537', '314200']) {
      expect(hasActiveRx(b, rxcui), rxcui).toBe(true);
    }
    const ppi = activeMeds(b).find((m) => hasCode(m.medicationCodeableConcept, RX, '314200'))!;
    expect(Date.parse(`${ANCHOR}T00:00:00Z`) - Date.parse(ppi.authoredOn!)).toBeGreaterThan(365 * 86_400_000);
  });

  it('6: ED chest pain with a rising hs-troponin above the 99th percentile and an ECG', () => {
    const b = byId('showcase-chest-pain-troponin');
    expect(ofType<Encounter>(b, 'Encounter').some((e) => e.class.code === 'EMER')).toBe(true);
    const hs = valuesOf(b, '89579-7');
    expect(hs).toHaveLength(3);
    expect(hs).toEqual([...hs].sort((x, y) => x - y));
    expect(hs.every((v) => v > 26)).toBe(true);
    expect(observationsWithLoinc(b, '89579-7').every((o) => o.interpretation?.[0]?.coding?.[0]?.code === 'H')).toBe(
      true,
    );
    expect(ofType<Procedure>(b, 'Procedure').some((p) => hasCode(p.code, 'http://snomed.info/sct', '29303009'))).toBe(
      true,
    );
    expect(noteTexts(b).join('\n')).toMatch(/ST depression/);
    expect(condition(b, 'I21.4')).toBeDefined();
  });

  it('7: a child in the ED with fever, neck stiffness, photophobia and rash, raised CRP and WBC', () => {
    const b = byId('showcase-pediatric-meningitis');
    expect(ageOf(b)).toBeLessThan(12);
    expect(ofType<Encounter>(b, 'Encounter').some((e) => e.class.code === 'EMER')).toBe(true);
    expect(Math.max(...valuesOf(b, '8310-5'))).toBeGreaterThan(38.5);
    const notes = noteTexts(b).join('\n');
    expect(notes).toMatch(/photophobia/);
    expect(notes).toMatch(/neck stiffness|nuchal rigidity/);
    expect(notes).toMatch(/rash|petechiae/);
    expect(lastObs(b, '1988-5').interpretation?.[0]?.coding?.[0]?.code).toBe('H');
    expect(lastObs(b, '6690-2').interpretation?.[0]?.coding?.[0]?.code).toBe('H');
    expect(condition(b, 'G03.9')?.verificationStatus?.coding?.[0]?.code).toBe('provisional');
  });
});
