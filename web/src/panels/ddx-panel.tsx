import { useEffect, useState, type ReactElement } from 'react';
import { ddxForPatient, searchFindings, type DdxResult, type FindingOverride } from '../api/ddx.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/states.js';

type Item = DdxResult['differential'][number];

const GROUP_LABEL: Record<Item['group'], string> = { 'cant-miss': "Can't miss", common: 'Common', rare: 'Rare' };

function DifferentialRow({ item }: { item: Item }): ReactElement {
  return (
    <tr className={item.group === 'cant-miss' ? 'cant-miss' : ''}>
      <th scope="row">
        {item.name}
        <div className="muted small">
          {item.icd10.join(', ')} · SNOMED {item.snomed}
        </div>
      </th>
      <td className="num">{(item.probability * 100).toFixed(1)} %</td>
      <td>
        <span className={`flag ${item.group === 'cant-miss' ? 'flag-critical' : 'flag-info'}`}>
          {GROUP_LABEL[item.group]}
        </span>
      </td>
      <td className="small">
        {item.for.slice(0, 5).map((f) => (
          <span key={f.finding} className="chip chip-for" title={`weight ${f.weight.toFixed(2)}`}>
            + {f.label}
          </span>
        ))}
        {item.against.slice(0, 4).map((f) => (
          <span key={f.finding} className="chip chip-against" title={`weight ${f.weight.toFixed(2)}`}>
            − {f.label}
          </span>
        ))}
      </td>
    </tr>
  );
}

function FindingAdder({ onAdd }: { onAdd: (o: FindingOverride & { label: string }) => void }): ReactElement {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<{ id: string; label: string }[]>([]);
  useEffect(() => {
    if (text.trim().length < 2) {
      setOptions([]);
      return undefined;
    }
    const timer = setTimeout(() => {
      searchFindings(text.trim()).then(setOptions, () => setOptions([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="finding-adder">
      <label htmlFor="finding-add">Add a finding</label>
      <input
        id="finding-add"
        list="finding-options"
        value={text}
        placeholder="e.g. haemoptysis"
        onChange={(e) => setText(e.target.value)}
      />
      <datalist id="finding-options">
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
      {['present', 'absent'].map((state) => (
        <button
          key={state}
          type="button"
          disabled={!options.some((o) => o.label === text)}
          onClick={() => {
            const match = options.find((o) => o.label === text);
            if (match) {
              onAdd({ id: match.id, label: match.label, present: state === 'present' });
              setText('');
            }
          }}
        >
          Add as {state}
        </button>
      ))}
    </div>
  );
}

/** The ranked differential from the chart; the clinician toggles or adds findings and the list re-ranks. */
export function DdxPanel({ patientId }: { patientId: string }): ReactElement {
  const [overrides, setOverrides] = useState<(FindingOverride & { label: string })[]>([]);
  const key = `ddx:${patientId}:${overrides.map((o) => `${o.id}=${o.present}`).join(',')}`;
  const [result, retry] = useResource(key, () =>
    ddxForPatient(
      patientId,
      overrides.map(({ id, present }) => ({ id, present })),
    ),
  );
  const setFinding = (o: FindingOverride & { label: string }): void => {
    setOverrides([...overrides.filter((x) => x.id !== o.id), o]);
  };
  return (
    <section className="panel" aria-labelledby="ddx-heading">
      <h2 id="ddx-heading">Differential diagnosis</h2>
      {overrides.length > 0 ? (
        <p className="small" aria-live="polite">
          Your changes:{' '}
          {overrides.map((o) => (
            <span key={o.id} className={`chip ${o.present ? 'chip-for' : 'chip-against'}`}>
              {o.present ? '+' : '−'} {o.label}
            </span>
          ))}{' '}
          <button type="button" className="secondary" onClick={() => setOverrides([])}>
            Back to the chart&apos;s findings
          </button>
        </p>
      ) : null}
      <Loaded resource={result} what="the differential" onRetry={retry}>
        {(ddx) => (
          <div className="ddx-layout">
            <div>
              <table className="grid">
                <thead>
                  <tr>
                    <th scope="col">Condition</th>
                    <th scope="col">Probability</th>
                    <th scope="col">Group</th>
                    <th scope="col">For (+) and against (−)</th>
                  </tr>
                </thead>
                <tbody>
                  {ddx.differential.map((item) => (
                    <DifferentialRow key={item.condition} item={item} />
                  ))}
                </tbody>
              </table>
              <h3>Next best findings or tests</h3>
              <ol className="small">
                {ddx.nextBest.map((n) => (
                  <li key={n.finding}>
                    {n.label}{' '}
                    <span className="muted">
                      ({n.kind}, information gain {n.expectedInformationGain.toFixed(3)})
                    </span>{' '}
                    <button
                      type="button"
                      aria-label={`${n.label}: present`}
                      onClick={() => setFinding({ id: n.finding, label: n.label, present: true })}
                    >
                      present
                    </button>{' '}
                    <button
                      type="button"
                      aria-label={`${n.label}: absent`}
                      onClick={() => setFinding({ id: n.finding, label: n.label, present: false })}
                    >
                      absent
                    </button>
                  </li>
                ))}
              </ol>
            </div>
            <aside aria-label="Findings">
              <h3>Findings ({ddx.findings.length})</h3>
              <ul className="findings">
                {ddx.findings.map((f) => (
                  <li key={f.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={f.present}
                        onChange={() => setFinding({ id: f.id, label: f.label, present: !f.present })}
                      />{' '}
                      {f.label}{' '}
                      <span className="muted small">({f.source.kind === 'user' ? 'you' : f.source.kind})</span>
                    </label>
                  </li>
                ))}
              </ul>
              <FindingAdder onAdd={setFinding} />
              <p className="muted small">Knowledge base {ddx.knowledgeVersion}</p>
            </aside>
          </div>
        )}
      </Loaded>
    </section>
  );
}
