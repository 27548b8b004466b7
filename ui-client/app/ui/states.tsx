import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { HubError } from '../api/errors';

export function Loading({ what }: { what: string }) {
  return <p className="state loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** An error as the hub said it: classification and message, never swallowed. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const hub = error instanceof HubError ? error : undefined;
  const title = hub?.forbidden ? 'Forbidden' : hub?.classification === 'NOT_FOUND' ? 'Not found' : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className={'state error' + (hub?.forbidden ? ' forbidden' : '')} role="alert" data-classification={hub?.classification ?? 'CLIENT'}>
      <strong>{title}</strong>{hub ? <span className="classification"> ({hub.classification})</span> : null}: {message}
      {onRetry ? <> <button type="button" onClick={onRetry}>Retry</button></> : null}
    </div>
  );
}

export function Forbidden({ need, have }: { need: readonly string[]; have: readonly string[] }) {
  return (
    <div className="state error forbidden" role="alert" data-classification="FORBIDDEN">
      <strong>Forbidden</strong>: this screen needs one of the roles {need.join(', ')}; you have {have.length ? have.join(', ') : 'none'}.
    </div>
  );
}

export type Async<T> = { loading: boolean; error?: unknown; data?: T; reload: () => void };

/** Runs a hub call when its inputs change; the last call wins (a slow earlier answer is dropped). */
export function useAsync<T>(run: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ loading: boolean; error?: unknown; data?: T }>({ loading: true });
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useCallback(run, deps);
  useEffect(() => {
    let current = true;
    setState((s) => ({ loading: true, data: s.data }));
    stable().then((data) => current && setState({ loading: false, data }),
      (error: unknown) => current && setState({ loading: false, error }));
    return () => {
      current = false;
    };
  }, [stable, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** Loading, error or the content: every screen goes through one of the three. */
export function Show<T>({ async, what, children }: { async: Async<T>; what: string; children: (data: T) => ReactNode }) {
  if (async.error !== undefined) {
    return <ErrorPanel error={async.error} onRetry={async.reload} />;
  }
  if (async.loading && async.data === undefined) {
    return <Loading what={what} />;
  }
  return <>{async.data === undefined ? null : children(async.data)}</>;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/Z$/, ' UTC');
}
