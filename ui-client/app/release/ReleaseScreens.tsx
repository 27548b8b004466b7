/**
 * Release dashboard, ALCOA+ scorecard and release checks. The dashboard is /ui/release; the other two are tabs of the
 * batch screen (alcoa, checks); the review queue (tab review) is ReviewQueue.tsx.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download, graphql } from '../api/hub';
import { SourceFileLink } from '../ui/provenance';
import { Empty, ErrorPanel, formatTime, Show, useAsync } from '../ui/states';
import { DispositionButton } from '../sign/DispositionDialog';
import { evidenceTarget, filterFromParams, filterToParams, percent, queueVariables, stagesOf, verdictButtons, type QueueFilter } from './model';
import {
  ALCOA, READINESS, RELEASE_QUEUE, type AlcoaResult, type EvidenceLink, type QueueItem,
  type ReadinessResult, type ReleaseQueueResult, type Verdict,
} from './operations';

const VERDICT_WORDS: Record<Verdict, string> = {
  READY: 'every check passes', BLOCKED: 'a check fails', INCOMPLETE: 'data missing to decide', ON_HOLD: 'held by QA',
  IN_PROCESS: 'not completed yet', RELEASED: 'released', REJECTED: 'rejected',
};

export function ReleaseDashboard() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [text, setText] = useState(filter.search);
  const [stage, setStage] = useState(filter.stage);
  // the URL is the filter: a back button or the nav link resets the inputs too
  useEffect(() => {
    setText(filter.search);
    setStage(filter.stage);
  }, [filter.search, filter.stage]);
  const [extra, setExtra] = useState<{ rows: QueueItem[]; after: string | null; error?: unknown }>({ rows: [], after: null });
  const key = filterToParams(filter).toString();
  const queue = useAsync(() => graphql<ReleaseQueueResult>(RELEASE_QUEUE, queueVariables(filter)), [key]);
  const apply = (next: Partial<QueueFilter>) => {
    setExtra({ rows: [], after: null });
    setParams(filterToParams({ ...filter, ...next }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ search: text.trim(), stage: stage.trim() });
  };
  const more = (after: string) => graphql<ReleaseQueueResult>(RELEASE_QUEUE, queueVariables(filter, after)).then((r) =>
    setExtra((x) => ({ rows: [...x.rows, ...r.releaseQueue.edges.map((e) => e.node)],
      after: r.releaseQueue.pageInfo.hasNextPage ? r.releaseQueue.pageInfo.endCursor : null })),
  (error: unknown) => setExtra((x) => ({ ...x, error })));
  return (
    <section aria-labelledby="release-title">
      <h1 id="release-title">Release queue</h1>
      <p className="hint">Batches awaiting disposition, waiting longest first, with the verdict of their release checks at the ledger's head.</p>
      <form className="search" role="search" aria-label="Filter the release queue" onSubmit={submit}>
        <label htmlFor="release-search">Batch or lot number</label>{' '}
        <input id="release-search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. B-TAB or LOT-000123" />{' '}
        <label htmlFor="release-stage">Stage</label>{' '}
        <input id="release-stage" value={stage} size={14} list="release-stages" onChange={(e) => setStage(e.target.value)} placeholder="as recorded" />
        <datalist id="release-stages">{stagesOf(queue.data?.releaseQueue.edges.map((e) => e.node) ?? [], filter.stage).map((st) => <option key={st} value={st} />)}</datalist>{' '}
        <button type="submit">Apply</button>{' '}
        <label><input type="checkbox" data-testid="include-dispositioned" checked={filter.includeDispositioned}
                      onChange={(e) => apply({ includeDispositioned: e.target.checked })} /> include released and rejected</label>
        {filter.search || filter.stage || filter.verdict ? <>{' '}<button type="button" onClick={() => {
          setText('');
          setStage('');
          apply({ search: '', stage: '', verdict: null });
        }}>Clear filters</button></> : null}
      </form>
      <Show async={queue} what="release queue">
        {({ releaseQueue: q }) => {
          const rows = [...q.edges.map((e) => e.node), ...extra.rows];
          const next = extra.rows.length === 0 ? (q.pageInfo.hasNextPage ? q.pageInfo.endCursor : null) : extra.after;
          return (
            <>
              <div className="filters" role="group" aria-label="Filter by verdict" data-testid="verdict-counts">
                {verdictButtons(q.countsByVerdict, filter.verdict).map(({ verdict, count }) => (
                  <button key={verdict ?? 'all'} type="button" aria-pressed={filter.verdict === verdict} data-verdict={verdict ?? 'ALL'}
                          title={verdict ? VERDICT_WORDS[verdict] : 'every verdict'} onClick={() => apply({ verdict })}>
                    {verdict ? <span className={'status s-' + verdict}>{verdict}</span> : 'All'} <span className="count">{count}</span>
                  </button>
                ))}
              </div>
              {queue.loading ? <p className="state loading" role="status">Updating the queue for the new filter…</p> : null}
              {rows.length === 0 ? (
                <Empty>No batch awaits disposition{filter.verdict ? ' with verdict ' + filter.verdict : ''}
                  {filter.stage ? ' at stage ' + filter.stage : ''}{filter.search ? ' matching “' + filter.search + '”' : ''}.</Empty>
              ) : (
                <table className={'grid' + (queue.loading ? ' stale' : '')} data-testid="release-queue" aria-busy={queue.loading}>
                  <caption className="hint">{q.totalCount} batch(es) match{rows.length < q.totalCount ? `, ${rows.length} shown` : ''}.</caption>
                  <thead><tr><th>Batch</th><th>Product</th><th>Stage</th><th>Status</th><th>Verdict</th><th>Open exceptions</th><th>Waiting since</th></tr></thead>
                  <tbody>{rows.map((i) => (
                    <tr key={i.batch.id} data-batch={i.batch.key} data-verdict={i.verdict}>
                      <td><Link to={'/ui/batch/' + encodeURIComponent(i.batch.key) + '?tab=checks'}>{i.batch.key}</Link></td>
                      <td>{i.batch.productKey}</td><td>{i.batch.stage}</td><td>{i.batch.status}</td>
                      <td><span className={'status s-' + i.verdict} title={VERDICT_WORDS[i.verdict]}>{i.verdict}</span></td>
                      <td>{i.openExceptions === 0 ? '—' : <Link to={'/ui/batch/' + encodeURIComponent(i.batch.key) + '?tab=review'}>{i.openExceptions}</Link>}</td>
                      <td>{formatTime(i.waitingSince)}</td>
                    </tr>))}</tbody>
                </table>
              )}
              {extra.error ? <ErrorPanel error={extra.error} /> : null}
              {next ? <button type="button" onClick={() => void more(next)}>Show more</button> : null}
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** Evidence links: records to their screen or tab, ingested records also to their source file, files to a download. */
export function Evidence({ links, batchKey }: { links: EvidenceLink[]; batchKey?: string }) {
  const [error, setError] = useState<unknown>();
  if (links.length === 0) {
    return <span className="hint">—</span>;
  }
  return (
    <ul className="evidence">
      {links.map((l, i) => {
        const target = evidenceTarget(l, batchKey);
        const file = l.record?.provenance?.sourceFile;
        return (
          <li key={i}>
            {target.kind === 'route' ? <Link to={target.to} data-record={l.recordId ?? undefined}>{l.label}</Link>
              : target.kind === 'download' ? <a href={target.url} onClick={(e) => {
                e.preventDefault();
                setError(undefined);
                download(target.url, target.name).catch(setError);
              }}>{l.label}</a>
                : <>{l.label}{l.recordId ? <code> {l.recordId}</code> : null}</>}
            {file ? <> · <SourceFileLink sha256={file.sha256} name={file.fileName} /></> : null}
          </li>
        );
      })}
      {error ? <li><ErrorPanel error={error} /></li> : null}
    </ul>
  );
}

export function AlcoaScorecard({ batchId, batchKey }: { batchId: string; batchKey?: string }) {
  const report = useAsync(() => graphql<AlcoaResult>(ALCOA, { batch: batchId }), [batchId]);
  return (
    <Show async={report} what="ALCOA+ scorecard">
      {({ alcoa }) => !alcoa ? <Empty>No ALCOA+ evaluation for this batch.</Empty> : (
        <>
          <p className="hint" data-testid="alcoa-summary">Rule set {alcoa.ruleSetVersion}: {alcoa.recordsEvaluated} record(s) of the batch evaluated at
            tree size {alcoa.treeSize};{' '}
            {alcoa.criticalFindings === 0 ? 'no critical finding.' : <strong className="warning">{alcoa.criticalFindings} critical finding(s): they block release.</strong>}</p>
          <table className="grid" data-testid="alcoa">
            <thead><tr><th>Principle</th><th>Score</th><th>Status</th><th>Records judged</th><th>Findings</th></tr></thead>
            <tbody>{alcoa.principles.map((p) => (
              <tr key={p.principle} data-principle={p.principle} data-status={p.status}>
                <td>{p.principle}</td>
                <td><meter min={0} max={1} value={p.score} aria-label={p.principle + ' score'} /> {percent(p.score)}</td>
                <td><span className={'status s-' + p.status}>{p.status.replace('_', ' ')}</span></td>
                <td>{p.recordsEvaluated}</td>
                <td>{p.findingCount === 0 ? '—' : (
                  <details><summary>{p.findingCount} finding(s)</summary>
                    <ul className="findings">{p.findings.edges.map(({ node: f }, i) => (
                      <li key={i}><code title={f.rule.title + ' (version ' + f.rule.version + ')'}>{f.rule.id}</code>{' '}
                        <span className={'status s-' + f.severity}>{f.severity}</span> {f.explanation}
                        <Evidence links={f.evidence} batchKey={batchKey} /></li>))}</ul>
                    {p.findings.pageInfo.hasNextPage
                      ? <p className="hint">{p.findingCount - p.findings.edges.length} more finding(s) of this principle are not listed here (alcoa.findings in GraphiQL lists them all).</p>
                      : null}
                  </details>)}</td>
              </tr>))}</tbody>
          </table>
        </>
      )}
    </Show>
  );
}

export function ReleaseChecks({ batchId, batchKey, onDisposition }: { batchId: string; batchKey?: string; onDisposition?: () => void }) {
  const readiness = useAsync(() => graphql<ReadinessResult>(READINESS, { batch: batchId }), [batchId]);
  return (
    <Show async={readiness} what="release checks">
      {({ releaseReadiness: r }) => {
        if (!r) {
          return <Empty>No readiness evaluation for this batch.</Empty>;
        }
        const failing = r.checks.filter((c) => c.status !== 'PASS').length;
        return (
          <>
            <p data-testid="verdict">Verdict <span className={'status s-' + r.verdict}>{r.verdict}</span> at tree size {r.treeSize}:{' '}
              {r.ready ? 'every check passes.' : `${failing} of ${r.checks.length} check(s) do not pass.`}</p>
            <div className="actions record-actions">
              <DispositionButton batchId={batchId} batchKey={batchKey ?? batchId} readiness={r} onDone={() => {
                readiness.reload();
                onDisposition?.();
              }} />
            </div>
            <table className="grid" data-testid="checks">
              <thead><tr><th>Check</th><th>Status</th><th>Why</th><th>Evidence</th></tr></thead>
              <tbody>{r.checks.map((c) => (
                <tr key={c.name} data-check={c.name} data-status={c.status} className={c.status === 'FAIL' ? 'oos' : ''}>
                  <td>{c.title}</td><td><span className={'status s-' + c.status}>{c.status}</span></td>
                  <td className="explanation">{c.explanation}</td><td><Evidence links={c.evidence} batchKey={batchKey} /></td></tr>))}</tbody>
            </table>
          </>
        );
      }}
    </Show>
  );
}
