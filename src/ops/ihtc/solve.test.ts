import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIhtcInstance } from './parse.js';
import { solveIhtc } from './solve.js';
import { IHTC_DIR, ihtcDataMissing, publicInstanceText } from './test-support.js';
import { evaluateIhtcSolution } from './validate.js';

const missing = ihtcDataMissing();

describe.skipIf(missing !== null)('IHTC solver', () => {
  it('solves the toy instance without violations, and the validator agrees with the reported cost', async () => {
    const instance = parseIhtcInstance(readFileSync(`${IHTC_DIR}toy.json`, 'utf8'));
    const result = await solveIhtc(instance, 'toy', { timeLimitSeconds: 1, seed: 3 });
    expect(result.violations).toBe(0);
    expect(evaluateIhtcSolution(instance, result.solution).cost).toBe(result.cost);
    expect(
      result.solution.patients
        .filter((p) => instance.patients.find((q) => q.id === p.id)?.mandatory)
        .every((p) => p.admission_day !== 'none'),
    ).toBe(true);
    expect(result.explanation).toEqual([]);
  });

  it('finds a feasible plan for public instance i01 and reports progress', async () => {
    const phases = new Set<string>();
    const result = await solveIhtc(parseIhtcInstance(publicInstanceText('i01')), 'i01', {
      timeLimitSeconds: 4,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(result.violations).toBe(0);
    expect(result.cost).toBeGreaterThan(0);
    expect([...phases]).toEqual(expect.arrayContaining(['construct', 'patients', 'nurses']));
  });

  it('stops on cancellation and still returns a checked plan', async () => {
    const abort = new AbortController();
    abort.abort();
    const result = await solveIhtc(parseIhtcInstance(publicInstanceText('i02')), 'i02', {
      timeLimitSeconds: 600,
      signal: abort.signal,
    });
    expect(result.seconds).toBeLessThan(600);
    expect(result.evaluation.cost).toBe(result.cost);
  });

  it('explains a plan that cannot be feasible: a mandatory patient whose surgeon has no time in its window', async () => {
    const instance = parseIhtcInstance(readFileSync(`${IHTC_DIR}toy.json`, 'utf8'));
    const mandatory = instance.patients.find((p) => p.mandatory)!;
    const surgeon = instance.surgeons.find((s) => s.id === mandatory.surgeon_id)!;
    surgeon.max_surgery_time = surgeon.max_surgery_time.map(() => 0);
    const result = await solveIhtc(instance, 'toy-broken', { timeLimitSeconds: 1 });
    expect(result.violations).toBeGreaterThan(0);
    expect(result.explanation[0]).toContain(
      `mandatory patient ${mandatory.id} needs ${mandatory.surgery_duration} min of surgeon ${surgeon.id}`,
    );
  });
});
