export { SolveJobService, type SolveJobView } from './job-service.js';
export type { SolveKind } from './protocol.js';
export { runSolveJob, type SolveJobOptions } from './run-job.js';
