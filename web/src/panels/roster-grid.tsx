import type { ReactElement } from 'react';
import type { RosterResultView } from '../api/ops.js';

const PALETTE = ['#dbe8f7', '#fde9c8', '#d9f0dc', '#f3dcf0', '#e4e0f7', '#f7dcdc'];

/** The roster as an employee × day grid (shift codes coloured per shift type), with its cost breakdown. */
export function RosterGrid({ result }: { result: RosterResultView }): ReactElement {
  const colour = new Map(result.shifts.map((s, i) => [s.id, PALETTE[i % PALETTE.length] ?? '#eee']));
  const days = Array.from({ length: result.horizonDays }, (_, d) => d);
  return (
    <section className="panel" aria-labelledby="roster-heading">
      <h2 id="roster-heading">
        Roster {result.instance}: {result.status}, objective {result.objective ?? '—'}
        {result.gap !== null ? ` (gap to bound ${(result.gap * 100).toFixed(1)} %)` : ''}
      </h2>
      <p className={result.violations > 0 ? 'error-box' : 'muted'}>
        {result.violations} hard-constraint violations (verified by the independent checker) ·{' '}
        {result.seconds.toFixed(1)} s
      </p>
      {result.breakdown ? (
        <dl className="breakdown">
          {Object.entries(result.breakdown).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {[...result.explanation, ...result.warnings].length > 0 ? (
        <ul className="explanations">
          {[...result.explanation, ...result.warnings].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {result.roster ? (
        <div className="grid-scroll">
          <table className="grid roster-grid">
            <thead>
              <tr>
                <th scope="col">Staff</th>
                {days.map((d) => (
                  <th key={d} scope="col" className={d % 7 >= 5 ? 'weekend' : ''}>
                    {d + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.roster.map((row, e) => (
                <tr key={result.employees[e] ?? e}>
                  <th scope="row">{result.employees[e] ?? e}</th>
                  {row.map((shift, d) => (
                    <td key={d} style={shift ? { background: colour.get(shift) } : undefined} className="cell">
                      {shift ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
