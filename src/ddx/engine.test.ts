import { describe, expect, it } from 'vitest';
import { DdxResultSchema } from './contract.js';
import { DdxEngine } from './engine.js';
import { TINY_SOURCES } from './kb/test-fixtures/tiny-kb.js';

const engine = DdxEngine.fromSources(TINY_SOURCES);

describe('DdxEngine on the hand-made knowledge base', () => {
  it('puts PE first for the issue’s example and explains why, with next tests', () => {
    const result = engine.diagnoseText(
      '45 year old woman with pleuritic chest pain, tachycardia, recent long-haul flight, no fever',
    );
    expect(DdxResultSchema.parse(result)).toEqual(result);
    const top = result.differential[0];
    expect(top?.condition).toBe('pulmonary-embolism');
    expect(top?.group).toBe('cant-miss');
    expect(top?.for.map((f) => f.finding)).toEqual(
      expect.arrayContaining(['chest-pain-pleuritic', 'tachycardia', 'recent-long-travel']),
    );
    const pneumonia = result.differential.find((d) => d.condition === 'pneumonia');
    expect(pneumonia?.against.map((f) => f.finding)).toContain('fever');
    expect(result.nextBest.map((n) => n.finding)).toEqual(expect.arrayContaining(['d-dimer-elevated']));
    expect(result.findings.find((f) => f.id === 'fever')).toMatchObject({ present: false, source: { kind: 'text' } });
    const probabilities = result.differential.map((d) => d.probability);
    expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
  });

  it('leaves excluded conditions out and renormalizes the rest', () => {
    const text = 'Pleuritic chest pain, tachycardia, recent long-haul flight.';
    const result = engine.diagnoseText(text, { exclude: ['pulmonary-embolism'] });
    expect(result.differential.map((d) => d.condition)).not.toContain('pulmonary-embolism');
    expect(result.differential.reduce((sum, d) => sum + d.probability, 0)).toBeCloseTo(1, 3);
  });

  it('lowers a condition when its rule-out finding is absent', () => {
    const before = engine.diagnoseText('Chest pain and shortness of breath.');
    const after = engine.diagnoseText('Chest pain and shortness of breath. Troponin normal, elevated troponin absent.');
    const p = (r: typeof before): number =>
      r.differential.find((d) => d.condition === 'myocardial-infarction')?.probability ?? 0;
    expect(p(after)).toBeLessThan(p(before));
  });

  it('uses family history only through family-history findings, and caller demographics over the text', () => {
    const result = engine.diagnoseText('Mother had diabetes. Family history of diabetes. Polyuria.', {
      age: 50,
      sex: 'male',
    });
    expect(result.findings.map((f) => f.id).sort()).toEqual(['family-history-diabetes', 'polyuria']);
    expect(result.differential[0]?.condition).toBe('type-2-diabetes');
  });

  it('recognizes through another recognizer behind the port', async () => {
    const result = await engine.diagnoseTextWith(
      {
        id: 'scripted',
        recognize: () =>
          Promise.resolve({
            findings: [
              { id: 'cough', label: 'Cough', present: true, source: { kind: 'user' }, temporality: 'current' },
            ],
            demographics: { age: 30, sex: 'female' },
          }),
      },
      'ignored',
    );
    expect(result.differential[0]?.condition).toBe('pneumonia');
  });
});
