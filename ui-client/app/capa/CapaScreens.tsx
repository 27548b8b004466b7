/**
 * CAPA list (/ui/capas, filter by status) and CAPA page (/ui/capa/:key): its state in the workflow, the deviations it
 * addresses, and the transitions from its state, each offered to the roles that may take it (through the signed
 * TransitionDialog) and shown as forbidden to the others.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { capaSteps } from '../sign/may';
import { CAPA_STATES } from '../sign/operations';
import { CapaTransitionButton } from '../sign/TransitionDialog';
import { Empty, ErrorPanel, formatTime, Show, useAsync } from '../ui/states';
import { capaKey, capaProgress, deviationHome, statusFromParams } from './model';
import { CAPA, CAPAS, type CapaDetail, type CapaResult, type CapaRow, type CapasResult } from './operations';

export function CapasScreen() {
  const [params, setParams] = useSearchParams();
  const status = statusFromParams(params);
  const list = useAsync(() => graphql<CapasResult>(CAPAS, status ? { status } : {}), [status]);
  const [extra, setExtra] = useState<{ rows: CapaRow[]; after: string | null; error?: unknown }>({ rows: [], after: null });
  const choose = (s: string | null) => {
    setExtra({ rows: [], after: null });
    setParams(s ? { status: s } : {});
  };
  const more = (after: string) => graphql<CapasResult>(CAPAS, { after, ...(status ? { status } : {}) }).then((r) => setExtra((x) => ({
    rows: [...x.rows, ...r.capas.edges.map((e) => e.node)], after: r.capas.pageInfo.hasNextPage ? r.capas.pageInfo.endCursor : null,
  })), (error: unknown) => setExtra((x) => ({ ...x, error })));
  return (
    <section aria-labelledby="capas-title">
      <h1 id="capas-title">CAPAs</h1>
      <p className="hint">Corrective and preventive actions and the deviations they address, by key. Each step of a CAPA is signed.</p>
      <div className="filters" role="group" aria-label="Filter by status">
        {[null, ...CAPA_STATES].map((s) => (
          <button key={s ?? 'all'} type="button" aria-pressed={status === s} data-status={s ?? 'ALL'} onClick={() => choose(s)}>
            {s ? <span className={'status s-' + s}>{s.replace(/_/g, ' ')}</span> : 'All'}
          </button>
        ))}
      </div>
      <Show async={list} what="CAPAs">
        {({ capas }) => {
          const rows = [...capas.edges.map((e) => e.node), ...extra.rows];
          const next = extra.rows.length === 0 ? (capas.pageInfo.hasNextPage ? capas.pageInfo.endCursor : null) : extra.after;
          return rows.length === 0 ? <Empty>No CAPA{status ? ' in state ' + status.replace(/_/g, ' ') : ''}.</Empty> : (
            <>
              <table className={'grid' + (list.loading ? ' stale' : '')} data-testid="capas" aria-busy={list.loading}>
                <thead><tr><th>CAPA</th><th>Title</th><th>Status</th><th>Deviations</th><th>Opened</th><th>Closed</th></tr></thead>
                <tbody>{rows.map((c) => (
                  <tr key={c.id} data-capa={c.key} data-status={c.status}>
                    <td><Link to={'/ui/capa/' + encodeURIComponent(capaKey(c.id))}>{c.key}</Link></td><td>{c.title}</td>
                    <td><span className={'status s-' + c.status}>{c.status.replace(/_/g, ' ')}</span></td>
                    <td>{c.deviations.map((d) => d.replace(/^Deviation:/, '')).join(', ')}</td>
                    <td>{formatTime(c.openedAt)}</td><td>{formatTime(c.closedAt)}</td>
                  </tr>))}</tbody>
              </table>
              {extra.error ? <ErrorPanel error={extra.error} /> : null}
              {next ? <button type="button" onClick={() => void more(next)}>Show more CAPAs</button> : <p className="hint">{rows.length} CAPA(s), all shown.</p>}
            </>
          );
        }}
      </Show>
    </section>
  );
}

export function CapaScreen() {
  const key = useParams().key as string;
  const capa = useAsync(() => graphql<CapaResult>(CAPA, { id: 'Capa:' + key }), [key]);
  return (
    <section aria-labelledby="capa-title">
      <h1 id="capa-title">CAPA {key}</h1>
      <p><Link to="/ui/capas">All CAPAs</Link></p>
      <Show async={capa} what={'CAPA ' + key}>
        {({ capa: c }) => c ? <CapaPage c={c} onChanged={capa.reload} /> : <Empty>No CAPA with the key {key}.</Empty>}
      </Show>
    </section>
  );
}

function CapaPage({ c, onChanged }: { c: CapaDetail; onChanged: () => void }) {
  const user = useSessionUser();
  const steps = capaSteps(c.status, user?.roles ?? []);
  return (
    <>
      <dl className="header" data-testid="capa-header">
        <div><dt>Status</dt><dd><span className={'status s-' + c.status} data-testid="capa-status">{c.status.replace(/_/g, ' ')}</span></dd></div>
        <div className="wide"><dt>Title</dt><dd>{c.title}</dd></div>
        <div className="wide"><dt>Action</dt><dd>{c.action}</dd></div>
        <div><dt>Opened</dt><dd>{formatTime(c.openedAt)}</dd></div>
        <div><dt>Closed</dt><dd>{formatTime(c.closedAt)}</dd></div>
      </dl>
      <h2>Workflow</h2>
      <ol className="workflow" data-testid="capa-progress">
        {capaProgress(c.status).map((p) => <li key={p.state} data-at={p.at} aria-current={p.at === 'current' ? 'step' : undefined}>
          {p.state.replace(/_/g, ' ')}{p.at === 'done' ? ' ✓' : ''}</li>)}
      </ol>
      <div className="actions record-actions" data-testid="capa-transitions">
        {steps.length === 0 ? <Empty>Closed: no transition is left.</Empty> : steps.map((t) => t.offer.may
          ? <CapaTransitionButton key={t.transition} capa={c} status={c.status} transition={t.transition} onDone={onChanged}
                                  label={`${t.transition.replace(/_/g, ' ')} → ${t.to.replace(/_/g, ' ')}…`} />
          : <span key={t.transition}><button type="button" disabled className="forbidden" data-forbidden={t.transition}
                                             aria-label={t.transition + ' (forbidden: ' + t.offer.why + ')'}>{t.transition.replace(/_/g, ' ')}</button>
              {' '}<span className="state error forbidden" role="note">Forbidden: {t.offer.why}.</span></span>)}
      </div>
      <h2>Deviations it addresses</h2>
      {c.addressedDeviations.length === 0 ? <Empty>None of its deviations ({c.deviations.join(', ')}) is readable.</Empty> : (
        <table className="grid" data-testid="capa-deviations">
          <thead><tr><th>Deviation</th><th>Title</th><th>Severity</th><th>Status</th><th>Opened</th><th>Closed</th></tr></thead>
          <tbody>{c.addressedDeviations.map((d) => {
            const home = deviationHome(d.impacts);
            return (
              <tr key={d.id} data-deviation={d.key} data-status={d.status}>
                <td>{home ? <Link to={home}>{d.key}</Link> : d.key}</td><td>{d.title}</td>
                <td><span className={'status s-' + d.severity}>{d.severity}</span></td><td>{d.status}</td>
                <td>{formatTime(d.openedAt)}</td><td>{formatTime(d.closedAt)}</td>
              </tr>
            );
          })}</tbody>
        </table>
      )}
    </>
  );
}
