import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { graphql, ingest } from '../api/hub';
import { INGEST_REPORTS, type Finding, type IngestReport, type IngestReportsResult } from '../api/operations';
import { useSessionUser } from '../auth/context';
import { hasAnyRole, INGEST_REPORT_READERS, INGEST_UPLOADERS } from '../auth/token';
import { INGEST_TABS, ingestTabs, tabFromParams } from '../ingest/model';
import { UnlinkedQueue } from '../ingest/UnlinkedQueue';
import { Empty, ErrorPanel, Forbidden, formatTime, Loading, Show, useAsync } from '../ui/states';

/** The REST answer's counts are a map; the GraphQL type's a list: one shape for the screen. */
function normalise(report: IngestReport | (Omit<IngestReport, 'counts'> & { counts: Record<string, number> })): IngestReport {
  const counts = Array.isArray(report.counts) ? report.counts
    : Object.entries(report.counts ?? {}).map(([type, count]) => ({ type, count }));
  return { ...report, counts } as IngestReport;
}

export function IngestScreen() {
  const roles = useSessionUser()?.roles ?? [];
  const [params, setParams] = useSearchParams();
  const tab = tabFromParams(params);
  const tabs = ingestTabs(roles);
  const need = INGEST_TABS.find((t) => t.tab === tab)?.roles ?? [];
  return (
    <section aria-labelledby="ingest-title">
      <h1 id="ingest-title">Ingest</h1>
      {tabs.length > 1 ? (
        <nav className="tabs" role="tablist" aria-label="Ingest sections">
          {tabs.map((t) => (
            <button key={t.tab} type="button" role="tab" aria-selected={t.tab === tab} className={t.tab === tab ? 'active' : ''}
                    data-tab={t.tab} onClick={() => setParams({ tab: t.tab })}>{t.label}</button>
          ))}
        </nav>
      ) : null}
      <div role="tabpanel" data-testid={'tab-' + tab}>
        {!hasAnyRole(roles, need) ? <Forbidden need={need} have={roles} /> : tab === 'unlinked' ? <UnlinkedQueue /> : (
          <>
            {hasAnyRole(roles, INGEST_UPLOADERS) ? <Upload /> : <p className="hint">Uploading needs the adapter role.</p>}
            {hasAnyRole(roles, INGEST_REPORT_READERS) ? <Reports /> : <p className="hint">The list of reports needs a QA, inspector or admin role.</p>}
          </>
        )}
      </div>
    </section>
  );
}

function Upload() {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<{ busy: boolean; report?: IngestReport; error?: unknown }>({ busy: false });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      return;
    }
    setState({ busy: true });
    ingest<IngestReport>(file).then(({ report }) => setState({ busy: false, report: normalise(report) }),
      (error: unknown) => setState({ busy: false, error }));
  };
  return (
    <div>
      <h2>Upload a file</h2>
      <form className="search" onSubmit={submit}>
        <label htmlFor="ingest-file">MES or LIMS export</label>{' '}
        <input id="ingest-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {' '}<button type="submit" disabled={!file || state.busy}>Upload</button>
      </form>
      {state.busy ? <Loading what={'upload of ' + file?.name} /> : null}
      {state.error ? <ErrorPanel error={state.error} /> : null}
      {state.report ? <Report r={state.report} open /> : null}
    </div>
  );
}

function Reports() {
  const reports = useAsync(() => graphql<IngestReportsResult>(INGEST_REPORTS), []);
  return (
    <div>
      <h2>Reports <button type="button" onClick={reports.reload}>Refresh</button></h2>
      {reports.loading && reports.data ? <Loading what="reports" /> : null}
      <Show async={reports} what="ingest reports">
        {(r) => r.ingestReports.edges.length === 0 ? <Empty>No files ingested or refused yet.</Empty> : (
          <div data-testid="ingest-reports">{r.ingestReports.edges.map(({ node }) => <Report key={node.id} r={node} />)}</div>
        )}
      </Show>
    </div>
  );
}

function Report({ r, open }: { r: IngestReport; open?: boolean }) {
  return (
    <details className={'report r-' + r.status} open={open || r.status !== 'INGESTED'} data-testid="ingest-report" data-status={r.status}>
      <summary>
        <span className={'status s-' + r.status}>{r.status}</span>{r.duplicate ? ' (duplicate: the earlier report)' : ''}{' '}
        {r.fileName ?? 'unnamed file'} · {r.sizeBytes} bytes · {r.adapter ?? 'type not recognised'} · by {r.receivedBy} at {formatTime(r.receivedAt)}
      </summary>
      {r.counts.length ? <p>Written: {r.counts.map((c) => `${c.count} ${c.type}`).join(', ')}{r.firstSeq ? ` (ledger entries ${r.firstSeq}–${r.lastSeq})` : ''}</p> : null}
      <Findings title="Errors (nothing was written)" items={r.errors} kind="error" />
      <Findings title="Warnings" items={r.warnings} kind="warning" />
      {r.sha256 ? <p className="hint">sha256 <code>{r.sha256}</code></p> : null}
    </details>
  );
}

function Findings({ title, items, kind }: { title: string; items: Finding[]; kind: string }) {
  if (items.length === 0) {
    return null;
  }
  return (
    <>
      <h3>{title}</h3>
      <table className={'grid findings ' + kind} data-testid={'findings-' + kind}>
        <thead><tr><th>Where</th><th>Record</th><th>Field</th><th>Rule</th><th>Message</th></tr></thead>
        <tbody>{items.map((f, i) => (
          <tr key={i}><td><code>{[f.file, f.locator].filter(Boolean).join(' @ ') || '—'}</code></td><td>{f.record ?? '—'}</td>
            <td>{f.field ?? '—'}</td><td><code>{f.rule}</code></td><td>{f.message}</td></tr>))}</tbody>
      </table>
    </>
  );
}
