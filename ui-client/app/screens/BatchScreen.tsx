import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { graphql } from '../api/hub';
import { AUDIT, BATCH, STEP_RECORDS, type AuditResult, type Batch, type BatchResult, type StepRecord, type StepRecordsResult } from '../api/operations';
import { useSessionUser } from '../auth/context';
import { AUDIT_TRAIL_READERS, hasAnyRole } from '../auth/token';
import { GenealogyView } from '../genealogy/GenealogyView';
import { ResultsChart } from '../results/ResultsChart';
import { Empty, ErrorPanel, formatTime, Show, useAsync } from '../ui/states';
import { Deviations, ProvenanceLine, Signatures } from './records';
import { HubError } from '../api/errors';
import { AlcoaScorecard, ReleaseChecks } from '../release/ReleaseScreens';
import { ReviewQueueView } from '../release/ReviewQueue';
import { SignButton } from '../sign/SignDialog';

const TABS = ['overview', 'checks', 'alcoa', 'review', 'genealogy', 'results', 'deviations', 'steps', 'signatures', 'audit'] as const;
type Tab = (typeof TABS)[number];
const LABELS: Record<Tab, string> = { overview: 'Overview', checks: 'Release checks', alcoa: 'ALCOA+', review: 'Review queue', genealogy: 'Genealogy', results: 'Results vs limits',
  deviations: 'Deviations', steps: 'Step records', signatures: 'Signatures', audit: 'Audit trail' };

export function BatchScreen() {
  const key = useParams().key as string;
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const user = useSessionUser();
  const id = 'Batch:' + key;
  const batch = useAsync(() => graphql<BatchResult>(BATCH, { id }).then((r) => {
    if (!r.batch) {
      throw new HubError('no batch with the key ' + key, 'NOT_FOUND');
    }
    return r.batch;
  }), [id]);
  const tabs = TABS.filter((t) => t !== 'audit' || hasAnyRole(user?.roles ?? [], AUDIT_TRAIL_READERS));

  return (
    <section aria-labelledby="batch-title">
      <h1 id="batch-title">Batch {key}</h1>
      <Show async={batch} what={'batch ' + key}>
        {(b) => (
          <>
            <div className="actions record-actions"><SignButton record={b.id} label={'batch ' + key} onSigned={batch.reload} /></div>
            <BatchHeader b={b} />
            <nav className="tabs" role="tablist" aria-label="Batch sections">
              {tabs.map((t) => (
                <button key={t} type="button" role="tab" aria-selected={t === tab} className={t === tab ? 'active' : ''}
                        data-tab={t} onClick={() => setParams({ tab: t })}>{LABELS[t]}</button>
              ))}
            </nav>
            <div role="tabpanel" data-testid={'tab-' + tab}>
              {tab === 'overview' ? <Overview b={b} /> : null}
              {tab === 'checks' ? <ReleaseChecks batchId={b.id} batchKey={key} onDisposition={batch.reload} /> : null}
              {tab === 'alcoa' ? <AlcoaScorecard batchId={b.id} batchKey={key} /> : null}
              {tab === 'review' ? <ReviewQueueView batchId={b.id} batchKey={key} /> : null}
              {tab === 'genealogy' ? <GenealogyView start={b.id} /> : null}
              {tab === 'results' ? <ResultsChart results={b.testResults}
                action={(r) => <SignButton record={r.id} label={'test result ' + r.key} onSigned={batch.reload} />} /> : null}
              {tab === 'deviations' ? <Deviations items={b.deviations} onChanged={batch.reload} /> : null}
              {tab === 'steps' ? <StepRecords id={b.id} /> : null}
              {tab === 'signatures' ? <Signatures items={b.signatures} onChanged={batch.reload} /> : null}
              {tab === 'audit' ? <AuditTrail entity={b.id} /> : null}
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

function BatchHeader({ b }: { b: Batch }) {
  const oos = b.testResults.filter((r) => r.outcome === 'OOS').length;
  const open = b.deviations.filter((d) => d.status !== 'CLOSED').length;
  return (
    <dl className="header" data-testid="batch-header">
      <div><dt>Status</dt><dd><span className={'status s-' + b.status}>{b.status}</span></dd></div>
      <div><dt>Product</dt><dd>{b.product ? `${b.product.name} (${b.productKey})` : b.productKey}</dd></div>
      <div><dt>Stage</dt><dd>{b.stage}</dd></div>
      <div><dt>Master record</dt><dd>{b.masterRecord ?? '—'}</dd></div>
      <div><dt>Started / ended</dt><dd>{formatTime(b.startedAt)} / {formatTime(b.endedAt)}</dd></div>
      <div><dt>Results</dt><dd>{b.testResults.length}{oos ? <strong className="warning"> · {oos} OOS</strong> : null}</dd></div>
      <div><dt>Deviations</dt><dd>{b.deviations.length}{open ? <strong className="warning"> · {open} open</strong> : null}</dd></div>
      <div><dt>Signatures</dt><dd>{b.signatures.length}</dd></div>
      <div className="wide"><dt>Provenance</dt><dd><ProvenanceLine p={b.provenance} /></dd></div>
    </dl>
  );
}

function Overview({ b }: { b: Batch }) {
  return (
    <div className="columns">
      <div>
        <h2>Inputs</h2>
        {b.inputs.length === 0 ? <Empty>No recorded inputs.</Empty> : (
          <table className="grid"><thead><tr><th>Lot</th><th>Material</th><th>Quantity</th><th>Step</th></tr></thead>
            <tbody>{b.inputs.map((i) => (
              <tr key={i.key}><td><Link to={'/ui/lot/' + encodeURIComponent(i.lot.key)}>{i.lot.key}</Link></td><td>{i.lot.materialKey}</td>
                <td>{i.quantity ?? '—'} {i.unit ?? ''}</td><td>{i.step ?? '—'}</td></tr>))}</tbody></table>
        )}
        <h2>Equipment</h2>
        {b.equipmentUsed.length === 0 ? <Empty>No equipment recorded.</Empty> : (
          <table className="grid"><thead><tr><th>Equipment</th><th>Step</th><th>From</th><th>To</th></tr></thead>
            <tbody>{b.equipmentUsed.map((e) => (
              <tr key={e.key}><td>{e.equipment.name} <span className="hint">{e.equipment.key}</span></td><td>{e.step ?? '—'}</td>
                <td>{formatTime(e.from)}</td><td>{formatTime(e.to)}</td></tr>))}</tbody></table>
        )}
      </div>
      <div>
        <h2>Outputs</h2>
        {b.outputs.edges.length === 0 ? <Empty>No lots produced yet.</Empty> : (
          <table className="grid"><thead><tr><th>Lot</th><th>Status</th><th>Quantity</th></tr></thead>
            <tbody>{b.outputs.edges.map(({ node: o }) => (
              <tr key={o.id}><td><Link to={'/ui/lot/' + encodeURIComponent(o.key)}>{o.key}</Link></td><td>{o.status}</td>
                <td>{o.quantity ?? '—'} {o.unit ?? ''}</td></tr>))}</tbody></table>
        )}
        {b.outputs.pageInfo.hasNextPage ? <p className="hint">More than 100 output lots: the genealogy tab shows them all.</p> : null}
      </div>
    </div>
  );
}

function StepRecords({ id }: { id: string }) {
  const [extra, setExtra] = useState<{ rows: StepRecord[]; after: string | null; error?: unknown }>({ rows: [], after: null });
  const first = useAsync(() => graphql<StepRecordsResult>(STEP_RECORDS, { id }), [id]);
  const more = (after: string) => graphql<StepRecordsResult>(STEP_RECORDS, { id, after }).then((r) => setExtra((x) => ({
    rows: [...x.rows, ...(r.batch?.stepRecords.edges.map((e) => e.node) ?? [])],
    after: r.batch?.stepRecords.pageInfo.hasNextPage ? r.batch.stepRecords.pageInfo.endCursor : null,
  })), (error: unknown) => setExtra((x) => ({ ...x, error })));
  return (
    <Show async={first} what="step records">
      {(r) => {
        const conn = r.batch?.stepRecords;
        const rows = [...(conn?.edges.map((e) => e.node) ?? []), ...extra.rows];
        const next = extra.rows.length === 0 ? (conn?.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null) : extra.after;
        return rows.length === 0 ? <Empty>No step records.</Empty> : (
          <>
            <table className="grid" data-testid="steps">
              <thead><tr><th>Step</th><th>Parameter</th><th>Value</th><th>Limits</th><th>Executed</th><th>By</th><th>Source</th><th><span className="hint">Sign</span></th></tr></thead>
              <tbody>{rows.map((s) => {
                const out = Number.isFinite(Number(s.value)) && ((s.lowerLimit !== null && Number(s.value) < s.lowerLimit) || (s.upperLimit !== null && Number(s.value) > s.upperLimit));
                return (
                  <tr key={s.id} className={out ? 'oos' : ''}>
                    <td>{s.step}</td><td>{s.parameter}</td><td>{s.value} {s.unit ?? ''}</td>
                    <td>{s.lowerLimit ?? '−∞'} … {s.upperLimit ?? '+∞'}</td><td>{formatTime(s.executedAt)}</td><td>{s.performedBy}</td>
                    <td><ProvenanceLine p={s.provenance} /></td>
                    <td><SignButton record={s.id} label={'step record ' + s.key} /></td>
                  </tr>
                );
              })}</tbody>
            </table>
            {extra.error ? <ErrorPanel error={extra.error} /> : null}
            {next ? <button type="button" onClick={() => void more(next)}>Show more step records</button> : <p className="hint">{rows.length} step record(s), all shown.</p>}
          </>
        );
      }}
    </Show>
  );
}

/** Every ledger entry about the batch: who, what, when, why, and old → new for corrections. */
function AuditTrail({ entity }: { entity: string }) {
  const trail = useAsync(() => graphql<AuditResult>(AUDIT, { entity }), [entity]);
  return (
    <Show async={trail} what="audit trail">
      {(r) => r.auditTrail.edges.length === 0 ? <Empty>No ledger entries.</Empty> : (
        <ol className="timeline" data-testid="audit">
          {r.auditTrail.edges.map(({ node: e }) => (
            <li key={e.seq}>
              <strong>#{e.seq} {e.action}</strong> {e.entityType} {e.entityKey} · {formatTime(e.at)} · by {e.actor.name}
              <span className="hint"> ({e.actor.roles.join(', ')} via {e.actor.client})</span>
              {e.reason ? <div>Why: {e.reason}</div> : null}
              {e.action === 'CORRECT' ? (
                <ul>{e.changes.map((c) => <li key={c.field}><code>{c.field}</code>: {c.oldValue ?? '∅'} → {c.newValue ?? '∅'}</li>)}</ul>
              ) : <div className="hint">{e.changes.length} field(s) recorded</div>}
            </li>
          ))}
          {r.auditTrail.pageInfo.hasNextPage ? <li className="hint">Further entries: see the ledger.</li> : null}
        </ol>
      )}
    </Show>
  );
}
