export {
  checkRoster,
  dayLabel,
  type RosterBreakdown,
  type RosterCheck,
  type RosterConstraint,
  type RosterViolation,
} from './check.js';
export { precheckRoster, type PrecheckResult } from './explain.js';
export { formatRosterCsv, formatRosterTable } from './format.js';
export { parseRosterJson, parseRosterProblem } from './json-format.js';
export {
  rosterProblemSchema,
  type CoverRequirement,
  type Employee,
  type Roster,
  type RosterProblem,
  type RosterProblemInput,
  type ShiftRequest,
  type ShiftType,
} from './model.js';
export { parseRosterText } from './parse-txt.js';
export {
  solveRoster,
  type RosterProgress,
  type RosterSolveResult,
  type RosterStatus,
  type SolveRosterOptions,
} from './solve.js';
export { validateRosterProblem } from './validate.js';
export { rosterProblemFromFhir, rosterToFhir, WardConfigSchema, type WardConfig } from './fhir-map.js';
