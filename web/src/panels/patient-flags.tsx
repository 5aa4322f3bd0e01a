import type { ReactElement } from 'react';
import { api } from '../api/client.js';
import { medsCheck, type MedsCheckView } from '../api/meds.js';
import { useResource, type Resource } from '../api/use-resource.js';

const TIER_CLASS: Record<string, string> = {
  'hard-stop': 'flag-critical',
  interruptive: 'flag-warning',
  informational: 'flag-info',
};

function alertsFlag(meds: Resource<MedsCheckView>): ReactElement | null {
  if (meds.status !== 'ready' || meds.data.alerts.length === 0) return null;
  const tiers = meds.data.alerts.map((a) => a.tier);
  const top = ['hard-stop', 'interruptive', 'informational'].find((t) => tiers.includes(t)) ?? 'informational';
  const n = meds.data.alerts.length;
  return (
    <span key="meds" className={`flag ${TIER_CLASS[top] ?? 'flag-info'}`} title={`Highest tier: ${top}`}>
      {n} med alert{n === 1 ? '' : 's'}
    </span>
  );
}

const BAND_CLASS: Record<string, string> = {
  high: 'flag-critical',
  medium: 'flag-warning',
  'low-medium': 'flag-warning',
};

/** The list's flags for one patient: NEWS2 band, score alerts and the count of active medication alerts (loaded lazily per row). */
export function PatientFlags({ id }: { id: string }): ReactElement {
  const [scores] = useResource(`scores:${id}`, () => api.scores(id));
  const [meds] = useResource(`meds:${id}`, () => medsCheck(id));
  if (scores.status !== 'ready') {
    return scores.status === 'loading' ? (
      <span className="muted" aria-label="Loading flags">
        …
      </span>
    ) : (
      <span className="muted" title="Flags could not be computed; open the patient to see why">
        —
      </span>
    );
  }
  const flags: ReactElement[] = [];
  const news2 = scores.data.find((s) => s.id === 'news2');
  if (news2?.value !== null && news2?.value !== undefined) {
    const band = news2.band?.id ?? 'unknown';
    flags.push(
      <span key="news2" className={`flag ${BAND_CLASS[band] ?? 'flag-info'}`} title={news2.interpretation}>
        NEWS2 {news2.value}
        {news2.status === 'incomplete' ? '*' : ''}
        {news2.band ? ` ${news2.band.label.replace(/\s*\(.*$/, '')}` : ''}
      </span>,
    );
  }
  const qsofa = scores.data.find((s) => s.id === 'qsofa');
  if (qsofa?.value !== null && qsofa?.value !== undefined && qsofa.value >= 2) {
    flags.push(
      <span key="qsofa" className="flag flag-critical" title={qsofa.interpretation}>
        qSOFA {qsofa.value}
      </span>,
    );
  }
  const cha = scores.data.find((s) => s.id === 'cha2ds2-vasc');
  if (cha?.flags.includes('no-anticoagulant') && (cha.value ?? 0) >= 2) {
    flags.push(
      <span key="cha" className="flag flag-warning" title={cha.interpretation}>
        AF, no anticoagulant
      </span>,
    );
  }
  const alerts = alertsFlag(meds);
  if (alerts) flags.push(alerts);
  return flags.length > 0 ? <span className="flags">{flags}</span> : <span className="muted">—</span>;
}
