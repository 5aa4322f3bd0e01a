import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIhtcInstance, parseIhtcSolution } from './parse.js';
import type { IhtcSolution } from './schema.js';
import { bestKnownCosts, IHTC_DIR, ihtcDataMissing, publicInstanceText, publicSolutionText } from './test-support.js';
import { evaluateIhtcSolution } from './validate.js';

const missing = ihtcDataMissing();
const names = Array.from({ length: 30 }, (_, i) => `i${String(i + 1).padStart(2, '0')}`);

describe.skipIf(missing !== null)('IHTC validator on the published solutions', () => {
  it.each(names)('%s: 0 violations and exactly the published best-known cost', (name) => {
    const instance = parseIhtcInstance(publicInstanceText(name));
    const result = evaluateIhtcSolution(instance, parseIhtcSolution(publicSolutionText(name)));
    expect(result.violations).toBe(0);
    expect(result.cost).toBe(bestKnownCosts().get(name));
  });
});

describe.skipIf(missing !== null)('IHTC validator on broken solutions (toy instance)', () => {
  const instance = (): ReturnType<typeof parseIhtcInstance> =>
    parseIhtcInstance(readFileSync(`${IHTC_DIR}toy.json`, 'utf8'));
  const solution = (): IhtcSolution => parseIhtcSolution(readFileSync(`${IHTC_DIR}toy_solution.json`, 'utf8'));

  it('finds the only flaw of the toy solution: p3 (gender B) shares room r2 with gender-A patients on days 4-6', () => {
    const result = evaluateIhtcSolution(instance(), solution());
    expect(result.byConstraint).toEqual({ 'gender-mix': 3 });
    expect(result.details.map((d) => d.message)).toEqual(
      [4, 5, 6].map((d) => `room r2 on day ${d} holds patients of different genders`),
    );
    const fixed = solution();
    fixed.patients = fixed.patients.map((p) => (p.id === 'p3' ? { ...p, room: 'r1' } : p));
    expect(evaluateIhtcSolution(instance(), fixed).violations).toBe(0);
  });

  it('flags a mandatory patient left out, and an optional one counts as unscheduled', () => {
    const s = solution();
    const mandatory = instance().patients.find((p) => p.mandatory)!;
    s.patients = s.patients.map((p) => (p.id === mandatory.id ? { id: p.id, admission_day: 'none' as const } : p));
    const result = evaluateIhtcSolution(instance(), s);
    expect(result.byConstraint['mandatory-unscheduled']).toBe(1);
    expect(result.details[0]?.message).toContain(mandatory.id);
  });

  it('flags an admission outside the window, an incompatible room, a gender mix and a full room', () => {
    const inst = instance();
    const p0 = inst.patients.find((p) => p.id === 'p0')!;
    const s = solution();
    s.patients = s.patients.map((p) =>
      p.id === 'p0' ? { ...p, admission_day: p0.surgery_release_day - 1, room: 'r1' } : p,
    );
    const result = evaluateIhtcSolution(inst, s);
    expect(result.byConstraint['admission-day']).toBe(1);
    expect(result.byConstraint['incompatible-room']).toBe(1);
    const crowded = solution();
    crowded.patients = crowded.patients.map((p) => ({
      ...p,
      admission_day: p.admission_day === 'none' ? 'none' : 4,
      room: 'r0',
    }));
    const many = evaluateIhtcSolution(inst, crowded);
    expect(many.byConstraint['room-capacity']).toBeGreaterThan(0);
    expect(many.byConstraint['gender-mix']).toBeGreaterThan(0);
  });

  it('flags theatre and surgeon overtime in minutes, and rooms left without a nurse', () => {
    const inst = instance();
    inst.operating_theaters[0]!.availability = inst.operating_theaters[0]!.availability.map(() => 60);
    inst.surgeons[0]!.max_surgery_time = inst.surgeons[0]!.max_surgery_time.map(() => 60);
    const result = evaluateIhtcSolution(inst, solution());
    expect(result.byConstraint['theater-overtime']).toBeGreaterThan(0);
    expect(result.byConstraint['surgeon-overtime']).toBe(result.byConstraint['theater-overtime']);
    const s = solution();
    s.nurses = s.nurses.map((n) => ({ ...n, assignments: n.assignments.map((a) => ({ ...a, rooms: [] })) }));
    expect(evaluateIhtcSolution(instance(), s).byConstraint['uncovered-room']).toBeGreaterThan(0);
  });

  it('refuses malformed input with the path of the problem', () => {
    expect(() => parseIhtcInstance('{"days": 0}')).toThrow(/days/);
    expect(() => parseIhtcSolution('not json')).toThrow(/not valid JSON/);
  });
});
