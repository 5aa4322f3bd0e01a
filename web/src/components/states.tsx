import type { ReactElement } from 'react';
import type { Resource } from '../api/use-resource.js';

/** A loading line that screen readers announce. */
export function Loading({ what }: { what: string }): ReactElement {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** An error box with the server's message and a retry button. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }): ReactElement {
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

/** Renders a resource: loading, error with retry, or the content. */
export function Loaded<T>(props: {
  resource: Resource<T>;
  what: string;
  onRetry?: () => void;
  children: (data: T) => ReactElement;
}): ReactElement {
  const { resource } = props;
  if (resource.status === 'loading') return <Loading what={props.what} />;
  if (resource.status === 'error') {
    return props.onRetry ? (
      <ErrorState message={resource.message} onRetry={props.onRetry} />
    ) : (
      <ErrorState message={resource.message} />
    );
  }
  return props.children(resource.data);
}
