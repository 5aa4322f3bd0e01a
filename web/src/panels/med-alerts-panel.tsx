import { Fragment, type ReactElement } from 'react';
import type { MedAlertView, MedsCheckView } from '../api/meds.js';

const TIER_CLASS: Record<string, string> = {
  'hard-stop': 'flag-critical',
  interruptive: 'flag-warning',
  informational: 'flag-info',
};

function AlertItem({ alert, onSource }: { alert: MedAlertView; onSource: (source: string) => void }): ReactElement {
  return (
    <li className={`alert alert-${alert.tier}`}>
      <header>
        <span className={`flag ${TIER_CLASS[alert.tier] ?? 'flag-info'}`}>{alert.tier}</span>
        <strong>{alert.summary}</strong>
        <span className="muted small"> {alert.category}</span>
      </header>
      <p>{alert.detail}</p>
      {alert.reasons.length > 0 ? (
        <ul className="small">
          {alert.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      <p className="small">
        Drugs:{' '}
        {alert.drugs.map((d, i) => (
          <Fragment key={d.key}>
            {i > 0 ? ', ' : null}
            {d.source ? (
              <button type="button" className="link" onClick={() => onSource(d.source ?? '')}>
                {d.label} ({d.status})
              </button>
            ) : (
              <span>
                {d.label} ({d.status})
              </span>
            )}
          </Fragment>
        ))}
        {alert.evidence.length > 0 ? ' · Evidence: ' : ''}
        {alert.evidence.map((e, i) => (
          <Fragment key={e.factId}>
            {i > 0 ? ', ' : null}
            <button type="button" className="link" onClick={() => onSource(e.source)}>
              {e.what}
            </button>
          </Fragment>
        ))}
      </p>
      {alert.suggestions.length > 0 ? (
        <p className="small">
          Suggested:{' '}
          {alert.suggestions.map((s) => (
            <span key={`${s.target}-${s.action.label}`} className="chip">
              {s.action.label}
            </span>
          ))}
        </p>
      ) : null}
      <footer className="muted small">
        Rule {alert.ruleId} · knowledge {alert.knowledgeVersion} · {alert.reference}
      </footer>
    </li>
  );
}

/** Medication-safety alerts on the active list: tier, reasons, evidence with sources, suggestions and the reference. */
export function MedAlertsPanel({
  result,
  onSource,
  cardsHref,
}: {
  result: MedsCheckView;
  onSource: (source: string) => void;
  /** Where the clinician accepts or overrides the alerts (the Cards tab). */
  cardsHref?: string;
}): ReactElement {
  const order = ['hard-stop', 'interruptive', 'informational'];
  const alerts = [...result.alerts].sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier));
  return (
    <section className="panel" aria-labelledby="med-alerts-heading">
      <h2 id="med-alerts-heading">Medication alerts ({alerts.length})</h2>
      <p className="muted small">
        eGFR {result.renal.egfr ?? '—'} · CrCl {result.renal.crcl ?? '—'} · knowledge{' '}
        {result.knowledge.map((k) => `${k.name} ${k.version}`).join(', ')}
        {cardsHref && alerts.length > 0 ? (
          <>
            {' · '}
            <a href={cardsHref}>Accept or override these alerts on the Cards tab</a>
          </>
        ) : null}
      </p>
      {alerts.length === 0 ? (
        <p className="muted">No medication-safety alert for the active list.</p>
      ) : (
        <ul className="alerts">
          {alerts.map((a) => (
            <AlertItem key={a.id} alert={a} onSource={onSource} />
          ))}
        </ul>
      )}
    </section>
  );
}
