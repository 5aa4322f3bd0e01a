import type { ReactElement } from 'react';
import type { PatientContext } from '../api/client.js';

type Medication = PatientContext['medications'][number];

function MedicationRows({ meds, onSource }: { meds: Medication[]; onSource: (source: string) => void }): ReactElement {
  return (
    <table className="grid">
      <thead>
        <tr>
          <th scope="col">Medication</th>
          <th scope="col">Ingredients</th>
          <th scope="col">Class</th>
          <th scope="col">Route / dose</th>
          <th scope="col">Since</th>
        </tr>
      </thead>
      <tbody>
        {meds.map((m) => (
          <tr key={m.id}>
            <td>
              <button type="button" className="link" onClick={() => onSource(m.source)}>
                {m.text}
              </button>
            </td>
            <td>{m.ingredients.map((i) => i.name).join(', ') || '—'}</td>
            <td>{m.classes.join(', ') || '—'}</td>
            <td>{[m.route?.display, m.dosageText].filter(Boolean).join(' · ') || '—'}</td>
            <td className="mono">{(m.authoredOn ?? m.effectiveTime ?? '').slice(0, 10) || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Active and stopped medications, with ingredients and drug classes. */
export function MedicationsPanel({
  ctx,
  onSource,
}: {
  ctx: PatientContext;
  onSource: (source: string) => void;
}): ReactElement {
  const active = ctx.medications.filter((m) => m.flags.active === true);
  const stopped = ctx.medications.filter((m) => m.flags.active !== true).slice(0, 30);
  return (
    <section className="panel" aria-labelledby="meds-heading">
      <h2 id="meds-heading">Medications</h2>
      <h3>Active ({active.length})</h3>
      {active.length > 0 ? (
        <MedicationRows meds={active} onSource={onSource} />
      ) : (
        <p className="muted">No active medication.</p>
      )}
      <details>
        <summary>Stopped or completed ({stopped.length})</summary>
        <MedicationRows meds={stopped} onSource={onSource} />
      </details>
    </section>
  );
}
