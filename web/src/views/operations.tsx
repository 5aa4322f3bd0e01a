import { useEffect, useState, type ReactElement } from 'react';
import {
  cancelOpsJob,
  getOpsJob,
  submitOpsJob,
  type IhtcResultView,
  type OpsJob,
  type OpsKind,
  type RosterResultView,
} from '../api/ops.js';
import { ErrorState } from '../components/states.js';
import { IhtcGrid } from '../panels/ihtc-grid.js';
import { RosterGrid } from '../panels/roster-grid.js';

type IhtcInstanceLite = Parameters<typeof IhtcGrid>[0]['instance'];

function kindOf(fileName: string, text: string): OpsKind {
  if (fileName.endsWith('.txt')) return 'roster';
  return /"operating_theaters"/.test(text) ? 'ihtc' : 'roster';
}

/** Upload a roster (Curtois text or Vitalis JSON) or an IHTC instance, solve it as a job, and see the result. */
export function Operations(): ReactElement {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [limit, setLimit] = useState(30);
  const [job, setJob] = useState<OpsJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (job?.status !== 'running') return undefined;
    const timer = setTimeout(() => {
      getOpsJob(job.kind, job.id).then(setJob, (err: unknown) =>
        setError(err instanceof Error ? err.message : 'Polling failed; retry.'),
      );
    }, 1000);
    return () => clearTimeout(timer);
  }, [job]);

  const submit = (): void => {
    if (!file) return;
    setError(null);
    const kind = kindOf(file.name, file.text);
    const name = file.name.replace(/\.[^.]+$/, '').replace(/[^\w.-]/g, '_') || 'problem';
    submitOpsJob(kind, { problem: file.text, name, timeLimitSeconds: limit }).then(setJob, (err: unknown) =>
      setError(err instanceof Error ? err.message : 'The solve could not start; retry.'),
    );
  };

  let instance: IhtcInstanceLite = null;
  if (job?.kind === 'ihtc' && file) {
    try {
      instance = JSON.parse(file.text) as IhtcInstanceLite;
    } catch {
      instance = null;
    }
  }
  return (
    <section className="page" aria-labelledby="ops-heading">
      <h1 id="ops-heading">Operations</h1>
      <p className="muted">
        Staff rostering (Curtois &amp; Qu text format or Vitalis JSON) and admissions, theatres and nurses (IHTC 2024
        JSON). Solves run on the server; every result is checked by an independent validator.
      </p>
      <form
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="ops-file">Problem file</label>
        <input
          id="ops-file"
          type="file"
          accept=".txt,.json"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (!chosen) return;
            void chosen.text().then((text) => setFile({ name: chosen.name, text }));
          }}
        />
        <label htmlFor="ops-limit">Time limit (s)</label>
        <input
          id="ops-limit"
          type="number"
          min={1}
          max={3600}
          value={limit}
          onChange={(e) => setLimit(Number(e.target.value) || 30)}
        />
        <button type="submit" className="primary" disabled={!file || job?.status === 'running'}>
          Solve
        </button>
        {job?.status === 'running' ? (
          <button type="button" onClick={() => void cancelOpsJob(job.kind, job.id)}>
            Stop and keep best
          </button>
        ) : null}
      </form>
      {error ? <ErrorState message={error} /> : null}
      {job ? (
        <p role="status" aria-live="polite">
          Job {job.name}: {job.status}
          {job.progress
            ? ` — ${job.progress.phase}, objective ${job.progress.objective ?? '—'}, ${Math.round(job.progress.seconds)} s`
            : ''}
        </p>
      ) : null}
      {job?.status === 'failed' ? <ErrorState message={job.error ?? 'The solve failed.'} /> : null}
      {job?.result && job.kind === 'roster' ? <RosterGrid result={job.result as RosterResultView} /> : null}
      {job?.result && job.kind === 'ihtc' ? (
        <IhtcGrid result={job.result as IhtcResultView} instance={instance} />
      ) : null}
    </section>
  );
}
