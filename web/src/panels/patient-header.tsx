import type { ReactElement } from 'react';
import type { PatientContext } from '../api/client.js';

function ageText(ctx: PatientContext): string {
  const age = ctx.patient.age;
  if (!age) return 'age unknown';
  if (age.years >= 2) return `${age.years} y`;
  if (age.months >= 1) return `${age.months} mo`;
  return `${age.days} d`;
}

/** Demographics, allergies, active problems and code status (when the chart has one). */
export function PatientHeader({ ctx }: { ctx: PatientContext }): ReactElement {
  const activeProblems = ctx.problems.filter((p) => p.flags.active === true);
  const allergies = ctx.allergies.filter((a) => a.clinicalStatus !== 'inactive' && a.clinicalStatus !== 'resolved');
  const codeStatus = ctx.observations.find((o) => o.loinc === '75320-2' || /code status|resuscitation/i.test(o.text));
  return (
    <header className="patient-header" aria-label="Patient summary">
      <div className="identity">
        <h1>{ctx.display.name ?? ctx.patient.id}</h1>
        <span className="demo">
          {ageText(ctx)} · {ctx.patient.sex}
          {ctx.patient.birthDate ? ` · born ${ctx.patient.birthDate}` : ''}
          {ctx.patient.deceased ? ' · deceased' : ''}
        </span>
        {codeStatus ? (
          <span className="flag flag-warning">
            Code status:{' '}
            {codeStatus.value?.type === 'coded'
              ? (codeStatus.value.coding?.display ?? codeStatus.value.text)
              : codeStatus.text}
          </span>
        ) : null}
      </div>
      <dl className="header-lists">
        <div>
          <dt>Allergies</dt>
          <dd>
            {allergies.length === 0 ? (
              <span className="muted">None recorded</span>
            ) : (
              allergies.map((a) => (
                <span
                  key={a.id}
                  className={`chip ${a.criticality === 'high' ? 'chip-critical' : 'chip-warning'}`}
                  title={a.source}
                >
                  {a.text}
                </span>
              ))
            )}
          </dd>
        </div>
        <div>
          <dt>Active problems</dt>
          <dd>
            {activeProblems.length === 0 ? (
              <span className="muted">None recorded</span>
            ) : (
              activeProblems.slice(0, 12).map((p) => (
                <span key={p.id} className="chip" title={p.source}>
                  {p.text}
                </span>
              ))
            )}
            {activeProblems.length > 12 ? <span className="muted"> +{activeProblems.length - 12} more</span> : null}
          </dd>
        </div>
      </dl>
    </header>
  );
}
