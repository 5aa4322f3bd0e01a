import { useEffect, useState } from 'react';

/** The state of one async load: loading, loaded data, or an error message telling the user what to do. */
export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/** Loads data for the given key; reloads when the key changes and ignores stale answers. */
export function useResource<T>(key: string, load: () => Promise<T>): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (live) setState({ status: 'ready', data });
      },
      (err: unknown) => {
        if (live)
          setState({ status: 'error', message: err instanceof Error ? err.message : 'Unexpected error; retry.' });
      },
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);
  return [state, () => setNonce((n) => n + 1)];
}
