/**
 * The ingest review queue (tab "unlinked" of the Ingest screen): test results that name only a sample, and references
 * of ingested records to records not recorded yet. Both wait for a record that has not arrived; the hub links them in
 * the write that records it, so this list only shrinks by ingesting, never by a decision here.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../api/hub';
import type { Connection } from '../api/operations';
import { SourceFileLink } from '../ui/provenance';
import { Empty, ErrorPanel, formatTime, Loading, Show, useAsync } from '../ui/states';
import { countText, firstPage, nextPage, recordRoute, valueWithUnit, type Paged } from './model';
import { UNLINKED_REFERENCES, UNLINKED_RESULTS, type UnlinkedReference, type UnlinkedReferencesResult, type UnlinkedResult,
  type UnlinkedResultsResult } from './operations';

export function UnlinkedQueue() {
  return (
    <div data-testid="unlinked">
      <div className="state warning" data-testid="unlinked-explanation">
        <strong>What “unlinked” means.</strong> These records were ingested and are kept in the ledger, but the lot,
        batch or other record they name has not been recorded yet. A result from a LIMS or instrument export that names
        only a sample ID is linked automatically, in the same write, when the lot or batch of that key arrives (in
        whichever order the files come); a reference is linked when its target record arrives. Until then an unlinked
        result belongs to no batch: it <strong>cannot support a release</strong> (the release checks do not see it among any
        batch's results). A sample ID that matches both a lot and a batch stays here until one of them is resolved.
      </div>
      <UnlinkedResults />
      <UnlinkedReferences />
    </div>
  );
}

/** The first page as a hub call; further pages appended on request; a refresh starts from the first page again. */
function usePaged<R, T>(document: string, pick: (r: R) => Connection<T>) {
  const first = useAsync(() => graphql<R>(document).then((r) => firstPage(pick(r))), [document]);
  const [more, setMore] = useState<{ loaded?: Paged<T>; busy: boolean; error?: unknown }>({ busy: false });
  const loaded = more.loaded ?? first.data;
  const loadMore = (from: Paged<T>) => {
    setMore({ loaded: from, busy: true });
    graphql<R>(document, { after: from.after }).then((r) => setMore({ loaded: nextPage(from, pick(r)), busy: false }),
      (error: unknown) => setMore({ loaded: from, busy: false, error }));
  };
  const reload = () => {
    setMore({ busy: false });
    first.reload();
  };
  return { first, loaded, more, loadMore, reload };
}

function UnlinkedResults() {
  const q = usePaged<UnlinkedResultsResult, UnlinkedResult>(UNLINKED_RESULTS, (r) => r.unlinkedResults);
  return (
    <div data-testid="unlinked-results-section" aria-busy={q.first.loading}>
      <h2>Results naming only a sample <button type="button" onClick={q.reload}>Refresh</button></h2>
      {q.first.loading && q.first.data ? <Loading what="unlinked results" /> : null}
      <Show async={q.first} what="unlinked results">
        {() => q.loaded && q.loaded.rows.length > 0 ? (
          <>
            <p data-testid="unlinked-results-count">{countText(q.loaded, 'result', 'results')} waiting for a lot or batch.</p>
            <table className="grid" data-testid="unlinked-results">
              <thead><tr><th>Sample ID</th><th>Test</th><th>Value</th><th>Result time</th><th>Analyst</th><th>Source</th></tr></thead>
              <tbody>{q.loaded.rows.map((r) => (
                <tr key={r.key} data-key={r.key} data-sample={r.sampleId ?? ''}>
                  <td className="nowrap"><code>{r.sampleId ?? '—'}</code></td>
                  <td>{r.test}{r.method ? <span className="hint"> ({r.method})</span> : null}</td>
                  <td>{valueWithUnit(r.value, r.unit)}</td>
                  <td className="nowrap">{formatTime(r.testedAt)}</td>
                  <td>{r.analyst ?? '—'}</td>
                  <td><Source r={r} /></td>
                </tr>))}</tbody>
            </table>
            <More paged={q.loaded} busy={q.more.busy} error={q.more.error} what="results" onMore={q.loadMore} />
          </>
        ) : <Empty>No unlinked results: every ingested result names a lot or batch that is recorded.</Empty>}
      </Show>
    </div>
  );
}

/** The original file behind a result (a download for QA and inspectors) and where in it the result was read. */
function Source({ r }: { r: UnlinkedResult }) {
  const p = r.provenance;
  return (
    <span className="provenance">
      {p.sourceFile ? <SourceFileLink sha256={p.sourceFile.sha256} name={p.sourceFile.fileName} /> : p.source}
      {p.locator ? <> @ <code>{p.locator}</code></> : null}
      <span className="hint"> · ingested {formatTime(p.recordedAt)}</span>
    </span>
  );
}

function UnlinkedReferences() {
  const q = usePaged<UnlinkedReferencesResult, UnlinkedReference>(UNLINKED_REFERENCES, (r) => r.unlinkedReferences);
  return (
    <div data-testid="unlinked-references-section" aria-busy={q.first.loading}>
      <h2>References to records not recorded yet <button type="button" onClick={q.reload}>Refresh</button></h2>
      {q.first.loading && q.first.data ? <Loading what="unlinked references" /> : null}
      <Show async={q.first} what="unlinked references">
        {() => q.loaded && q.loaded.rows.length > 0 ? (
          <>
            <p data-testid="unlinked-references-count">{countText(q.loaded, 'reference', 'references')} waiting for the record named.</p>
            <table className="grid" data-testid="unlinked-references">
              <thead><tr><th>From record</th><th>Field</th><th>Target (not recorded yet)</th><th>Where in the file</th></tr></thead>
              <tbody>{q.loaded.rows.map((r) => {
                const to = recordRoute(r.from);
                return (
                  <tr key={r.from + ' ' + r.field + ' ' + r.target} data-from={r.from} data-target={r.target}>
                    <td>{to ? <Link to={to}>{r.from}</Link> : <code>{r.from}</code>}</td>
                    <td><code>{r.field}</code></td>
                    <td><code>{r.target}</code></td>
                    <td>{r.locator ? <code>{r.locator}</code> : '—'}</td>
                  </tr>);
              })}</tbody>
            </table>
            <More paged={q.loaded} busy={q.more.busy} error={q.more.error} what="references" onMore={q.loadMore} />
          </>
        ) : <Empty>No unlinked references: every record an ingested file names is recorded.</Empty>}
      </Show>
    </div>
  );
}

function More<T>({ paged, busy, error, what, onMore }: { paged: Paged<T>; busy: boolean; error?: unknown; what: string;
  onMore: (from: Paged<T>) => void }) {
  return (
    <>
      {error ? <ErrorPanel error={error} onRetry={() => onMore(paged)} /> : null}
      {busy ? <Loading what={'more ' + what} /> : null}
      {paged.after && !busy ? <button type="button" data-more={what} onClick={() => onMore(paged)}>Show more {what}</button> : null}
    </>
  );
}
