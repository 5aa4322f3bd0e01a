import type { ReactElement } from 'react';
import type { ScoreResult } from '../api/client.js';
import { humanUnit } from '../format/units.js';

const HEADLINE = [
  'news2',
  'qsofa',
  'sofa',
  'cha2ds2-vasc',
  'has-bled',
  'egfr-ckd-epi-2021',
  'ckd-stage-kdigo',
  'curb-65',
  'triage-esi',
];

function ScoreCard({ score, onSource }: { score: ScoreResult; onSource: (source: string) => void }): ReactElement {
  const sourceOf = (factId: string): string => score.provenance.facts.find((f) => f.id === factId)?.source ?? factId;
  return (
    <article className={`score-card score-${score.status}`} aria-labelledby={`score-${score.id}`}>
      <header>
        <h3 id={`score-${score.id}`}>{score.name}</h3>
        <span className="score-value">
          {score.value ?? '—'}
          {score.unit ? <small> {humanUnit(score.unit)}</small> : null}
          {score.status === 'incomplete' && score.range ? (
            <small className="muted">
              {' '}
              (range {score.range.min}–{score.range.max})
            </small>
          ) : null}
        </span>
      </header>
      <p className="interpretation">{score.interpretation}</p>
      <table className="grid compact">
        <tbody>
          {score.components.map((c) => (
            <tr key={c.id} className={c.basis === 'missing' ? 'missing' : ''}>
              <th scope="row">{c.label}</th>
              <td>
                {c.facts.length > 0 ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSource(sourceOf(c.facts[0] ?? ''))}
                    title="Open the source"
                  >
                    {String(c.input ?? '—')} {humanUnit(c.unit)}
                  </button>
                ) : (
                  <span className={c.basis === 'missing' ? 'muted' : ''}>
                    {c.basis === 'missing' ? 'missing' : `${String(c.input ?? '—')} ${humanUnit(c.unit)}`}
                  </span>
                )}
              </td>
              <td className="points">{c.points ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.missing.length > 0 ? (
        <p className="muted">Missing: {score.missing.map((m) => m.label).join(', ')}</p>
      ) : null}
      <footer className="muted small">
        {score.version} — {score.reference}
      </footer>
    </article>
  );
}

/** The clinical scores, each with its inputs; an input opens the FHIR resource it was read from. */
export function ScoresPanel({
  scores,
  onSource,
}: {
  scores: ScoreResult[];
  onSource: (source: string) => void;
}): ReactElement {
  const shown = scores
    .filter((s) => s.status !== 'not-applicable')
    .sort((a, b) => {
      const ia = HEADLINE.indexOf(a.id);
      const ib = HEADLINE.indexOf(b.id);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
  return (
    <section className="panel" aria-labelledby="scores-heading">
      <h2 id="scores-heading">Scores</h2>
      <div className="score-grid">
        {shown.map((s) => (
          <ScoreCard key={s.id} score={s} onSource={onSource} />
        ))}
      </div>
    </section>
  );
}
