/**
 * The review queue of a batch (review by exception, tab "review" of the batch screen): exceptions with their class,
 * severity and records; the standing decision on each, or the actions to decide it (accept with comment, raise a
 * deviation) through the signed exception dialog; a decision's signature can be withdrawn there too.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { DecideExceptionButtons } from '../sign/ExceptionDialog';
import { mayDecideException } from '../sign/may';
import { WithdrawButton } from '../sign/WithdrawDialog';
import { Empty, ErrorPanel, formatTime, Show, useAsync } from '../ui/states';
import { REVIEW_QUEUE, type ExceptionDispositionView, type ReviewException, type ReviewQueueResult } from './operations';
import { Evidence } from './ReleaseScreens';
import { classesOf, filterExceptions, reviewFilterFromParams, reviewFilterToParams, reviewState, signatureId, type ReviewShow } from './review';

const SHOW: { show: ReviewShow; words: string }[] = [
  { show: 'open', words: 'To review' }, { show: 'decided', words: 'Decided' }, { show: 'all', words: 'All' },
];

export function ReviewQueueView({ batchId, batchKey }: { batchId: string; batchKey: string }) {
  const [params, setParams] = useSearchParams();
  const filter = reviewFilterFromParams(params);
  const user = useSessionUser();
  const offer = mayDecideException(user?.roles ?? []);
  const queue = useAsync(() => graphql<ReviewQueueResult>(REVIEW_QUEUE, { batch: batchId }), [batchId]);
  const [extra, setExtra] = useState<{ rows: ReviewException[]; after: string | null; error?: unknown }>({ rows: [], after: null });
  const reload = () => {
    setExtra({ rows: [], after: null });
    queue.reload();
  };
  const more = (after: string) => graphql<ReviewQueueResult>(REVIEW_QUEUE, { batch: batchId, after }).then((r) => setExtra((x) => ({
    rows: [...x.rows, ...(r.reviewQueue?.exceptions.edges.map((e) => e.node) ?? [])],
    after: r.reviewQueue?.exceptions.pageInfo.hasNextPage ? r.reviewQueue.exceptions.pageInfo.endCursor : null,
  })), (error: unknown) => setExtra((x) => ({ ...x, error })));
  return (
    <Show async={queue} what="review queue">
      {({ reviewQueue: q }) => {
        if (!q || q.total === 0) {
          return <Empty>No exceptions to review: normal records raise none.</Empty>;
        }
        const all = [...q.exceptions.edges.map((e) => e.node), ...extra.rows];
        const next = extra.rows.length === 0 ? (q.exceptions.pageInfo.hasNextPage ? q.exceptions.pageInfo.endCursor : null) : extra.after;
        const rows = filterExceptions(all, filter);
        return (
          <>
            <p data-testid="review-summary"><strong>{q.open}</strong> of {q.total} exception(s) to review at tree size {q.treeSize}
              {all.length < q.total ? ` (${all.length} loaded)` : ''}.</p>
            {!offer.may ? <p className="state warning" data-testid="review-forbidden">Forbidden for your roles ({(user?.roles ?? []).join(', ') || 'none'}):
              {' '}{offer.why}. You see what a reviewer must look at.</p> : null}
            <div className="filters" role="group" aria-label="Show exceptions">
              {SHOW.map((s) => <button key={s.show} type="button" aria-pressed={filter.show === s.show} data-review-show={s.show}
                                       onClick={() => setParams(reviewFilterToParams(params, { ...filter, show: s.show }))}>{s.words}</button>)}
              {' '}<label htmlFor="review-class">Class</label>{' '}
              <select id="review-class" value={filter.exceptionClass ?? ''}
                      onChange={(e) => setParams(reviewFilterToParams(params, { ...filter, exceptionClass: e.target.value || null }))}>
                <option value="">every class</option>
                {classesOf(all).map((c) => <option key={c.exceptionClass} value={c.exceptionClass}>
                  {c.exceptionClass.replace(/_/g, ' ')} ({c.open} to review of {c.total})</option>)}
              </select>
            </div>
            {queue.loading ? <p className="state loading" role="status">Updating the review queue…</p> : null}
            {rows.length === 0 ? <Empty>No exception {filter.show === 'open' ? 'left to review' : filter.show === 'decided' ? 'decided yet' : ''}
              {filter.exceptionClass ? ' of class ' + filter.exceptionClass.replace(/_/g, ' ') : ''}.</Empty> : (
              <table className="grid" data-testid="review-queue">
                <thead><tr><th>Class</th><th>Severity</th><th>Reason</th><th>Records</th><th>Raised</th><th>Decision</th></tr></thead>
                <tbody>{rows.map((x) => (
                  <tr key={x.id} data-class={x.exceptionClass} data-exception={x.id} data-state={reviewState(x)}>
                    <td>{x.exceptionClass.replace(/_/g, ' ')}</td>
                    <td><span className={'status s-' + x.severity}>{x.severity}</span></td>
                    <td>{x.reason}</td><td><Evidence links={x.records} batchKey={batchKey} /></td><td>{formatTime(x.raisedAt)}</td>
                    <td className="actions">
                      {x.disposition ? <Decision d={x.disposition} batchKey={batchKey} onWithdrawn={reload} /> : (
                        <>
                          {x.earlierDispositions.length > 0 ? <div className="warning" data-testid="review-reopened">Decided earlier
                            ({x.earlierDispositions.map((d) => d.decision).join(', ')}) on evidence that has changed since: to review again.</div> : null}
                          <DecideExceptionButtons batchId={batchId} batchKey={batchKey} exception={x} onDone={reload} />
                        </>
                      )}
                    </td>
                  </tr>))}</tbody>
              </table>
            )}
            {extra.error ? <ErrorPanel error={extra.error} /> : null}
            {next ? <button type="button" onClick={() => void more(next)}>Show more exceptions</button> : null}
          </>
        );
      }}
    </Show>
  );
}

/** A standing decision: what, by whom, when, why; the deviation raised; its signature can be withdrawn. */
function Decision({ d, batchKey, onWithdrawn }: { d: ExceptionDispositionView; batchKey: string; onWithdrawn: () => void }) {
  return (
    <div data-testid="review-decision" data-decision={d.decision}>
      <strong>{d.decision === 'ACCEPT' ? 'Accepted' : 'Deviation raised'}</strong> by {d.decidedBy ?? '—'} at {formatTime(d.decidedAt)}: “{d.comment}”
      {d.deviationId ? <div>Deviation <Link to={'/ui/batch/' + encodeURIComponent(batchKey) + '?tab=deviations'}>{d.deviationId.replace(/^Deviation:/, '')}</Link></div> : null}
      <div><WithdrawButton signature={{ id: signatureId(d.signatureKey), label: 'the signature on this decision', signer: null,
        printedName: d.decidedBy, withdrawn: false }} onDone={onWithdrawn} /></div>
    </div>
  );
}
