import { describe, expect, it } from 'vitest';
import { CardDraftSchema } from '../cds/contract.js';
import { checkMedications, ordersFromCodes } from './check.js';
import { scoreAlertCards } from './score-alerts.js';
import { ANCHOR, demoContexts } from './test-support/demo.js';

const contexts = demoContexts();
const now = ANCHOR.toISOString();
function ctx(id: string): NonNullable<ReturnType<typeof contexts.get>> {
  const c = contexts.get(id);
  if (!c) {
    throw new Error(`no ${id}`);
  }
  return c;
}
function run(id: string, codes: string[] = []): ReturnType<typeof checkMedications> {
  return checkMedications({ context: ctx(id), orders: ordersFromCodes(codes, now).orders, now });
}

describe('showcase patients produce the right alerts', () => {
  it('warfarin patient (68, prior GI bleed): ordering ibuprofen warns, citing age, the bleed and the INR', () => {
    const a = run('showcase-warfarin-nsaid', ['rxnorm:197806']).alerts.find((x) => x.ruleId === 'pddi-warfarin-nsaid');
    expect(a?.tier).toBe('interruptive');
    expect(a?.reasons.join(' ')).toMatch(/age 68.*GI bleeding.*INR 3\.8/);
    expect(a?.evidence.map((e) => e.source).join(' ')).toMatch(/Condition\/showcase-warfarin-nsaid-.+Observation\//);
  });
  it('warfarin patient: topical diclofenac only informs', () => {
    const alerts = run('showcase-warfarin-nsaid', ['rxnorm:855633']).alerts;
    expect(alerts.find((x) => x.ruleId === 'pddi-warfarin-nsaid')?.tier).toBe('informational');
    expect(alerts.every((x) => x.tier === 'informational')).toBe(true);
  });
  it('CKD 4 patient: metformin is flagged for eGFR < 30 with stop and an alternative', () => {
    const result = run('showcase-ckd4-metformin');
    expect(result.renal.egfr).toBeLessThan(30);
    const a = result.alerts.find((x) => x.ruleId === 'renal-metformin');
    expect(a?.tier).toBe('interruptive');
    expect(a?.summary).toMatch(/eGFR 22/);
    expect(a?.suggestions.map((s) => s.action.kind)).toEqual(['cancel-order', 'replace']);
  });
  it('older patient: every potentially inappropriate drug is flagged, sedatives interrupt after her fall', () => {
    const alerts = run('showcase-beers-elderly').alerts.filter((a) => a.category === 'elderly');
    expect(alerts.map((a) => a.ruleId).sort()).toEqual([
      'pim-benzodiazepine',
      'pim-first-generation-antihistamine',
      'pim-long-acting-sulfonylurea',
      'pim-ppi-long-term',
      'pim-tricyclic-antidepressant',
      'pim-z-drug',
    ]);
    expect(alerts.find((a) => a.ruleId === 'pim-z-drug')?.tier).toBe('interruptive');
  });
  it('every alert names its rule, knowledge version and reference', () => {
    for (const id of contexts.keys()) {
      for (const a of run(id).alerts) {
        expect(a.ruleId).not.toBe('');
        expect(a.knowledgeVersion).toMatch(/^vitalis-meds-/);
        expect(a.reference.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('score alerts (patient-view)', () => {
  it('sepsis patient at the anchor: NEWS2 >= 5 with a single parameter 3, and qSOFA >= 2, citing observations', () => {
    const cards = scoreAlertCards(ctx('showcase-sepsis'));
    expect(cards.map((c) => c.kind)).toEqual(['score-news2-high', 'score-qsofa-positive']);
    expect(cards[0]?.indicator).toBe('critical');
    expect(cards[0]?.detail).toMatch(/Observation\/showcase-sepsis-/);
    cards.forEach((c) => {
      expect(CardDraftSchema.parse(c)).toEqual(c);
    });
  });
  it('atrial fibrillation without anticoagulant: CHA2DS2-VASc card; no card without AF', () => {
    expect(scoreAlertCards(ctx('showcase-afib-no-anticoagulation')).map((c) => c.kind)).toEqual([
      'score-cha2ds2-vasc-no-anticoagulant',
    ]);
    expect(scoreAlertCards(ctx('showcase-chest-pain-troponin'))).toEqual([]);
    expect(scoreAlertCards(ctx('showcase-pediatric-meningitis'))).toEqual([]);
  });
});
