import { useState, type ReactElement } from 'react';
import {
  sendCardFeedback,
  type CardDecision,
  type CardFeedbackView,
  type CardsView,
  type WorkspaceCardView,
} from '../api/cards.js';
import { Markdown } from '../components/markdown.js';
import { humanizeUnits } from '../format/units.js';

const INDICATOR_CLASS: Record<string, string> = {
  critical: 'flag-critical',
  warning: 'flag-warning',
  info: 'flag-info',
};
const ORDER = ['critical', 'warning', 'info'];

/** Sends a decision; tests replace it. */
export type SendFeedback = (uuid: string, decision: CardDecision) => Promise<CardFeedbackView>;

function FeedbackState({ feedback }: { feedback: CardFeedbackView }): ReactElement {
  const when = new Date(feedback.at);
  const time = Number.isNaN(when.getTime()) ? '' : ` at ${when.toLocaleString()}`;
  return (
    <p className={`feedback feedback-${feedback.outcome}`} role="status">
      {feedback.outcome === 'accepted' ? 'Accepted' : 'Overridden'}
      {feedback.overrideReason ? `: ${feedback.overrideReason}` : ''}
      {time}. Recorded as CDS feedback.
    </p>
  );
}

function Decision({ item, send }: { item: WorkspaceCardView; send: SendFeedback }): ReactElement {
  const { card } = item;
  const reasons = card.overrideReasons ?? [];
  const [feedback, setFeedback] = useState<CardFeedbackView | null>(item.feedback);
  const [reason, setReason] = useState(reasons[0]?.code ?? '');
  const [comment, setComment] = useState('');
  const [overriding, setOverriding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: CardDecision): void => {
    setBusy(true);
    setError(null);
    send(card.uuid, decision).then(
      (recorded) => {
        setFeedback(recorded);
        setOverriding(false);
        setBusy(false);
      },
      (err: unknown) => {
        setError(err instanceof Error ? err.message : 'The feedback was not recorded; retry.');
        setBusy(false);
      },
    );
  };
  const recommended = card.suggestions?.filter((s) => s.isRecommended).map((s) => s.uuid) ?? [];
  return (
    <div className="card-actions">
      {feedback ? <FeedbackState feedback={feedback} /> : null}
      {overriding ? (
        <form
          className="override-form"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = reasons.find((r) => r.code === reason);
            decide({
              outcome: 'overridden',
              ...(chosen ? { overrideReason: chosen } : {}),
              ...(comment.trim() ? { userComment: comment.trim() } : {}),
            });
          }}
        >
          {reasons.length > 0 ? (
            <label>
              Reason{' '}
              <select value={reason} onChange={(event) => setReason(event.target.value)}>
                {reasons.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.display}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="muted small">This card offers no override reasons.</span>
          )}
          <label>
            Comment (optional){' '}
            <input
              type="text"
              value={comment}
              maxLength={500}
              placeholder="no patient identifiers"
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            Confirm override
          </button>
          <button type="button" className="secondary" onClick={() => setOverriding(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              decide({ outcome: 'accepted', ...(recommended.length > 0 ? { acceptedSuggestions: recommended } : {}) })
            }
          >
            Accept
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setOverriding(true)}>
            Override…
          </button>
        </div>
      )}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CardItem({
  item,
  send,
  onSource,
}: {
  item: WorkspaceCardView;
  send: SendFeedback;
  onSource: ((source: string) => void) | undefined;
}): ReactElement {
  const { card } = item;
  return (
    <li className={`cds-card cds-card-${card.indicator}`} aria-label={`${card.indicator} card: ${card.summary}`}>
      <header>
        <span className={`flag ${INDICATOR_CLASS[card.indicator] ?? 'flag-info'}`}>{card.indicator}</span>
        <strong>{humanizeUnits(card.summary)}</strong>
      </header>
      {card.detail ? (
        onSource ? (
          <Markdown text={card.detail} onReference={onSource} />
        ) : (
          <Markdown text={card.detail} />
        )
      ) : null}
      {card.suggestions && card.suggestions.length > 0 ? (
        <div className="small">
          Suggestions:
          <ul>
            {card.suggestions.map((s) => (
              <li key={s.uuid}>
                {s.label}
                {s.isRecommended ? <span className="chip">recommended</span> : null}
                {s.actions?.map((a) => (
                  <span key={`${a.type}-${a.description}`} className="muted">
                    {' '}
                    ({a.type}: {a.description})
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {card.links && card.links.length > 0 ? (
        <p className="small">
          {card.links.map((l) => (
            <a key={l.url + l.label} href={l.url} target="_blank" rel="noopener noreferrer" className="card-link">
              {l.label}
              {l.type === 'smart' ? ' (SMART app)' : ''}
            </a>
          ))}
        </p>
      ) : null}
      <footer className="muted small">
        Source:{' '}
        {card.source.url ? (
          <a href={card.source.url} target="_blank" rel="noopener noreferrer">
            {card.source.label}
          </a>
        ) : (
          card.source.label
        )}
        {card.source.topic?.display ? ` · ${card.source.topic.display}` : ''} · {item.serviceTitle}
      </footer>
      <Decision item={item} send={send} />
    </li>
  );
}

/** The patient-view CDS cards (summary, score alerts, differential…) with accept / override feedback. */
export function CardsPanel({
  result,
  send,
  onSource,
}: {
  result: CardsView;
  send?: SendFeedback;
  onSource?: (source: string) => void;
}): ReactElement {
  const post: SendFeedback = send ?? ((uuid, decision) => sendCardFeedback(result.patient, uuid, decision));
  const cards = [...result.cards].sort((a, b) => ORDER.indexOf(a.card.indicator) - ORDER.indexOf(b.card.indicator));
  return (
    <section className="panel" aria-labelledby="cards-heading">
      <h2 id="cards-heading">Decision support cards ({cards.length})</h2>
      {result.errors.map((e) => (
        <p key={e.serviceId} className="error-text" role="alert">
          {e.message}
        </p>
      ))}
      {cards.length === 0 ? (
        <p className="muted">No decision-support card for this patient.</p>
      ) : (
        <ul className="cds-cards">
          {cards.map((c) => (
            <CardItem key={c.card.uuid} item={c} send={post} onSource={onSource} />
          ))}
        </ul>
      )}
    </section>
  );
}
