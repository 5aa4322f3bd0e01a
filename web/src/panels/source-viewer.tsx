import { useEffect, useRef, type ReactElement } from 'react';
import { apiFetch } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { Loaded } from '../components/states.js';

/** `Observation/1/_history/2` or `Observation/1#8480-6` -> the FHIR read path. */
export function fhirPathOf(source: string): string {
  return `/fhir/${source.split('#')[0] ?? source}`;
}

/** A dialog showing the FHIR resource behind a fact (the provenance of a score input, an alert or a sentence). */
export function SourceViewer({ source, onClose }: { source: string; onClose: () => void }): ReactElement {
  const [resource, retry] = useResource(`source:${source}`, () => apiFetch<unknown>(fhirPathOf(source)));
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="source-dialog" aria-label={`Source ${source}`} onClose={onClose}>
      <header>
        <h2 className="mono">{source}</h2>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      <Loaded resource={resource} what="source resource" onRetry={retry}>
        {(data) => <pre className="json">{JSON.stringify(data, null, 2)}</pre>}
      </Loaded>
    </dialog>
  );
}
