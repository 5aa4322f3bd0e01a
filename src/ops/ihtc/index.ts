export { parseIhtcInstance, parseIhtcSolution } from './parse.js';
export { IhtcInstanceSchema, IhtcSolutionSchema, type IhtcInstance, type IhtcSolution } from './schema.js';
export { solveIhtc, type IhtcSolveOptions, type IhtcSolveResult } from './solve.js';
export {
  evaluateIhtcSolution,
  HARD_CONSTRAINTS,
  SOFT_COSTS,
  type IhtcEvaluation,
  type IhtcViolation,
} from './validate.js';
export { zipEntries } from './zip-entries.js';
