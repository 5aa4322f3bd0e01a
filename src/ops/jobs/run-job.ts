import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, ERROR_STATUS } from '../../core/errors.js';
import type { SolveJobMessage, SolveJobRequest, SolveKind } from './protocol.js';

export interface SolveJobOptions {
  kind: SolveKind;
  problem: string;
  name: string;
  timeLimitSeconds: number;
  signal?: AbortSignal;
  onProgress?: (progress: { phase: string; objective: number | null; seconds: number }) => void;
}

function workerUrl(): URL {
  return new URL(`./solve-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
}

/**
 * Runs one solve in a worker thread, so that long solves never block the caller's event loop. Cancellation asks the
 * worker for its best result; a worker that does not answer within 10 s after its time limit is terminated.
 */
export function runSolveJob(options: SolveJobOptions): Promise<unknown> {
  const stopFlag = new SharedArrayBuffer(4);
  const request: SolveJobRequest = {
    kind: options.kind,
    problem: options.problem,
    name: options.name,
    timeLimitSeconds: options.timeLimitSeconds,
    stopFlag,
  };
  const fromSource = import.meta.url.endsWith('.ts');
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), {
      workerData: request,
      ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
    });
    let settled = false;
    const stop = (): void => {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    const killer = setTimeout(() => void worker.terminate(), (options.timeLimitSeconds + 10) * 1000);
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(killer);
      options.signal?.removeEventListener('abort', stop);
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: SolveJobMessage) => {
      if (message.type === 'progress') options.onProgress?.(message);
      else if (message.type === 'done')
        finish(() => {
          resolve(message.result);
        });
      else {
        const code = (message.code in ERROR_STATUS ? message.code : 'VITALIS_INTERNAL') as ErrorCode;
        finish(() => {
          reject(new AppError(code, message.message));
        });
      }
    });
    worker.on('error', (err) => {
      finish(() => {
        reject(new AppError('VITALIS_INTERNAL', 'The solver worker failed', { cause: err }));
      });
    });
    worker.on('exit', () => {
      finish(() => {
        reject(new AppError('VITALIS_TIMEOUT', 'The solver did not finish within its time limit'));
      });
    });
  });
}
