import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../api/hub';
import { findByKey } from '../api/lookup';
import { BATCHES, type BatchesResult, type BatchRow } from '../api/operations';
import type { UiConfig } from '../config';
import { Empty, ErrorPanel, formatTime, Show, useAsync } from '../ui/states';

const STATUSES = ['', 'PLANNED', 'IN_PROCESS', 'COMPLETED', 'UNDER_REVIEW', 'RELEASED', 'REJECTED'];

export function BatchesScreen({ config }: { config: UiConfig }) {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [pages, setPages] = useState<BatchRow[][]>([]);
  const [more, setMore] = useState<{ after: string | null; error?: unknown }>({ after: null });
  const first = useAsync(() => graphql<BatchesResult>(BATCHES, { status: status || null }), [status]);

  const loadMore = (after: string) => {
    graphql<BatchesResult>(BATCHES, { status: status || null, after }).then((r) => {
      setPages((p) => [...p, r.batches.edges.map((e) => e.node)]);
      setMore({ after: r.batches.pageInfo.hasNextPage ? r.batches.pageInfo.endCursor : null });
    }, (error: unknown) => setMore((m) => ({ ...m, error })));
  };

  return (
    <section aria-labelledby="batches-title">
      <h1 id="batches-title">Batches</h1>
      <KeySearch config={config} />
      <label className="filter">Status{' '}
        <select value={status} onChange={(e) => {
          setPages([]);
          setMore({ after: null });
          setParams(e.target.value ? { status: e.target.value } : {});
        }}>
          {STATUSES.map((s) => <option key={s} value={s}>{s || 'any'}</option>)}
        </select>
      </label>
      <Show async={first} what="batches">
        {(r) => {
          const rows = [...r.batches.edges.map((e) => e.node), ...pages.flat()];
          const next = pages.length === 0 ? (r.batches.pageInfo.hasNextPage ? r.batches.pageInfo.endCursor : null) : more.after;
          return rows.length === 0 ? <Empty>No batches{status ? ' with status ' + status : ''}.</Empty> : (
            <>
              <table className="grid" data-testid="batches">
                <thead><tr><th>Batch</th><th>Product</th><th>Stage</th><th>Status</th><th>Started</th></tr></thead>
                <tbody>
                  {rows.map((b) => (
                    <tr key={b.id}>
                      <td><Link to={'/ui/batch/' + encodeURIComponent(b.key)}>{b.key}</Link></td>
                      <td>{b.productKey}</td><td>{b.stage}</td><td><span className={'status s-' + b.status}>{b.status}</span></td>
                      <td>{formatTime(b.startedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {more.error ? <ErrorPanel error={more.error} /> : null}
              {next ? <button type="button" onClick={() => loadMore(next)}>Show more</button> : <p className="hint">{rows.length} batch(es), all shown.</p>}
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** Search by batch or lot number as people know it (the business key), never by global ID. */
export function KeySearch({ config }: { config: UiConfig }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: unknown; notFound?: string }>({ busy: false });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    findByKey(text, config.keyNamespaces).then((found) => {
      if (!found) {
        setState({ busy: false, notFound: text.trim() });
      } else {
        navigate(`/ui/${found.kind === 'Batch' ? 'batch' : 'lot'}/${encodeURIComponent(found.key)}`);
      }
    }, (error: unknown) => setState({ busy: false, error }));
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <label htmlFor="key-search">Batch or lot number</label>{' '}
      <input id="key-search" name="key" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. B-GR-000012 or LOT-000123" />
      {' '}<button type="submit" disabled={state.busy || text.trim() === ''}>Find</button>
      {state.notFound ? <p className="state empty" role="status">No batch or lot with the key “{state.notFound}”.</p> : null}
      {state.error ? <ErrorPanel error={state.error} /> : null}
    </form>
  );
}
