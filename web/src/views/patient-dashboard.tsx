import { useState, type ReactElement } from 'react';
import { api } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/states.js';
import { medsCheck } from '../api/meds.js';
import { patientCards } from '../api/cards.js';
import { patientSummary } from '../api/summary.js';
import { CardsPanel } from '../panels/cards-panel.js';
import { SummaryPanel } from '../panels/summary-panel.js';
import { DdxPanel } from '../panels/ddx-panel.js';
import { MedAlertsPanel } from '../panels/med-alerts-panel.js';
import { MedicationsPanel } from '../panels/medications-panel.js';
import { ObservationCharts } from '../panels/observation-charts.js';
import { PatientHeader } from '../panels/patient-header.js';
import { ScoresPanel } from '../panels/scores-panel.js';
import { SourceViewer } from '../panels/source-viewer.js';
import { TimelinePanel } from '../panels/timeline-panel.js';
import { routeHref } from '../router.js';

const TABS: readonly { id: string; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'cards', label: 'Cards' },
  { id: 'summary', label: 'Summary' },
  { id: 'charts', label: 'Vitals & labs' },
  { id: 'medications', label: 'Medications' },
  { id: 'scores', label: 'Scores' },
  { id: 'alerts', label: 'Medication alerts' },
  { id: 'diagnosis', label: 'Diagnosis' },
  { id: 'timeline', label: 'Timeline' },
];

function CardsSection({ id, onSource }: { id: string; onSource: (source: string) => void }): ReactElement {
  const [cards, retry] = useResource(`cards:${id}`, () => patientCards(id));
  return (
    <Loaded resource={cards} what="decision-support cards" onRetry={retry}>
      {(data) => <CardsPanel result={data} onSource={onSource} />}
    </Loaded>
  );
}

function SummarySection({ id, onSource }: { id: string; onSource: (source: string) => void }): ReactElement {
  const [summary, retry] = useResource(`summary:${id}`, () => patientSummary(id));
  return (
    <Loaded resource={summary} what="the patient summary (a language model can take up to a minute)" onRetry={retry}>
      {(data) => <SummaryPanel result={data} onSource={onSource} />}
    </Loaded>
  );
}

/** One patient: header, then tabs for the chart views and the engines' panels. */
export function PatientDashboard({ id, tab }: { id: string; tab: string }): ReactElement {
  const [context, retryContext] = useResource(`context:${id}`, () => api.context(id));
  const [scores, retryScores] = useResource(`scores:${id}`, () => api.scores(id));
  const [meds, retryMeds] = useResource(`meds:${id}`, () => medsCheck(id));
  const [source, setSource] = useState<string | null>(null);
  return (
    <div className="page">
      <p>
        <a href={routeHref({ view: 'patients' })}>← All patients</a>
      </p>
      <Loaded resource={context} what="the chart" onRetry={retryContext}>
        {(ctx) => (
          <>
            <PatientHeader ctx={ctx} />
            <nav className="tabs" aria-label="Patient views">
              {TABS.map((t) => (
                <a
                  key={t.id}
                  href={routeHref({ view: 'patient', id, tab: t.id })}
                  aria-current={t.id === tab ? 'page' : undefined}
                >
                  {t.label}
                </a>
              ))}
            </nav>
            {tab === 'overview' || tab === 'cards' ? <CardsSection id={id} onSource={setSource} /> : null}
            {tab === 'summary' ? <SummarySection id={id} onSource={setSource} /> : null}
            {tab === 'overview' || tab === 'scores' ? (
              <Loaded resource={scores} what="scores" onRetry={retryScores}>
                {(data) => <ScoresPanel scores={data} onSource={setSource} />}
              </Loaded>
            ) : null}
            {tab === 'overview' || tab === 'charts' ? (
              <section className="panel" aria-labelledby="vitals-heading">
                <h2 id="vitals-heading">Vital signs</h2>
                <ObservationCharts ctx={ctx} group="vitals" />
                <h2>Laboratory results</h2>
                <ObservationCharts ctx={ctx} group="labs" />
              </section>
            ) : null}
            {tab === 'overview' || tab === 'alerts' ? (
              <Loaded resource={meds} what="medication alerts" onRetry={retryMeds}>
                {(data) => (
                  <MedAlertsPanel
                    result={data}
                    onSource={setSource}
                    cardsHref={routeHref({ view: 'patient', id, tab: 'cards' })}
                  />
                )}
              </Loaded>
            ) : null}
            {tab === 'diagnosis' ? <DdxPanel patientId={id} /> : null}
            {tab === 'overview' || tab === 'medications' ? <MedicationsPanel ctx={ctx} onSource={setSource} /> : null}
            {tab === 'overview' || tab === 'timeline' ? <TimelinePanel ctx={ctx} onSource={setSource} /> : null}
          </>
        )}
      </Loaded>
      {source ? <SourceViewer source={source} onClose={() => setSource(null)} /> : null}
    </div>
  );
}
