import { useState, type ReactElement } from 'react';
import { api } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/states.js';
import { medsCheck } from '../api/meds.js';
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
  { id: 'charts', label: 'Vitals & labs' },
  { id: 'medications', label: 'Medications' },
  { id: 'scores', label: 'Scores' },
  { id: 'alerts', label: 'Medication alerts' },
  { id: 'diagnosis', label: 'Diagnosis' },
  { id: 'timeline', label: 'Timeline' },
];

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
                {(data) => <MedAlertsPanel result={data} onSource={setSource} />}
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
