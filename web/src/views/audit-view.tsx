import { useState, type ReactElement } from 'react';
import { apiFetch } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/states.js';

interface AuditEventLite {
  id?: string;
  recorded?: string;
  action?: string;
  outcome?: string;
  outcomeDesc?: string;
  subtype?: { code?: string; display?: string }[];
  agent?: { who?: { reference?: string; display?: string; identifier?: { value?: string } }; requestor?: boolean }[];
  entity?: { what?: { reference?: string }; description?: string; role?: { code?: string } }[];
  purposeOfEvent?: { coding?: { code?: string }[] }[];
}

interface BundleLite {
  entry?: { resource?: AuditEventLite }[];
}

function who(e: AuditEventLite): string {
  const requestor = e.agent?.find((a) => a.requestor) ?? e.agent?.[0];
  return requestor?.who?.reference ?? requestor?.who?.display ?? requestor?.who?.identifier?.value ?? '—';
}

function patientOf(e: AuditEventLite): string {
  return e.entity?.find((x) => x.role?.code === '1')?.what?.reference ?? '—';
}

function whatOf(e: AuditEventLite): string {
  return e.entity?.find((x) => x.role?.code !== '1')?.description ?? e.subtype?.[0]?.code ?? '—';
}

/** Who accessed which patient, and when: the AuditEvents Vitalis records, newest first, filterable by patient. */
export function AuditView(): ReactElement {
  const [patient, setPatient] = useState('');
  const [submitted, setSubmitted] = useState('');
  const query = `_sort=-date&_count=100${submitted ? `&patient=${encodeURIComponent(submitted.startsWith('Patient/') ? submitted : `Patient/${submitted}`)}` : ''}`;
  const [events, retry] = useResource(`audit:${query}`, () => apiFetch<BundleLite>(`/fhir/AuditEvent?${query}`));
  return (
    <section className="page" aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit trail</h1>
      <form
        className="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(patient.trim());
        }}
      >
        <label htmlFor="audit-patient">Patient id</label>
        <input
          id="audit-patient"
          value={patient}
          placeholder="e.g. showcase-sepsis"
          onChange={(e) => setPatient(e.target.value)}
        />
        <button type="submit">Filter</button>
      </form>
      <Loaded resource={events} what="audit events" onRetry={retry}>
        {(bundle) => {
          const rows = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
          if (rows.length === 0)
            return <p className="muted">No access recorded yet{submitted ? ' for this patient' : ''}.</p>;
          return (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Patient</th>
                  <th scope="col">What</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e, i) => (
                  <tr key={e.id ?? i}>
                    <td className="mono">{(e.recorded ?? '').replace('T', ' ').slice(0, 19)}</td>
                    <td>{who(e)}</td>
                    <td className="mono">{patientOf(e)}</td>
                    <td className="mono">{whatOf(e)}</td>
                    <td>{e.purposeOfEvent?.[0]?.coding?.[0]?.code ?? '—'}</td>
                    <td className={e.outcome === '0' ? '' : 'flag-critical'}>
                      {e.outcome === '0' ? 'success' : (e.outcomeDesc ?? 'failure')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Loaded>
    </section>
  );
}
