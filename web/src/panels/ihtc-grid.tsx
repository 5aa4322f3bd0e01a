import type { ReactElement } from 'react';
import type { IhtcResultView } from '../api/ops.js';

interface IhtcInstanceLite {
  days: number;
  rooms: { id: string; capacity: number }[];
  patients: { id: string; length_of_stay: number; gender: string }[];
  occupants: { id: string; length_of_stay: number; room_id: string; gender: string }[];
}

/** Room × day occupancy of an IHTC plan (beds used / capacity, patients listed), with cost and violations. */
export function IhtcGrid({
  result,
  instance,
}: {
  result: IhtcResultView;
  instance: IhtcInstanceLite | null;
}): ReactElement {
  const cells = new Map<string, string[]>();
  if (instance) {
    const los = new Map(instance.patients.map((p) => [p.id, p.length_of_stay]));
    const put = (room: string, start: number, length: number, id: string): void => {
      for (let d = start; d < Math.min(instance.days, start + length); d++) {
        const key = `${room}|${d}`;
        cells.set(key, [...(cells.get(key) ?? []), id]);
      }
    };
    for (const o of instance.occupants) put(o.room_id, 0, o.length_of_stay, o.id);
    for (const p of result.solution.patients) {
      if (p.admission_day !== 'none' && p.room) put(p.room, p.admission_day, los.get(p.id) ?? 1, p.id);
    }
  }
  const unscheduled = result.solution.patients.filter((p) => p.admission_day === 'none').length;
  return (
    <section className="panel" aria-labelledby="ihtc-heading">
      <h2 id="ihtc-heading">
        Plan {result.instance}: cost {result.cost}, {result.violations} violations
      </h2>
      <p className="muted">
        {result.solution.patients.length - unscheduled} patients admitted, {unscheduled} not scheduled ·{' '}
        {result.seconds} s · checked by the independent validator
      </p>
      <dl className="breakdown">
        {Object.entries(result.evaluation.costs).map(([k, v]) => (
          <div key={k}>
            <dt>{k.replaceAll('_', ' ')}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {result.explanation.length > 0 ? (
        <ul className="explanations error-box">
          {result.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {instance ? (
        <div className="grid-scroll">
          <table className="grid roster-grid">
            <thead>
              <tr>
                <th scope="col">Room</th>
                {Array.from({ length: instance.days }, (_, d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {instance.rooms.map((room) => (
                <tr key={room.id}>
                  <th scope="row">
                    {room.id} <span className="muted">({room.capacity})</span>
                  </th>
                  {Array.from({ length: instance.days }, (_, d) => {
                    const here = cells.get(`${room.id}|${d}`) ?? [];
                    const full = here.length >= room.capacity && room.capacity > 0;
                    return (
                      <td
                        key={d}
                        className={`cell${full ? ' full' : ''}${here.length > room.capacity ? ' over' : ''}`}
                        title={here.join(', ')}
                      >
                        {here.length > 0 ? `${here.length}/${room.capacity}` : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
