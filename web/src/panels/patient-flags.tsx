import type { ReactElement } from 'react';
import { api } from '../api/client.js';
import { useResource } from '../api/use-resource.js';

const BAND_CLASS: Record<string, string> = {
  high: 'flag-critical',
  medium: 'flag-warning',
  'low-medium': 'flag-warning',
};

/** The list's flags for one patient: NEWS2 band and score alerts (loaded lazily per row). */
export function PatientFlags({ id }: { id: string }): ReactElement {
  const [scores] = useResource(`scores:${id}`, () => api.scores(id));
  if (scores.status !== 'ready') return <span className="muted">{scores.status === 'loading' ? '…' : '—'}</span>;
  const flags: ReactElement[] = [];
  const news2 = scores.data.find((s) => s.id === 'news2');
  if (news2?.value !== null && news2?.value !== undefined) {
    const band = news2.band?.id ?? 'unknown';
    flags.push(
      <span key="news2" className={`flag ${BAND_CLASS[band] ?? 'flag-info'}`} title={news2.interpretation}>
        NEWS2 {news2.value}
        {news2.status === 'incomplete' ? '*' : ''}
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
  return flags.length > 0 ? <span className="flags">{flags}</span> : <span className="muted">—</span>;
}
