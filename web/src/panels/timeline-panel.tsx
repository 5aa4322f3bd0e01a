import { useMemo, useState, type ReactElement } from 'react';
import type { PatientContext } from '../api/client.js';

interface TimelineItem {
  id: string;
  time: string;
  kind: string;
  text: string;
  source: string;
  abnormal: boolean;
}

const KINDS = ['encounter', 'note', 'lab', 'procedure', 'imaging', 'report'] as const;

function itemsOf(ctx: PatientContext): TimelineItem[] {
  const facts = [...ctx.encounters, ...ctx.notes, ...ctx.labs.facts, ...ctx.procedures, ...ctx.imaging, ...ctx.reports];
  return facts
    .filter((f) => f.effectiveTime !== null)
    .map((f) => ({
      id: f.id,
      time: f.effectiveTime ?? '',
      kind: f.kind,
      text: f.text,
      source: f.source,
      abnormal: f.flags.abnormal === true,
    }))
    .sort((a, b) => b.time.localeCompare(a.time));
}

/** Encounters, notes, labs, procedures and imaging, newest first, filterable by kind. */
export function TimelinePanel({
  ctx,
  onSource,
}: {
  ctx: PatientContext;
  onSource: (source: string) => void;
}): ReactElement {
  const all = useMemo(() => itemsOf(ctx), [ctx]);
  const [shown, setShown] = useState<Set<string>>(() => new Set(KINDS));
  const items = all.filter((i) => shown.has(i.kind)).slice(0, 200);
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <fieldset className="filters">
        <legend className="sr-only">Show</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={shown.has(kind)}
              onChange={() => {
                const next = new Set(shown);
                if (next.has(kind)) next.delete(kind);
                else next.add(kind);
                setShown(next);
              }}
            />
            {kind}
          </label>
        ))}
      </fieldset>
      <ol className="timeline">
        {items.map((item) => (
          <li key={item.id} className={`tl-${item.kind}${item.abnormal ? ' tl-abnormal' : ''}`}>
            <time className="mono">{item.time.slice(0, 16).replace('T', ' ')}</time>
            <span className="tl-kind">{item.kind}</span>
            <button type="button" className="link" onClick={() => onSource(item.source)}>
              {item.text}
            </button>
          </li>
        ))}
      </ol>
      {all.length > items.length ? (
        <p className="muted">
          Showing {items.length} of {all.length} events.
        </p>
      ) : null}
    </section>
  );
}
