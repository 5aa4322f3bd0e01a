import { describe, expect, it } from 'vitest';
import { RecognitionResultSchema, type DdxResult } from '../../ddx/contract.js';
import { defaultDdxEngine } from '../../ddx/index.js';
import { buildGroundingIndex, factsFromDdx, summaryFacts, verifyGrounding } from '../grounding/index.js';
import { demoContexts } from '../test-support/demo-contexts.js';
import { templateDdxExplanation } from './ddx-explanation.js';
import { extractionSchema, toRecognitionResult } from './extraction.js';
import { templateLetter } from './letter.js';
import { summaryPrompt } from './summary.js';
import { readability } from './readability.js';

describe('readability', () => {
  it('scores plain English low and dense clinical prose high (Flesch–Kincaid grade)', () => {
    const plain = readability('You have a weak heart. Take one pill each day. Call us if you feel sick.', 'en');
    const dense = readability(
      'Echocardiographic evaluation demonstrated significantly diminished left ventricular systolic function, necessitating pharmacological optimisation with angiotensin-converting enzyme inhibition.',
      'en',
    );
    expect(plain.measure).toBe('flesch-kincaid-grade');
    expect(plain.grade).toBeLessThan(4);
    expect(dense.grade).toBeGreaterThan(14);
  });

  it('uses a language-specific reading ease outside English', () => {
    expect(readability('Vous avez un cœur faible. Prenez un comprimé par jour.', 'fr').measure).toBe('kandel-moles');
    expect(readability('Sie haben ein schwaches Herz.', 'de').measure).toBe('amstad');
    expect(readability('Usted tiene el corazón débil.', 'es').grade).toBeLessThan(8);
  });
});

describe('patient letter template', () => {
  it('writes the labelled letter in the chosen language from the record', () => {
    const [ctx] = demoContexts(2);
    if (!ctx) throw new Error('no context');
    const letter = templateLetter(summaryFacts(ctx), 'es');
    expect(letter.title).toBe('Su historia clínica');
    expect(letter.paragraphs.join(' ')).toMatch(/Sus medicamentos son/);
  });
});

describe('extraction output', () => {
  const text = 'Pt is a 61 yo male with chest pain. Denies fever. Mother had diabetes.';

  it('anchors findings to text spans and drops findings whose evidence is not in the note', () => {
    const { result, dropped } = toRecognitionResult(text, {
      findings: [
        { id: 'chest-pain', label: 'chest pain', present: true, temporality: 'current', evidence: 'chest pain' },
        { id: 'Fever', label: 'fever', present: false, temporality: 'current', evidence: 'denies fever' },
        { id: 'diabetes', label: 'diabetes', present: true, temporality: 'family', evidence: 'Mother had diabetes' },
        { id: 'stroke', label: 'stroke', present: true, temporality: 'past', evidence: 'old stroke' },
      ],
      age: 61,
      sex: 'male',
    });
    expect(dropped).toBe(1);
    expect(RecognitionResultSchema.parse(result)).toEqual(result);
    expect(result.findings.map((f) => [f.id, f.present, f.temporality])).toEqual([
      ['chest-pain', true, 'current'],
      ['fever', false, 'current'],
      ['diabetes', true, 'family'],
    ]);
    const span = result.findings[1]?.source;
    expect(span?.kind === 'text' && text.slice(span.start, span.end)).toBe('Denies fever');
  });

  it('restricts finding ids to a vocabulary', () => {
    const schema = extractionSchema([{ id: 'chest-pain', label: 'Chest pain' }]);
    const bad = {
      findings: [{ id: 'x', label: 'x', present: true, temporality: 'current', evidence: 'x' }],
      age: null,
      sex: null,
    };
    expect(schema.safeParse(bad).success).toBe(false);
  });
});

describe('differential explanation template', () => {
  const result: DdxResult = {
    findings: [
      { id: 'fever', label: 'Fever', present: true, source: { kind: 'user' } },
      { id: 'neck-stiffness', label: 'Neck stiffness', present: true, source: { kind: 'user' } },
      { id: 'rash', label: 'Rash', present: false, source: { kind: 'user' } },
    ],
    differential: [
      {
        condition: 'bacterial-meningitis',
        name: 'Bacterial meningitis',
        icd10: ['G00.9'],
        snomed: '95883001',
        probability: 0.62,
        group: 'cant-miss',
        for: [
          { finding: 'fever', label: 'Fever', weight: 2 },
          { finding: 'neck-stiffness', label: 'Neck stiffness', weight: 3 },
        ],
        against: [{ finding: 'rash', label: 'Rash', weight: -0.5 }],
        unexplained: [],
      },
      {
        condition: 'viral-meningitis',
        name: 'Viral meningitis',
        icd10: ['A87.9'],
        snomed: '58170007',
        probability: 0.21,
        group: 'common',
        for: [],
        against: [],
        unexplained: [],
      },
    ],
    nextBest: [],
    knowledgeVersion: '1.0.0+test',
  };

  it('cites conditions and findings and passes verification; a wrong probability is caught', () => {
    const index = buildGroundingIndex(factsFromDdx(result));
    const text = templateDdxExplanation(result);
    expect(verifyGrounding(text.sentences, index).verified).toBe(true);
    const wrong = text.sentences.map((s, i) => (i === 0 ? { ...s, text: s.text.replace('62 %', '82 %') } : s));
    const report = verifyGrounding(wrong, index);
    expect(report.sentences[0]?.status).toBe('contradicted');
  });
});

describe('summary prompt', () => {
  it('shows facts by id without the patient name, and fits a small context by leaving out low-priority facts', () => {
    const ctxs = demoContexts(7);
    const ctx = ctxs.find((c) => c.patient.id === 'showcase-warfarin-nsaid');
    if (!ctx) throw new Error('no context');
    const facts = summaryFacts(ctx);
    const full = summaryPrompt(facts);
    const user = full[1]?.content ?? '';
    expect(user).toMatch(/\[MedicationRequest\/[^\]]+\] medication: warfarin/);
    if (ctx.display.name) expect(user).not.toContain(ctx.display.name);
    const small = summaryPrompt(facts, 2500);
    const size = small.reduce((n, m) => n + m.content.length, 0);
    expect(size).toBeLessThan(2500);
    expect(small[1]?.content).toMatch(/\[Patient\//);
    expect((small[1]?.content.split('\n').length ?? 0) < user.split('\n').length).toBe(true);
  });
});

describe('differential explanation of the demo charts', () => {
  it('verifies the template explanation of the engine output for every demo patient', () => {
    const engine = defaultDdxEngine();
    for (const ctx of demoContexts(7)) {
      const result = engine.diagnoseContext(ctx);
      const report = verifyGrounding(
        templateDdxExplanation(result).sentences,
        buildGroundingIndex(factsFromDdx(result)),
      );
      expect(
        report.sentences.filter((s) => s.status !== 'supported'),
        ctx.patient.id,
      ).toEqual([]);
    }
  });
});
