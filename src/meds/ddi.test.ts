import { describe, expect, it } from 'vitest';
import { checkMedications, ordersFromCodes } from './check.js';
import type { MedAlert } from './alert-schema.js';
import { allergy, chart, lab, med, NOW_ISO, patient, problem, weight } from './test-support/chart.js';
import type { Resource } from '@medplum/fhirtypes';

const WARFARIN = '11289';
const IBUPROFEN = '5640';
const TOPICAL_DICLOFENAC = '855633';

function check(age: number, resources: Resource[], orders: string[] = []): MedAlert[] {
  const { orders: entries } = ordersFromCodes(orders, NOW_ISO);
  return checkMedications({ context: chart(patient(age), resources), orders: entries, now: NOW_ISO }).alerts;
}
const rule = (alerts: MedAlert[], id: string): MedAlert | undefined => alerts.find((a) => a.ruleId === id);

describe('warfarin + NSAID (HL7 PDDI-CDS contextual rule)', () => {
  it('topical diclofenac only informs, even with every risk factor', () => {
    const a = rule(
      check(80, [med(WARFARIN), problem('74474003', 'Gastrointestinal hemorrhage')], [`rxnorm:${TOPICAL_DICLOFENAC}`]),
      'pddi-warfarin-nsaid',
    );
    expect(a?.tier).toBe('informational');
    expect(a?.reasons.join(' ')).toMatch(/topical/);
  });
  it('systemic NSAID without risk factors and without GI protection interrupts', () => {
    expect(rule(check(64, [med(WARFARIN)], [`rxnorm:${IBUPROFEN}`]), 'pddi-warfarin-nsaid')?.tier).toBe('interruptive');
  });
  it('age 64 with a PPI: informational; age 65 with a PPI: interruptive (age is a risk factor from 65)', () => {
    const ppi = med('40790', { startedDaysAgo: 100 });
    expect(rule(check(64, [med(WARFARIN), ppi], [`rxnorm:${IBUPROFEN}`]), 'pddi-warfarin-nsaid')?.tier).toBe(
      'informational',
    );
    const at65 = rule(check(65, [med(WARFARIN), ppi], [`rxnorm:${IBUPROFEN}`]), 'pddi-warfarin-nsaid');
    expect(at65?.tier).toBe('interruptive');
    expect(at65?.reasons.join(' ')).toMatch(/age 65/);
  });
  it('a prior (resolved) GI bleed is a risk factor and is cited as evidence; misoprostol counts as protection', () => {
    const a = rule(
      check(50, [med(WARFARIN), med('42331'), problem('K92.2', 'GI bleed', false)], [`rxnorm:${IBUPROFEN}`]),
      'pddi-warfarin-nsaid',
    );
    expect(a?.tier).toBe('interruptive');
    expect(a?.evidence[0]?.source).toMatch(/^Condition\/.+\/_history\/1$/);
    expect(a?.reasons.join(' ')).toMatch(/GI protection present/);
  });
  it('carries its rule id, knowledge version, reference and real suggestions', () => {
    const a = rule(check(70, [med(WARFARIN)], [`rxnorm:${IBUPROFEN}`]), 'pddi-warfarin-nsaid');
    expect(a?.knowledgeVersion).toMatch(/^vitalis-meds-/);
    expect(a?.reference).toMatch(/PDDI/);
    expect(a?.suggestions.map((s) => s.action.kind)).toEqual(['replace', 'replace', 'order-lab']);
    expect(a?.suggestions[0]?.target).toBe('order:1');
  });
  it('a stopped NSAID does not alert; review mode pairs active drugs only', () => {
    expect(
      rule(check(70, [med(WARFARIN), med('7258', { startedDaysAgo: 40, stoppedDaysAgo: 5 })]), 'pddi-warfarin-nsaid'),
    ).toBeUndefined();
    expect(rule(check(70, [med(WARFARIN), med('7258', { startedDaysAgo: 5 })]), 'pddi-warfarin-nsaid')?.tier).toBe(
      'interruptive',
    );
  });
});

describe('ONC high-priority hard stops and wash-out', () => {
  it('SSRI ordered with an active MAOI is a hard stop', () => {
    const a = rule(check(40, [med('8123')], ['rxnorm:36437']), 'onc-hp-8');
    expect(a?.tier).toBe('hard-stop');
    expect(a?.origin).toBe('onc-high-priority');
  });
  it('an MAOI stopped 14 days ago still counts, 15 days ago does not', () => {
    expect(
      rule(check(40, [med('8123', { startedDaysAgo: 90, stoppedDaysAgo: 14 })], ['rxnorm:36437']), 'onc-hp-8')?.tier,
    ).toBe('hard-stop');
    expect(
      rule(check(40, [med('8123', { startedDaysAgo: 90, stoppedDaysAgo: 15 })], ['rxnorm:36437']), 'onc-hp-8'),
    ).toBeUndefined();
  });
  it('simvastatin with clarithromycin is a hard stop', () => {
    expect(rule(check(60, [med('36567', { dosage: '40 mg once daily' })], ['rxnorm:21212']), 'onc-hp-25')?.tier).toBe(
      'hard-stop',
    );
  });
  it('simvastatin with amiodarone: 20 mg/day informs, 21 mg/day interrupts, unknown dose interrupts', () => {
    const at = (dosage?: string): string | undefined =>
      rule(check(60, [med('36567', dosage ? { dosage } : {})], ['rxnorm:703']), 'onc-hp-25')?.tier;
    expect(at('20 mg once daily')).toBe('informational');
    expect(at('21 mg once daily')).toBe('interruptive');
    expect(at()).toBe('interruptive');
  });
});

describe('context filters on labs', () => {
  const raasK = (k: number, crMgDl = 0.9): MedAlert | undefined =>
    rule(
      check(
        60,
        [med('29046', { startedDaysAgo: 5 }), lab('2823-3', k, 'mmol/L'), lab('2160-0', crMgDl, 'mg/dL')],
        ['rxnorm:9997'],
      ),
      'vx-raas-potassium',
    );
  it('ACE inhibitor + spironolactone: potassium 4.9 informs, 5.0 interrupts', () => {
    expect(raasK(4.9)?.tier).toBe('informational');
    const high = raasK(5.0);
    expect(high?.tier).toBe('interruptive');
    expect(high?.evidence.some((e) => e.what === 'potassium')).toBe(true);
  });
  it('ACE inhibitor + spironolactone: eGFR < 45 interrupts', () => {
    expect(raasK(4.5, 1.9)?.tier).toBe('interruptive');
  });
  it('QT + QT: recent QTc 469 ms informs, 470 ms interrupts, no ECG interrupts', () => {
    const qt = (qtc?: number): string | undefined =>
      rule(
        check(
          60,
          [med('703', { startedDaysAgo: 3 }), ...(qtc === undefined ? [] : [lab('8636-3', qtc, 'ms')])],
          ['rxnorm:5093'],
        ),
        'onc-hp-21',
      )?.tier;
    expect(qt(469)).toBe('informational');
    expect(qt(470)).toBe('interruptive');
    expect(qt()).toBe('interruptive');
  });
  it('warfarin + an INR raiser cites an INR above 3', () => {
    const a = rule(
      check(60, [med(WARFARIN), lab('6301-6', 3.4, '{INR}')], ['rxnorm:10180']),
      'vx-warfarin-inr-raisers',
    );
    expect(a?.tier).toBe('interruptive');
    expect(a?.reasons.join(' ')).toMatch(/INR 3.4/);
  });
});

describe('previously tolerated combinations', () => {
  it('re-ordering a drug taken with the other for 28 days lowers an interruption to information; 27 days does not', () => {
    const pair = (days: number): string | undefined =>
      rule(
        check(
          50,
          [med('3407', { startedDaysAgo: 200 }), med('703', { startedDaysAgo: 100, stoppedDaysAgo: 100 - days })],
          ['rxnorm:703'],
        ),
        'vx-digoxin-amiodarone',
      )?.tier;
    expect(pair(28)).toBe('informational');
    expect(pair(27)).toBe('interruptive');
  });
  it('a hard stop is never lowered by tolerance', () => {
    const a = rule(
      check(40, [med('8123', { startedDaysAgo: 300 }), med('36437', { startedDaysAgo: 300 })]),
      'onc-hp-8',
    );
    expect(a?.tier).toBe('hard-stop');
  });
});

describe('allergies and duplicates', () => {
  it('same ingredient as an allergy interrupts; anaphylaxis makes it a hard stop', () => {
    expect(rule(check(40, [allergy('723', 'amoxicillin')], ['rxnorm:723']), 'allergy-same-ingredient')?.tier).toBe(
      'interruptive',
    );
    expect(
      rule(check(40, [allergy('723', 'amoxicillin', true)], ['rxnorm:723']), 'allergy-same-ingredient')?.tier,
    ).toBe('hard-stop');
  });
  it('penicillin allergy: another penicillin interrupts, a cephalosporin informs (interrupts after anaphylaxis)', () => {
    expect(rule(check(40, [allergy('723', 'amoxicillin')], ['rxnorm:733']), 'allergy-penicillin-class')?.tier).toBe(
      'interruptive',
    );
    expect(
      rule(check(40, [allergy('723', 'amoxicillin')], ['rxnorm:2193']), 'allergy-penicillin-cephalosporin')?.tier,
    ).toBe('informational');
    expect(
      rule(check(40, [allergy('723', 'amoxicillin', true)], ['rxnorm:2193']), 'allergy-penicillin-cephalosporin')?.tier,
    ).toBe('interruptive');
  });
  it('a sulfonamide antibiotic allergy does not flag furosemide', () => {
    expect(
      check(40, [allergy('10180', 'sulfamethoxazole')], ['rxnorm:4603']).filter((a) => a.category === 'allergy'),
    ).toEqual([]);
  });
  it('the same ingredient ordered twice interrupts; two drugs of one class inform', () => {
    expect(
      rule(
        check(40, [med('7646', { text: 'omeprazole 20 MG Delayed Release Oral Capsule' })], ['rxnorm:7646']),
        'duplicate-ingredient',
      )?.tier,
    ).toBe('interruptive');
    expect(rule(check(40, [med('7646')], ['rxnorm:40790']), 'duplicate-class-ppi')?.tier).toBe('informational');
    // The same product as an active order looks like a renewal: informational.
    expect(
      rule(
        check(40, [med('197806', { text: 'ibuprofen 600 MG Oral Tablet' })], ['rxnorm:197806']),
        'duplicate-ingredient',
      )?.tier,
    ).toBe('informational');
    expect(
      rule(
        check(40, [med('197805', { text: 'ibuprofen 400 MG Oral Tablet' })], ['rxnorm:197806']),
        'duplicate-ingredient',
      )?.tier,
    ).toBe('interruptive');
  });
  it('unknown order codes are reported, not silently dropped', () => {
    const { orders, unresolved } = ordersFromCodes(['rxnorm:999999999'], NOW_ISO);
    const result = checkMedications({ context: chart(patient(40), [weight(70)]), orders, unresolved, now: NOW_ISO });
    expect(result.unresolved).toEqual(['rxnorm:999999999']);
    expect(() => ordersFromCodes(['aspirin'], NOW_ISO)).toThrow(/rxnorm:CODE/);
  });
});
