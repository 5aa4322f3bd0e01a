import { describe, expect, it } from 'vitest';
import { constructPatients, repairPatients } from './construct.js';
import { annealJoint, fillEmptyCells, jointCost, jointMove } from './joint.js';
import { buildIhtcModel } from './model.js';
import { NurseState } from './nurse-state.js';
import { parseIhtcInstance } from './parse.js';
import { PatientState } from './patient-state.js';
import { mulberry32 } from './rng.js';
import { constructNurses } from './search.js';
import { toSolution } from './solve.js';
import { ihtcDataMissing, publicInstanceText } from './test-support.js';
import { evaluateIhtcSolution } from './validate.js';

const missing = ihtcDataMissing();

describe.skipIf(missing !== null)('IHTC joint patient-and-nurse search', () => {
  it('prices moves incrementally to exactly the cost the independent validator recomputes', () => {
    const instance = parseIhtcInstance(publicInstanceText('i01'));
    const m = buildIhtcModel(instance);
    const patients = new PatientState(m);
    constructPatients(patients);
    repairPatients(patients, { deadline: Date.now() + 60_000 });
    const nurses = new NurseState(m, { room: patients.room, day: patients.day });
    constructNurses(nurses);
    fillEmptyCells(nurses);
    const joint = { patients, nurses };
    const rand = mulberry32(7);
    annealJoint(joint, { deadline: Date.now() + 400, t0: 20, t1: 1, rand, shouldStop: () => false });
    const evaluation = evaluateIhtcSolution(instance, toSolution(m, patients, nurses));
    expect(evaluation.violations).toBe(0);
    expect(jointCost(joint)).toBe(evaluation.cost);

    // A feasible sequence of moves and their undo leaves the cost where it was.
    const before = jointCost(joint);
    let delta = 0;
    const undo: { p: number; day: number; room: number; theater: number }[] = [];
    for (let p = 0; p < 5; p++) {
      undo.push({ p, day: patients.day[p] ?? -1, room: patients.room[p] ?? -1, theater: patients.theater[p] ?? -1 });
      delta += jointMove(joint, { p, day: -1, room: -1, theater: -1 });
    }
    for (const u of undo.reverse()) delta += jointMove(joint, u);
    expect(delta).toBe(0);
    expect(jointCost(joint)).toBe(before);
  });
});
