import { describe, expect, it } from 'vitest';
import { demoContexts } from '../test-support/demo-contexts.js';
import { prepareSummary } from '../tasks/summary.js';
import { templateSummary } from '../tasks/summary-template.js';
import type { GroundedText } from '../tasks/sentences.js';
import { buildGroundingIndex, sentencesFromText, verifyGrounding } from './verify.js';
import type { GroundingFact } from './facts.js';

const contexts = demoContexts(7);

type Plant = (s: GroundedText['sentences'][number]) => GroundedText['sentences'][number] | null;

/** Planted-error generators: each returns a wrong variant of a correct sentence, or null when it does not apply. */
const PLANTS: Record<string, Plant> = {
  'wrong value': (s) => {
    const m = /(?<![\w.\-/])(\d+(?:\.\d+)?)(?=\s*(?:mg|mmol|g\/|%|\/min|mm|Cel|kg|U\/L|10\*|umol|mL|\[|\w*\/))/.exec(
      s.text,
    );
    if (!m?.[1] || s.text.startsWith('Patient')) return null;
    const wrong = String(Math.round(Number(m[1]) * 1.37 + 3));
    return { ...s, text: s.text.replace(m[1], wrong) };
  },
  'wrong date': (s) => {
    const m = /(\d{4})-(\d{2})-(\d{2})/.exec(s.text);
    if (!m?.[1]) return null;
    return { ...s, text: s.text.replace(m[0], `${Number(m[1]) - 3}-${m[2]}-${m[3]}`) };
  },
  'non-existent citation': (s) => ({ ...s, citations: [...s.citations, 'Observation/does-not-exist'] }),
  'uncited claim': (s) => (s.citations.length > 0 ? { ...s, citations: [] } : null),
  'wrong drug': (s) =>
    s.text.startsWith('Active medications') ? { ...s, text: s.text.replace(/: /, ': amiodarone 200 mg; ') } : null,
  'wrong unit': (s) => {
    const m = /(\d+(?:\.\d+)?) (mg\/dL|mmol\/L|g\/dL|mm\[Hg\]|\/min|%|Cel|kg)/.exec(s.text);
    if (!m) return null;
    const other = m[2] === 'mmol/L' ? 'mg/dL' : 'mmol/L';
    return { ...s, text: s.text.replace(m[0], `${m[1]} ${other}`) };
  },
  'swapped citation': (s) => (s.text.startsWith('Latest') ? { ...s, citations: s.citations.slice(1) } : null),
};

describe('grounding verifier on demo patients', () => {
  it('passes every sentence of the deterministic template summary (correct outputs)', () => {
    for (const ctx of contexts) {
      const prepared = prepareSummary(ctx);
      const report = prepared.verify(templateSummary(prepared.facts));
      const failing = report.sentences.filter((s) => s.status !== 'supported');
      expect(failing, ctx.patient.id).toEqual([]);
      expect(report.verified).toBe(true);
      expect(report.score).toBe(1);
    }
  });

  it('catches 100 % of planted wrong values, units, dates, drugs, non-existent citations and uncited claims', () => {
    const tally: Record<string, { planted: number; caught: number }> = {};
    for (const ctx of contexts) {
      const prepared = prepareSummary(ctx);
      const correct = templateSummary(prepared.facts);
      for (const [name, plant] of Object.entries(PLANTS)) {
        correct.sentences.forEach((s, i) => {
          const wrong = plant(s);
          if (wrong === null) return;
          const sentences = correct.sentences.map((x, j) => (j === i ? wrong : x));
          const report = prepared.verify({ sentences });
          const t = (tally[name] ??= { planted: 0, caught: 0 });
          t.planted += 1;
          const caught = report.sentences[i]?.status !== 'supported' && !report.verified;
          if (caught) t.caught += 1;
          else expect.soft(wrong.text, `${name} not caught (${ctx.patient.id})`).toBe('caught');
        });
      }
    }
    for (const [name, t] of Object.entries(tally)) {
      expect(t.planted, name).toBeGreaterThan(0);
      expect(t.caught, name).toBe(t.planted);
    }
  });
});

describe('grounding verifier on free-form, model-style sentences (showcase-warfarin-nsaid)', () => {
  const ctx = contexts.find((c) => c.patient.id === 'showcase-warfarin-nsaid');
  if (!ctx) throw new Error('showcase patient missing');
  const prepared = prepareSummary(ctx);
  const f = prepared.facts;
  const all = [...f.labs, ...f.vitals, ...f.medications, ...f.activeProblems, ...f.pastProblems, ...f.allergies];
  const id = (label: string): string => {
    const found = all.find((x) => x.label.toLowerCase().includes(label.toLowerCase()));
    if (!found) throw new Error(`no fact ${label}`);
    return found.id;
  };

  it('accepts paraphrased correct sentences (units written differently, dates in words, drug classes)', () => {
    const sentences = [
      {
        text: '68-year-old man on warfarin 5 mg daily for deep venous thrombosis since April 2024.',
        citations: [id('warfarin'), id('Deep venous')],
      },
      { text: 'His INR is 3.8, above the therapeutic range, on 29 May 2026.', citations: [id('INR')] },
      {
        text: 'He also takes naproxen 220 mg, an NSAID that raises bleeding risk with warfarin.',
        citations: [id('naproxen'), id('warfarin')],
      },
      {
        text: 'Blood pressure was 128/78 mmHg with a heart rate of 84 bpm.',
        citations: [id('Systolic'), id('Diastolic'), id('Heart rate')],
      },
      { text: 'Hemoglobin is 11.3 g/dL and creatinine 1.2 mg/dL.', citations: [id('Hgb'), id('Creatinine')] },
      { text: 'Temperature 36.7°C, SpO2 98%.', citations: [id('temperature'), id('SpO2')] },
      { text: 'He is allergic to codeine.', citations: [id('codeine')] },
    ];
    const report = prepared.verify({ sentences });
    expect(report.sentences.filter((r) => r.status !== 'supported')).toEqual([]);
  });

  it('catches the same sentences with a wrong INR, dose, side of the unit or drug', () => {
    const wrong = [
      { text: 'His INR is 2.4 on 29 May 2026.', citations: [id('INR')] },
      { text: 'He takes warfarin 10 mg daily.', citations: [id('warfarin')] },
      { text: 'Creatinine 1.2 mmol/L.', citations: [id('Creatinine')] },
      { text: 'He also takes ibuprofen.', citations: [id('naproxen')] },
      { text: 'His INR is 3.8 on 29 May 2025.', citations: [id('INR')] },
    ];
    const report = prepared.verify({ sentences: wrong });
    expect(report.sentences.map((r) => r.status)).toEqual(Array.from({ length: wrong.length }, () => 'contradicted'));
  });
});

function fact(partial: Partial<GroundingFact> & { id: string }): GroundingFact {
  return {
    source: `${partial.id}/_history/1`,
    kind: 'problem',
    label: partial.id,
    line: partial.id,
    numbers: [],
    quantity: null,
    dates: [],
    laterality: [],
    drugs: [],
    terms: [],
    ...partial,
  };
}

describe('grounding verifier on crafted facts', () => {
  const facts = [
    fact({
      id: 'Condition/hip',
      label: 'Fracture of left femur',
      laterality: ['left'],
      dates: ['2024-03-02'],
      terms: ['fracture', 'femur'],
    }),
    fact({
      id: 'Observation/k',
      kind: 'lab',
      label: 'Potassium',
      numbers: [{ value: 5.9, unit: 'mmol/l' }],
      dates: ['2024-03-03'],
      terms: ['potassium'],
    }),
    fact({
      id: 'MedicationRequest/w',
      kind: 'medication',
      label: 'warfarin 5 MG Oral Tablet',
      drugs: ['warfarin'],
      numbers: [{ value: 5, unit: null }],
      terms: ['warfarin'],
    }),
  ];
  const index = buildGroundingIndex(facts);
  const check = (text: string): string =>
    verifyGrounding(sentencesFromText(text), index).sentences[0]?.status ?? 'none';

  it('accepts correct sentences with inline citations, dates in words and rounded values', () => {
    expect(check('Fracture of the left femur on 2 March 2024 [Condition/hip].')).toBe('supported');
    expect(check('Potassium was 5.9 mmol/L on March 3, 2024 [Observation/k].')).toBe('supported');
    expect(check('She takes warfarin 5 mg [MedicationRequest/w].')).toBe('supported');
  });

  it('flags laterality, value, unit, date, drug and citation errors', () => {
    expect(check('Fracture of the right femur [Condition/hip].')).toBe('contradicted');
    expect(check('Potassium was 4.1 mmol/L [Observation/k].')).toBe('contradicted');
    expect(check('Potassium was 5.9 mg/dL [Observation/k].')).toBe('contradicted');
    expect(check('Potassium was 5.9 mmol/L on 2023-03-03 [Observation/k].')).toBe('contradicted');
    expect(check('She takes apixaban [MedicationRequest/w].')).toBe('contradicted');
    expect(check('Potassium was 5.9 mmol/L [Observation/nope].')).toBe('unsupported');
    expect(check('Potassium was 5.9 mmol/L.')).toBe('unsupported');
    expect(check('Fracture of the left femur [Observation/k].')).not.toBe('supported');
  });

  it('never verifies an uncited sentence, even without clinical content, nor an empty summary', () => {
    const report = verifyGrounding([{ text: 'Summary follows.', citations: [] }], index);
    expect(report.sentences[0]?.status).toBe('unsupported');
    expect(report.verified).toBe(false);
    expect(verifyGrounding([], index).verified).toBe(false);
  });
});
