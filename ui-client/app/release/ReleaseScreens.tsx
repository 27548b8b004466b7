/**
 * Release dashboard, ALCOA+ scorecard, release checks and review queue, typed against the release contract SDL.
 * NOT compiled or bundled until that SDL is on main (tsconfig.json excludes app/release); README.md says how to
 * enable them: a route for ReleaseDashboard and three batch tabs.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download, graphql } from '../api/hub';
import { Empty, ErrorPanel, formatTime, Show, useAsync } from '../ui/states';
import {
  ALCOA, READINESS, RELEASE_QUEUE, REVIEW_QUEUE, VERDICTS, type AlcoaResult, type EvidenceLink, type QueueItem,
  type ReadinessResult, type ReleaseQueueResult, type ReviewQueueResult, type Verdict,
} from './operations';

export function ReleaseDashboard() {
  const [params, setParams] = useSearchParams();
  const verdict = params.get('verdict') as Verdict | null;
  const search = params.get('q') ?? '';
  const all = params.get('all') === '1';
  const [text, setText] = useState(search);
  const [extra, setExtra] = useState<{ rows: QueueItem[]; after: string | null; error?: unknown }>({ rows: [], after: null });
  const vars = { verdict: verdict ? [verdict] : null, search: search || null, includeDispositioned: all };
  const queue = useAsync(() => graphql<ReleaseQueueResult>(RELEASE_QUEUE, vars), [verdict, search, all]);
  const set = (next: Record<string, string | null>) => {
    setExtra({ rows: [], after: null });
    const p = new URLSearchParams(params);
    Object.entries(next).forEach(([k, v]) => (v ? p.set(k, v) : p.delete(k)));
    setParams(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: text.trim() || null });
  };
  return (
    <section aria-labelledby="release-title">
      <h1 id="release-title">Release queue</h1>
      <form className="search" role="search" onSubmit={submit}>
        <label htmlFor="release-search">Batch or lot number</label>{' '}
        <input id="release-search" value={text} onChange={(e) => setText(e.target.value)} />{' '}
        <button type="submit">Search</button>{' '}
        <label><input type="checkbox" checked={all} onChange={(e) => set({ all: e.target.checked ? '1' : null })} /> include released and rejected</label>
      </form>
      <Show async={queue} what="release queue">
        {({ releaseQueue: q }) => {
          const counts = new Map(q.countsByVerdict.map((c) => [c.verdict, c.count]));
          const rows = [...q.edges.map((e) => e.node), ...extra.rows];
          const next = extra.rows.length === 0 ? (q.pageInfo.hasNextPage ? q.pageInfo.endCursor : null) : extra.after;
          return (
            <>
              <div className="filters" role="group" aria-label="Filter by verdict">
                <button type="button" aria-pressed={!verdict} onClick={() => set({ verdict: null })}>All ({q.totalCount})</button>
                {VERDICTS.filter((v) => counts.has(v)).map((v) => (
                  <button key={v} type="button" aria-pressed={verdict === v} onClick={() => set({ verdict: v })}>
                    <span className={'status s-' + v}>{v}</span> {counts.get(v)}
                  </button>
                ))}
              </div>
              {rows.length === 0 ? <Empty>No batch waits for disposition{verdict ? ' with verdict ' + verdict : ''}{search ? ' matching “' + search + '”' : ''}.</Empty> : (
                <table className="grid" data-testid="release-queue">
                  <thead><tr><th>Batch</th><th>Product</th><th>Stage</th><th>Verdict</th><th>Open exceptions</th><th>Waiting since</th></tr></thead>
                  <tbody>{rows.map((i) => (
                    <tr key={i.batch.id}>
                      <td><Link to={'/ui/batch/' + encodeURIComponent(i.batch.key) + '?tab=checks'}>{i.batch.key}</Link></td>
                      <td>{i.batch.productKey}</td><td>{i.batch.stage}</td><td><span className={'status s-' + i.verdict}>{i.verdict}</span></td>
                      <td>{i.openExceptions}</td><td>{formatTime(i.waitingSince)}</td>
                    </tr>))}</tbody>
                </table>
              )}
              {extra.error ? <ErrorPanel error={extra.error} /> : null}
              {next ? <button type="button" onClick={() => graphql<ReleaseQueueResult>(RELEASE_QUEUE, { ...vars, after: next }).then((r) =>
                setExtra((x) => ({ rows: [...x.rows, ...r.releaseQueue.edges.map((e) => e.node)],
                  after: r.releaseQueue.pageInfo.hasNextPage ? r.releaseQueue.pageInfo.endCursor : null })),
              (error: unknown) => setExtra((x) => ({ ...x, error })))}>Show more</button> : null}
            </>
          );
        }}
      </Show>
    </section>
  );
}

export function Evidence({ links }: { links: EvidenceLink[] }) {
  const [error, setError] = useState<unknown>();
  if (links.length === 0) {
    return <span className="hint">—</span>;
  }
  return (
    <ul className="evidence">
      {links.map((l, i) => {
        const m = /^(Batch|Lot):(.+)$/.exec(l.recordId ?? '');
        return (
          <li key={i}>
            {m ? <Link to={`/ui/${m[1].toLowerCase()}/${encodeURIComponent(m[2])}`}>{l.label}</Link>
              : l.url ? <a href={l.url} onClick={(e) => { e.preventDefault(); download(l.url as string, l.label).catch(setError); }}>{l.label}</a>
                : <>{l.label}{l.recordId ? <code> {l.recordId}</code> : null}</>}
          </li>
        );
      })}
      {error ? <li><ErrorPanel error={error} /></li> : null}
    </ul>
  );
}

export function AlcoaScorecard({ batchId }: { batchId: string }) {
  const report = useAsync(() => graphql<AlcoaResult>(ALCOA, { batch: batchId }), [batchId]);
  return (
    <Show async={report} what="ALCOA+ scorecard">
      {({ alcoa }) => !alcoa ? <Empty>No ALCOA+ evaluation for this batch.</Empty> : (
        <>
          <p className="hint">Rule set {alcoa.ruleSetVersion}, {alcoa.recordsEvaluated} records at tree size {alcoa.treeSize};
            {' '}<strong>{alcoa.criticalFindings}</strong> critical finding(s).</p>
          <table className="grid" data-testid="alcoa">
            <thead><tr><th>Principle</th><th>Score</th><th>Status</th><th>Findings</th></tr></thead>
            <tbody>{alcoa.principles.map((p) => (
              <tr key={p.principle}>
                <td>{p.principle}</td><td><meter min={0} max={1} value={p.score} aria-label={p.principle + ' score'} /> {(p.score * 100).toFixed(0)}%</td>
                <td><span className={'status s-' + p.status}>{p.status}</span></td>
                <td>{p.findingCount === 0 ? '—' : (
                  <details><summary>{p.findingCount} finding(s)</summary>
                    <ul>{p.findings.edges.map(({ node: f }, i) => (
                      <li key={i}><code>{f.rule.id}</code> <span className={'status s-' + f.severity}>{f.severity}</span> {f.explanation}
                        <Evidence links={f.evidence} /></li>))}</ul>
                    {p.findings.pageInfo.hasNextPage ? <p className="hint">More findings: see GraphiQL (alcoa.findings).</p> : null}
                  </details>)}</td>
              </tr>))}</tbody>
          </table>
        </>
      )}
    </Show>
  );
}

export function ReleaseChecks({ batchId }: { batchId: string }) {
  const readiness = useAsync(() => graphql<ReadinessResult>(READINESS, { batch: batchId }), [batchId]);
  return (
    <Show async={readiness} what="release checks">
      {({ releaseReadiness: r }) => !r ? <Empty>No readiness evaluation for this batch.</Empty> : (
        <>
          <p data-testid="verdict">Verdict <span className={'status s-' + r.verdict}>{r.verdict}</span> at tree size {r.treeSize}.</p>
          <table className="grid" data-testid="checks">
            <thead><tr><th>Check</th><th>Status</th><th>Why</th><th>Evidence</th></tr></thead>
            <tbody>{r.checks.map((c) => (
              <tr key={c.name}><td>{c.title}</td><td><span className={'status s-' + c.status}>{c.status}</span></td>
                <td>{c.explanation}</td><td><Evidence links={c.evidence} /></td></tr>))}</tbody>
          </table>
        </>
      )}
    </Show>
  );
}

/** Exceptions per batch with their class and records; accepting or raising a deviation waits for the signature API. */
export function ReviewQueueView({ batchId }: { batchId: string }) {
  const queue = useAsync(() => graphql<ReviewQueueResult>(REVIEW_QUEUE, { batch: batchId }), [batchId]);
  return (
    <Show async={queue} what="review queue">
      {({ reviewQueue: q }) => !q || q.total === 0 ? <Empty>No exceptions to review.</Empty> : (
        <table className="grid" data-testid="review-queue">
          <thead><tr><th>Class</th><th>Severity</th><th>Reason</th><th>Records</th><th>Raised</th></tr></thead>
          <tbody>{q.exceptions.edges.map(({ node: x }) => (
            <tr key={x.id}><td>{x.exceptionClass}</td><td><span className={'status s-' + x.severity}>{x.severity}</span></td>
              <td>{x.reason}</td><td><Evidence links={x.records} /></td><td>{formatTime(x.raisedAt)}</td></tr>))}</tbody>
        </table>
      )}
    </Show>
  );
}
