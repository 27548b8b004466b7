import { Link, useParams } from 'react-router';
import { HubError } from '../api/errors';
import { graphql } from '../api/hub';
import { LOT, type LotResult } from '../api/operations';
import { useSessionUser } from '../auth/context';
import { hasAnyRole, RECALL_READERS } from '../auth/token';
import { GenealogyView } from '../genealogy/GenealogyView';
import { ResultsChart } from '../results/ResultsChart';
import { formatTime, Show, useAsync } from '../ui/states';
import { Deviations, ProvenanceLine } from './records';

export function LotScreen() {
  const key = useParams().key as string;
  const user = useSessionUser();
  const id = 'Lot:' + key;
  const lot = useAsync(() => graphql<LotResult>(LOT, { id }).then((r) => {
    if (!r.lot) {
      throw new HubError('no lot with the key ' + key, 'NOT_FOUND');
    }
    return r.lot;
  }), [id]);
  return (
    <section aria-labelledby="lot-title">
      <h1 id="lot-title">Lot {key}</h1>
      <Show async={lot} what={'lot ' + key}>
        {(l) => (
          <>
            <dl className="header" data-testid="lot-header">
              <div><dt>Status</dt><dd><span className={'status s-' + l.status}>{l.status}</span></dd></div>
              <div><dt>Material</dt><dd>{l.material ? `${l.material.name} (${l.materialKey})` : l.materialKey}</dd></div>
              <div><dt>Quantity</dt><dd>{l.quantity ?? '—'} {l.unit ?? ''}</dd></div>
              <div><dt>Supplier</dt><dd>{l.supplier ?? '—'}{l.supplierLot ? ` (lot ${l.supplierLot})` : ''}</dd></div>
              <div><dt>Expires</dt><dd>{formatTime(l.expiresAt)}</dd></div>
              <div><dt>Produced by</dt><dd>{l.producedBy ? <Link to={'/ui/batch/' + encodeURIComponent(l.producedBy.key)}>{l.producedBy.key}</Link> : 'received'}</dd></div>
              <div className="wide"><dt>Provenance</dt><dd><ProvenanceLine p={l.provenance} /></dd></div>
            </dl>
            {hasAnyRole(user?.roles ?? [], RECALL_READERS)
              ? <p><Link to={'/ui/recall?lot=' + encodeURIComponent(l.key)}>Recall impact of this lot</Link></p> : null}
            <h2>Genealogy</h2>
            <GenealogyView start={l.id} />
            <h2>Test results</h2>
            <ResultsChart results={l.testResults} />
            <h2>Deviations</h2>
            <Deviations items={l.deviations} />
          </>
        )}
      </Show>
    </section>
  );
}
