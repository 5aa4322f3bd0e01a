import { constructPatients, repairPatients } from './construct.js';
import { explainIhtcInfeasibility } from './explain.js';
import { buildIhtcModel, type IhtcModel } from './model.js';
import { NurseState } from './nurse-state.js';
import { PatientState } from './patient-state.js';
import { mulberry32 } from './rng.js';
import type { IhtcInstance, IhtcSolution } from './schema.js';
import { constructNurses } from './search.js';
import { annealJoint, fillEmptyCells, jointCost } from './joint.js';
import { evaluateIhtcSolution, type IhtcEvaluation } from './validate.js';

export interface IhtcSolveOptions {
  timeLimitSeconds: number;
  seed?: number;
  signal?: AbortSignal;
  /** Polled inside the search loops (a worker's shared stop flag, which a blocked event loop cannot deliver). */
  isCancelled?: () => boolean;
  onProgress?: (progress: { phase: string; cost: number; seconds: number }) => void;
}

export interface IhtcSolveResult {
  instance: string;
  /** Hard violations found by the independent validator (0 = feasible). */
  violations: number;
  cost: number;
  seconds: number;
  evaluation: IhtcEvaluation;
  solution: IhtcSolution;
  /** Plain-language reasons when the result is infeasible. */
  explanation: string[];
}

/** Writes the search state in the competition's solution format (nurses only on occupied room-shifts). */
export function toSolution(m: IhtcModel, patients: PatientState, nurses: NurseState): IhtcSolution {
  const solution: IhtcSolution = { patients: [], nurses: [] };
  for (let p = 0; p < m.patients; p++) {
    const day = patients.day[p] ?? -1;
    const id = m.ids.stays[m.occupants + p] ?? '';
    solution.patients.push(
      day < 0
        ? { id, admission_day: 'none' }
        : {
            id,
            admission_day: day,
            room: m.ids.rooms[patients.room[p] ?? 0] ?? '',
            operating_theater: m.ids.theaters[patients.theater[p] ?? 0] ?? '',
          },
    );
  }
  for (let n = 0; n < m.nurses; n++) {
    const assignments: IhtcSolution['nurses'][number]['assignments'] = [];
    for (let d = 0; d < m.days; d++) {
      for (let s = 0; s < m.shifts; s++) {
        if ((m.maxLoad[(n * m.days + d) * m.shifts + s] ?? -1) < 0) continue;
        const rooms: string[] = [];
        for (let r = 0; r < m.rooms; r++) {
          const cell = (r * m.days + d) * m.shifts + s;
          if (nurses.nurseOf[cell] === n && nurses.occupied(cell)) rooms.push(m.ids.rooms[r] ?? '');
        }
        assignments.push({ day: d, shift: m.ids.shifts[s] ?? '', rooms });
      }
    }
    solution.nurses.push({ id: m.ids.nurses[n] ?? '', assignments });
  }
  return solution;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Solves an IHTC instance: greedy construction and a repair of hard violations, simulated annealing on the patient plan
 * (admission day, room, theatre; with swaps and fitting relocations), then a joint annealing of patients and nurses in
 * which every move is priced exactly against the nurses of the room-shifts it touches. The result is checked by the
 * independent validator; its cost and violations are the validator's.
 */
export async function solveIhtc(
  instance: IhtcInstance,
  name: string,
  options: IhtcSolveOptions,
): Promise<IhtcSolveResult> {
  const started = Date.now();
  const budget = options.timeLimitSeconds * 1000;
  const rand = mulberry32(options.seed ?? 1);
  const m = buildIhtcModel(instance);
  const shouldStop = (): boolean => options.signal?.aborted === true || options.isCancelled?.() === true;
  const report = (phase: string, cost: number): void =>
    options.onProgress?.({ phase, cost, seconds: (Date.now() - started) / 1000 });

  const patients = new PatientState(m);
  constructPatients(patients);
  repairPatients(patients, { deadline: started + budget * 0.1, shouldStop });
  report('construct', patients.cost);
  await tick();
  const patientDeadline = started + budget * 0.2;
  const slices = 10;
  for (let i = 1; i <= slices && !shouldStop(); i++) {
    const sliceEnd = started + ((patientDeadline - started) * i) / slices;
    const t0 = 400 * Math.pow(1 / 400, (i - 1) / slices);
    const t1 = 400 * Math.pow(1 / 400, i / slices);
    annealJoint({ patients }, { deadline: sliceEnd, t0, t1, rand, shouldStop });
    report('patients', patients.cost);
    await tick();
  }
  // Still infeasible: keep annealing the patient plan (reheated) for up to half the budget.
  const hasViolation = (): boolean => Array.from({ length: m.patients }, (_, p) => p).some((p) => patients.inViolation(p));
  for (let i = 0; hasViolation() && !shouldStop() && Date.now() < started + budget * 0.5; i++) {
    const sliceEnd = Math.min(started + budget * 0.5, Date.now() + budget * 0.05);
    annealJoint({ patients }, { deadline: sliceEnd, t0: i % 2 === 0 ? 400 : 50, t1: 2, rand, shouldStop });
    report('patients', patients.cost);
    await tick();
  }
  const nurses = new NurseState(m, { room: patients.room, day: patients.day });
  constructNurses(nurses);
  fillEmptyCells(nurses);
  const joint = { patients, nurses };
  report('nurses', jointCost(joint));
  await tick();
  const end = started + budget * 0.97;
  const jointStart = Date.now();
  const jointSlices = 40;
  for (let i = 1; i <= jointSlices && !shouldStop(); i++) {
    const sliceEnd = jointStart + ((end - jointStart) * i) / jointSlices;
    const t0 = 60 * Math.pow(1 / 120, (i - 1) / jointSlices);
    const t1 = 60 * Math.pow(1 / 120, i / jointSlices);
    annealJoint(joint, { deadline: sliceEnd, t0, t1, rand, shouldStop });
    report('joint', jointCost(joint));
    await tick();
  }
  const solution = toSolution(m, patients, nurses);
  const evaluation = evaluateIhtcSolution(instance, solution);
  return {
    instance: name,
    violations: evaluation.violations,
    cost: evaluation.cost,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    evaluation,
    solution,
    explanation: evaluation.violations > 0 ? explainIhtcInfeasibility(instance, evaluation) : [],
  };
}
