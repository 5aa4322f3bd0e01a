import { useState, type ReactElement } from 'react';
import { api, type PatientListItem } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/states.js';
import { routeHref } from '../router.js';
import { PatientFlags } from '../panels/patient-flags.js';

function ageFrom(birthDate: string | undefined): string {
  if (!birthDate) return '';
  const born = new Date(birthDate);
  const now = new Date();
  let years = now.getFullYear() - born.getFullYear();
  if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate()))
    years--;
  return `${years} y`;
}

function PatientRows({ patients }: { patients: PatientListItem[] }): ReactElement {
  if (patients.length === 0) {
    return (
      <p className="muted">No patient matches. Try part of a family name, an MRN, or a birth date (YYYY-MM-DD).</p>
    );
  }
  return (
    <table className="grid patient-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">MRN</th>
          <th scope="col">Born</th>
          <th scope="col">Age</th>
          <th scope="col">Sex</th>
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {patients.map((p) => (
          <tr key={p.id}>
            <td>
              <a href={routeHref({ view: 'patient', id: p.id, tab: 'overview' })}>{p.name || p.id}</a>
            </td>
            <td className="mono">{p.mrn ?? '—'}</td>
            <td className="mono">{p.birthDate ?? '—'}</td>
            <td>{ageFrom(p.birthDate)}</td>
            <td>{p.gender ?? '—'}</td>
            <td>
              <PatientFlags id={p.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The patient list: search by name, MRN or birth date; each row shows the patient's flags. */
export function PatientList(): ReactElement {
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [patients, retry] = useResource(`patients:${submitted}`, () => api.patients(submitted));
  return (
    <section aria-labelledby="patients-heading" className="page">
      <h1 id="patients-heading">Patients</h1>
      <form
        className="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <label htmlFor="patient-search">Name, MRN or birth date</label>
        <input
          id="patient-search"
          type="search"
          value={query}
          autoComplete="off"
          placeholder="e.g. Garcia, MRN-000123, 1948-03-02"
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      <Loaded resource={patients} what="patients" onRetry={retry}>
        {(rows) => <PatientRows patients={rows} />}
      </Loaded>
    </section>
  );
}
