import type { ReactElement } from 'react';
import { humanizeUnits } from '../format/units.js';
import type { CitedSentenceView, GroundingReportView, SentenceReportView, SummaryView } from '../api/summary.js';

const STATUS_CLASS: Record<string, string> = {
  supported: 'flag-ok',
  unsupported: 'flag-warning',
  contradicted: 'flag-critical',
};

function Sentence({
  sentence,
  report,
  onSource,
}: {
  sentence: CitedSentenceView;
  report: SentenceReportView | undefined;
  onSource: (source: string) => void;
}): ReactElement {
  const status = report?.status ?? 'unsupported';
  return (
    <li className={`summary-sentence sentence-${status}`}>
      <span className={`flag ${STATUS_CLASS[status] ?? 'flag-info'}`} title="Verification of this sentence">
        {report?.claim === false ? 'no claim' : status}
      </span>{' '}
      <span>{humanizeUnits(sentence.text)}</span>{' '}
      {sentence.citations.map((c, i) => (
        <button
          key={c}
          type="button"
          className="link citation"
          title={`Open source ${c}`}
          aria-label={`Open source ${i + 1} of this sentence: ${c}`}
          onClick={() => onSource(c)}
        >
          [{i + 1}]
        </button>
      ))}
      {report && report.problems.length > 0 ? (
        <ul className="small problems">
          {report.problems.map((p) => (
            <li key={`${p.kind}-${p.detail}`}>
              {p.kind.replace(/_/g, ' ')}: {p.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Report({ report }: { report: GroundingReportView }): ReactElement {
  const { counts } = report;
  return (
    <aside className="verification" aria-label="Verification report">
      <h3>Verification</h3>
      <p>
        <strong>{report.verified ? 'Verified' : 'Not verified'}</strong> · groundedness {Math.round(report.score * 100)}{' '}
        %
      </p>
      <dl className="counts">
        <dt>Supported</dt>
        <dd>{counts.supported}</dd>
        <dt>Unsupported</dt>
        <dd>{counts.unsupported}</dd>
        <dt>Contradicted</dt>
        <dd>{counts.contradicted}</dd>
        <dt>Citations</dt>
        <dd>
          {counts.citations}
          {counts.invalidCitations > 0 ? ` (${counts.invalidCitations} invalid)` : ''}
        </dd>
      </dl>
    </aside>
  );
}

function Grounded({
  sentences,
  report,
  onSource,
}: {
  sentences: CitedSentenceView[];
  report: GroundingReportView;
  onSource: (source: string) => void;
}): ReactElement {
  return (
    <div className="summary-body">
      <ol className="summary-sentences">
        {sentences.map((s, i) => (
          <Sentence key={`${i}-${s.text}`} sentence={s} report={report.sentences[i]} onSource={onSource} />
        ))}
      </ol>
      <Report report={report} />
    </div>
  );
}

/** The grounded patient summary: each sentence with its citations (opening the source) and the verification report. */
export function SummaryPanel({
  result,
  onSource,
}: {
  result: SummaryView;
  onSource: (source: string) => void;
}): ReactElement {
  const noModel = result.status === 'no_model_configured';
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Patient summary</h2>
      {noModel ? (
        <div className="notice" role="note">
          <p>
            <strong>No language model is configured.</strong> {result.message ?? ''}
          </p>
          {result.howToConfigure ? <p className="small">How to configure one: {result.howToConfigure}</p> : null}
        </div>
      ) : result.message ? (
        <div className="notice notice-warning" role="note">
          <p>{result.message}</p>
        </div>
      ) : null}
      {result.summary && result.verification ? (
        <>
          <p className="muted small">
            Written by {result.model ?? 'a language model'}
            {result.deidentified ? ' from de-identified facts' : ''}
            {result.verified ? '; every sentence checked against the chart.' : '; shown unverified.'}
          </p>
          <Grounded sentences={result.summary.sentences} report={result.verification} onSource={onSource} />
        </>
      ) : null}
      {result.fallback ? (
        <>
          <h3 className="fallback-label">
            Deterministic summary <span className="chip">{result.fallback.label}</span>
          </h3>
          <Grounded
            sentences={result.fallback.summary.sentences}
            report={result.fallback.verification}
            onSource={onSource}
          />
        </>
      ) : null}
      {!result.summary && !result.fallback ? (
        <p className="muted">No summary could be produced. {result.message ?? 'Retry, or check the server log.'}</p>
      ) : null}
    </section>
  );
}
