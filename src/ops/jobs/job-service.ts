import type { Task } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { FhirRepository } from '../../fhir/repository.js';
import type { SolveKind } from './protocol.js';
import { runSolveJob } from './run-job.js';

/** The public view of a solve job, as `GET /api/ops/{kind}/{id}` returns it. */
export interface SolveJobView {
  id: string;
  kind: SolveKind;
  name: string;
  status: 'running' | 'completed' | 'failed' | 'cancelled';
  progress: { phase: string; objective: number | null; seconds: number } | null;
  submitted: string;
  result: unknown;
  error: string | null;
}

const KIND_SYSTEM = 'https://vitalis.example.org/fhir/CodeSystem/ops-job';
const STATUS: Record<SolveJobView['status'], Task['status']> = {
  running: 'in-progress',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

function viewOf(task: Task): SolveJobView {
  const kind = (task.code?.coding?.find((c) => c.system === KIND_SYSTEM)?.code ?? 'roster') as SolveKind;
  const output = (label: string): string | undefined => task.output?.find((o) => o.type.text === label)?.valueString;
  const status = (Object.entries(STATUS).find(([, s]) => s === task.status)?.[0] ?? 'failed') as SolveJobView['status'];
  const progress = output('progress');
  const result = output('result');
  return {
    id: task.id ?? '',
    kind,
    name: task.description ?? '',
    status,
    progress: progress ? (JSON.parse(progress) as SolveJobView['progress']) : null,
    submitted: task.authoredOn ?? '',
    result: result ? (JSON.parse(result) as unknown) : null,
    error: output('error') ?? null,
  };
}

/**
 * Solve jobs (rosters, IHTC plans) recorded as FHIR Tasks in the store, so that any replica can report them; the solve
 * itself runs in a worker thread of the replica that accepted it (cancellation reaches that replica only).
 */
export class SolveJobService {
  private readonly running = new Map<string, AbortController>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly repo: FhirRepository,
    private readonly logger: Logger,
  ) {}

  /** Starts a solve and returns its job at once (status running). */
  async submit(input: {
    kind: SolveKind;
    problem: string;
    name: string;
    timeLimitSeconds: number;
  }): Promise<SolveJobView> {
    const { resource: task } = await this.repo.create<Task>({
      resourceType: 'Task',
      status: 'in-progress',
      intent: 'order',
      code: { coding: [{ system: KIND_SYSTEM, code: input.kind }], text: `${input.kind} solve` },
      description: input.name,
      authoredOn: new Date().toISOString(),
      input: [{ type: { text: 'time-limit-seconds' }, valueDecimal: input.timeLimitSeconds }],
    });
    const id = task.id ?? '';
    const abort = new AbortController();
    this.running.set(id, abort);
    let lastWrite = 0;
    let latest = task;
    // Writes are chained so that a late progress update can never overwrite the final state.
    let writes: Promise<void> = Promise.resolve();
    const save = (changes: Partial<Task>): Promise<void> => {
      writes = writes.then(async () => {
        latest = (await this.repo.update<Task>({ ...latest, ...changes, lastModified: new Date().toISOString() }))
          .resource;
      });
      return writes;
    };
    const work = runSolveJob({
      ...input,
      signal: abort.signal,
      onProgress: (progress) => {
        if (Date.now() - lastWrite < 2000) return;
        lastWrite = Date.now();
        void save({ output: [{ type: { text: 'progress' }, valueString: JSON.stringify(progress) }] }).catch(
          () => undefined,
        );
      },
    })
      .then((result) =>
        save({
          status: abort.signal.aborted ? 'cancelled' : 'completed',
          output: [{ type: { text: 'result' }, valueString: JSON.stringify(result) }],
        }),
      )
      .catch(async (err: unknown) => {
        this.logger.warn('solve job failed', {
          job: id,
          kind: input.kind,
          code: err instanceof AppError ? err.code : 'unknown',
        });
        await save({
          status: 'failed',
          output: [
            {
              type: { text: 'error' },
              valueString: err instanceof AppError ? err.message : 'The solver failed unexpectedly',
            },
          ],
        }).catch(() => undefined);
      })
      .finally(() => {
        this.running.delete(id);
        this.pending.delete(work);
      });
    this.pending.add(work);
    return viewOf(task);
  }

  /** The job's current state; VITALIS_NOT_FOUND when there is no such job of that kind. */
  async get(id: string, kind?: SolveKind): Promise<SolveJobView> {
    const task = await this.repo.read<Task>('Task', id).catch(() => {
      throw new AppError('VITALIS_NOT_FOUND', 'No such solve job');
    });
    const view = viewOf(task);
    if (!task.code?.coding?.some((c) => c.system === KIND_SYSTEM) || (kind && view.kind !== kind)) {
      throw new AppError('VITALIS_NOT_FOUND', 'No such solve job');
    }
    return view;
  }

  /** Asks a running job to stop and keep its best result; false when it is not running here. */
  cancel(id: string): boolean {
    const abort = this.running.get(id);
    abort?.abort();
    return abort !== undefined;
  }

  /** Cancels every running job and waits for them to record their state (shutdown, tests). */
  async close(): Promise<void> {
    for (const abort of this.running.values()) abort.abort();
    await Promise.allSettled([...this.pending]);
  }
}
