// Solve-job worker: runs one roster or IHTC solve off the server's event loop and reports progress.
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../core/errors.js';
import { parseIhtcInstance, solveIhtc } from '../ihtc/index.js';
import { parseRosterProblem, solveRoster } from '../roster/index.js';
import type { SolveJobMessage, SolveJobRequest } from './protocol.js';

const request = workerData as SolveJobRequest;
const stop = new Int32Array(request.stopFlag);
const abort = new AbortController();
const post = (message: SolveJobMessage): void => {
  parentPort?.postMessage(message);
};
const poll = setInterval(() => {
  if (Atomics.load(stop, 0) === 1) abort.abort();
}, 100);

async function run(): Promise<unknown> {
  if (request.kind === 'ihtc') {
    const result = await solveIhtc(parseIhtcInstance(request.problem), request.name, {
      timeLimitSeconds: request.timeLimitSeconds,
      signal: abort.signal,
      isCancelled: () => Atomics.load(stop, 0) === 1,
      onProgress: (p) => {
        post({ type: 'progress', phase: p.phase, objective: Math.round(p.cost), seconds: p.seconds });
      },
    });
    return result;
  }
  const problem = parseRosterProblem(request.problem, request.name);
  const result = await solveRoster(problem, {
    timeLimitSeconds: request.timeLimitSeconds,
    signal: abort.signal,
    onProgress: (p) => {
      post({ type: 'progress', phase: p.phase, objective: p.objective ?? null, seconds: p.seconds });
    },
  });
  // The roster grid is indexed by problem order: name the rows, columns and shifts for the workspace.
  return {
    ...result,
    employees: problem.employees.map((e) => e.id),
    horizonDays: problem.horizonDays,
    shifts: problem.shifts.map((sh) => ({ id: sh.id, minutes: sh.minutes })),
  };
}

run()
  .then(
    (result) => {
      post({ type: 'done', result });
    },
    (err: unknown) => {
      post({
        type: 'error',
        code: isAppError(err) ? err.code : 'VITALIS_INTERNAL',
        message: isAppError(err) ? err.message : 'The solver failed unexpectedly',
      });
    },
  )
  .finally(() => {
    clearInterval(poll);
  });
