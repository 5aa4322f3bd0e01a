import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_NAMES } from '../dictionaries/first-names.js';
import { LAST_NAMES } from '../dictionaries/last-names.js';
import { GEN_FAMILY, GEN_GIVEN } from './generator-lists.js';
import { Scorer, type BenchDoc } from './metrics.js';
import { generateNoteCorpus } from './note-corpus.js';
import { defaultSharedDataDir, runDeidBench } from './run.js';

const dataDir = defaultSharedDataDir();
const hasData = existsSync(join(dataDir, 'deid', 'asq-phi', 'asq_phi.dev.spans.jsonl'));
if (!hasData && process.env['CI'] === 'true') {
  throw new Error(`de-identification corpora missing under ${dataDir} (required in CI)`);
}

describe('scorer', () => {
  it('counts strict, relaxed and leak-free recall, precision and over-redaction', () => {
    const doc: BenchDoc = {
      id: 'd',
      text: 'Dr. Jane Roe saw him on 1/2/23 at Mercy Clinic.',
      gold: [
        { start: 0, end: 12, category: 'NAME' },
        { start: 24, end: 30, category: 'DATE' },
        { start: 34, end: 46, category: 'LOCATION' },
      ],
    };
    const s = new Scorer();
    s.add(doc, [
      { start: 4, end: 12, category: 'NAME', text: 'Jane Roe' },
      { start: 24, end: 30, category: 'DATE', text: '1/2/23' },
      { start: 34, end: 39, category: 'ORGANIZATION', text: 'Mercy' },
      { start: 13, end: 16, category: 'NAME', text: 'saw' },
    ]);
    s.add({ id: 'n', text: 'No PHI here.', gold: [], hardNegative: true }, [
      { start: 0, end: 2, category: 'NAME', text: 'No' },
    ]);
    const scores = s.scores();
    expect(scores['NAME']?.strict.recall).toBe(0);
    expect(scores['NAME']?.relaxed.recall).toBe(1);
    expect(scores['NAME']?.leakFreeRecall).toBe(1); // only the title is left
    expect(scores['NAME']?.relaxed.precision).toBe(0.3333);
    expect(scores['LOCATION']?.leakFreeRecall).toBe(1); // "Clinic" is a generic site word
    expect(scores['DATE']?.strict.recall).toBe(1);
    expect(s.overRedacted).toBe(1);
    expect(s.hardNegatives).toBe(1);
  });
});

describe('generated note corpus', () => {
  it('has 3-5 KB notes whose gold spans point at the inserted PHI', () => {
    const { notes, phiFree } = generateNoteCorpus({ notes: 20, seed: 3 });
    expect(notes).toHaveLength(20);
    expect(phiFree.length).toBeGreaterThan(0);
    for (const n of notes) {
      expect(n.text.length).toBeGreaterThan(2500);
      expect(n.text.length).toBeLessThan(6000);
      for (const g of n.gold) {
        expect(n.text.slice(g.start, g.end).trim()).not.toBe('');
      }
    }
  });

  it("uses name lists kept apart from the detector's dictionaries (a good share is not in them)", () => {
    const unseen = [...GEN_GIVEN, ...GEN_FAMILY].filter((n) => {
      const k = n.toLowerCase().replace(/['’]/g, '');
      return !FIRST_NAMES.has(k) && !LAST_NAMES.has(k);
    });
    expect(unseen.length / (GEN_GIVEN.length + GEN_FAMILY.length)).toBeGreaterThan(0.3);
  });
});

describe.skipIf(!hasData)('benchmark on the shared corpora', () => {
  it('reports every corpus with per-category scores, leaks, over-redaction and speed', async () => {
    const report = await runDeidBench({ dataDir, notes: 30, maxLeaks: 5 });
    expect(Object.keys(report.corpora)).toEqual([
      'asq-phi-dev',
      'presidio-synth-v2',
      'generated-notes',
      'demo-clinical-bodies-phi-free',
    ]);
    const asq = report.corpora['asq-phi-dev'];
    expect(asq?.docs).toBe(316);
    expect(asq?.overRedaction?.phiFreeDocs).toBe(60);
    expect(asq?.scores['NAME']?.gold).toBe(255);
    expect(report.speed.notes).toBe(30);
    expect(report.targets['p95 ms for 2 KB']).toBeDefined();
  });
});
