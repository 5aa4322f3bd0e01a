import { describe, expect, it } from 'vitest';
import { DdxEngine } from '../engine.js';
import { TINY_SOURCES } from '../kb/test-fixtures/tiny-kb.js';
import { runVignetteBench } from './vignette-bench.js';

describe('vignette bench', () => {
  it('scores top-1/3/10 by ICD-10 category or name through the free-text path', () => {
    const engine = DdxEngine.fromSources(TINY_SOURCES);
    const report = runVignetteBench(
      engine,
      [
        { text: 'Pleuritic chest pain after a long-haul flight, tachycardic.', diagnosis: 'PE' },
        { text: 'Fever and productive cough for three days.', diagnosis: 'Pneumonia' },
        { text: 'Itchy rash.', diagnosis: 'Eczema' },
      ],
      {
        dataset: 'tiny',
        gold: [
          { diagnosis: 'PE', icd10: ['I26'], names: [] },
          { diagnosis: 'Pneumonia', icd10: [], names: ['pneumonia'] },
          { diagnosis: 'Eczema', icd10: ['L20'], names: ['eczema'] },
        ],
      },
    );
    expect(report).toMatchObject({ dataset: 'tiny', cases: 3, top1: 0.6667, top3: 0.6667, top10: 0.6667 });
    expect(report.details.map((d) => d.rank)).toEqual([1, 1, null]);
  });
});
