import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { HubError } from '../api/errors';
import { download, graphql } from '../api/hub';
import { candidateKeys } from '../api/lookup';
import { RECALL, type RecallItem, type RecallResult } from '../api/operations';
import type { UiConfig } from '../config';
import { GenealogyView } from '../genealogy/GenealogyView';
import { Empty, ErrorPanel, Show, useAsync } from '../ui/states';

/** Loads the whole impact list (100 per page) for one lot, trying the key in each namespace. */
async function recall(input: string, namespaces: string[]): Promise<{ head: RecallResult['recallImpact']; items: RecallItem[] }> {
  let lastNotFound: unknown;
  for (const key of candidateKeys(input, namespaces)) {
    try {
      const first = await graphql<RecallResult>(RECALL, { lot: 'Lot:' + key });
      const items = first.recallImpact.items.edges.map((e) => e.node);
      let page = first.recallImpact.items.pageInfo;
      while (page.hasNextPage) {
        const next = await graphql<RecallResult>(RECALL, { lot: 'Lot:' + key, after: page.endCursor });
        items.push(...next.recallImpact.items.edges.map((e) => e.node));
        page = next.recallImpact.items.pageInfo;
      }
      return { head: first.recallImpact, items };
    } catch (e) {
      if (e instanceof HubError && e.classification === 'NOT_FOUND') {
        lastNotFound = e;
        continue;
      }
      throw e;
    }
  }
  throw lastNotFound ?? new HubError('no lot with the key ' + input, 'NOT_FOUND');
}

export function RecallScreen({ config }: { config: UiConfig }) {
  const [params, setParams] = useSearchParams();
  const lot = params.get('lot') ?? '';
  const [text, setText] = useState(lot);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { lot: text.trim() } : {});
  };
  return (
    <section aria-labelledby="recall-title">
      <h1 id="recall-title">Recall impact</h1>
      <form className="search" onSubmit={submit}>
        <label htmlFor="recall-lot">Lot number</label>{' '}
        <input id="recall-lot" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. LOT-000123" />
        {' '}<button type="submit" disabled={!text.trim()}>Show impact</button>
      </form>
      {lot ? <Impact lot={lot} namespaces={config.keyNamespaces} /> : <Empty>Choose a lot to see the finished lots and batches it reached.</Empty>}
    </section>
  );
}

function Impact({ lot, namespaces }: { lot: string; namespaces: string[] }) {
  const impact = useAsync(() => recall(lot, namespaces), [lot]);
  const [csv, setCsv] = useState<{ busy: boolean; error?: unknown; saved?: string }>({ busy: false });
  return (
    <Show async={impact} what={'recall impact of ' + lot}>
      {({ head, items }) => (
        <ImpactBody head={head} items={items} csv={csv} onCsv={() => {
          setCsv({ busy: true });
          download('/api/recall-impact.csv?lot=' + encodeURIComponent(head.lot.id), `recall-impact-${head.lot.key.replace(/[^\w.-]+/g, '_')}.csv`)
            .then((saved) => setCsv({ busy: false, saved }), (error: unknown) => setCsv({ busy: false, error }));
        }} />
      )}
    </Show>
  );
}

function ImpactBody({ head, items, csv, onCsv }: { head: RecallResult['recallImpact']; items: RecallItem[];
  csv: { busy: boolean; error?: unknown; saved?: string }; onCsv: () => void }) {
  const hits = useMemo(() => new Set(items.map((i) => i.id)), [items]);
  return (
    <>
      <p data-testid="recall-summary">
        Lot <Link to={'/ui/lot/' + encodeURIComponent(head.lot.key)}>{head.lot.key}</Link> ({head.lot.materialKey}, {head.lot.status}):{' '}
        <strong>{head.count}</strong> finished lot(s) and batch(es) affected.
        {' '}<button type="button" onClick={onCsv} disabled={csv.busy} data-testid="recall-csv">Download CSV</button>
        {csv.saved ? <span role="status" data-testid="csv-saved"> Saved {csv.saved}.</span> : null}
      </p>
      {csv.error ? <ErrorPanel error={csv.error} /> : null}
      {!head.complete ? <p className="state warning" role="alert">The downstream trace was cut ({head.truncatedBy}): this list may be incomplete.</p> : null}
      {head.cycleDetected ? <p className="state warning" role="alert">The genealogy has a cycle (an import error).</p> : null}
      {items.length === 0 ? <Empty>No finished product is affected.</Empty> : (
        <table className="grid" data-testid="recall-items">
          <thead><tr><th>Hop</th><th>Kind</th><th>Key</th><th>Record status</th><th>Recall status</th><th>Paths</th></tr></thead>
          <tbody>{items.map((i) => {
            const kind = i.record.__typename;
            const key = i.record.key ?? i.id;
            return (
              <tr key={i.id}>
                <td>{i.hop}</td><td>{kind}</td>
                <td><Link to={`/ui/${kind === 'Batch' ? 'batch' : 'lot'}/${encodeURIComponent(key)}`}>{key}</Link></td>
                <td>{i.recordStatus}</td><td><span className={'status s-' + i.status}>{i.status}</span></td>
                <td>{i.pathCount}{i.pathCountCapped ? '+' : ''}</td>
              </tr>
            );
          })}</tbody>
        </table>
      )}
      <h2>Downstream genealogy</h2>
      <p className="hint">Affected finished lots and batches are shown in red.</p>
      <GenealogyView start={head.lot.id} sides={['down']} highlight={hits} initialHops={Math.min(10, Math.max(1, ...items.map((i) => i.hop)))} />
    </>
  );
}
