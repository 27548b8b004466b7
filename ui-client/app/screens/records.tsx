import type { Deviation, Signature } from '../api/operations';
import { ProvenanceLine } from '../ui/provenance';
import { Empty, formatTime } from '../ui/states';
import { SignButton } from '../sign/SignDialog';
import { TransitionButton } from '../sign/TransitionDialog';
import { WithdrawButton } from '../sign/WithdrawDialog';

/** Deviations with their workflow state; people who sign or take transitions get those actions per row. */
export function Deviations({ items, onChanged }: { items: Deviation[]; onChanged?: () => void }) {
  if (items.length === 0) {
    return <Empty>No deviations impact this record.</Empty>;
  }
  return (
    <table className="grid" data-testid="deviations">
      <thead><tr><th>Deviation</th><th>Title</th><th>Severity</th><th>Status</th><th>Opened</th><th>Closed</th><th>Source</th><th><span className="hint">Actions</span></th></tr></thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} data-deviation={d.key} data-status={d.status}>
            <td>{d.key}</td><td>{d.title}</td><td><span className={'status s-' + d.severity}>{d.severity}</span></td>
            <td>{d.status}</td><td>{formatTime(d.openedAt)}</td><td>{formatTime(d.closedAt)}</td><td><ProvenanceLine p={d.provenance} /></td>
            <td className="actions"><TransitionButton deviation={d} status={d.status} onDone={onChanged} />
              <SignButton record={d.id} label={'deviation ' + d.key} onSigned={onChanged} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MEANINGS: Record<string, string> = {
  PERFORMED: 'performed the step', VERIFIED: 'verified the entry', REVIEWED: 'reviewed the record', APPROVED: 'approved',
  RELEASED: 'released the batch', REJECTED: 'rejected the batch', AUDIT_TRAIL_REVIEWED: 'reviewed the audit trail',
  EXCEPTION_REVIEWED: 'decided a review exception', CONDITIONALLY_RELEASED: 'released the batch conditionally', ON_HOLD: 'put the batch on hold',
};

/**
 * Signatures with printed name, time and meaning (21 CFR 11.50), and a withdrawal when there is one; the signer and
 * qa-release may withdraw one that stands (others see the action as forbidden).
 */
export function Signatures({ items, onChanged }: { items: Signature[]; onChanged?: () => void }) {
  if (items.length === 0) {
    return <Empty>No signatures on this batch.</Empty>;
  }
  return (
    <table className="grid" data-testid="signatures">
      <thead><tr><th>Printed name</th><th>Meaning</th><th>Signed at</th><th>Reason</th><th>Signed version</th><th>State</th><th><span className="hint">Actions</span></th></tr></thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id} className={s.withdrawal ? 'withdrawn' : ''} data-signature={s.id} data-withdrawn={s.withdrawal ? 'true' : 'false'}>
            <td>{s.printedName}</td>
            <td><strong>{s.meaning}</strong> <span className="hint">({MEANINGS[s.meaning] ?? s.meaning})</span></td>
            <td>{formatTime(s.signedAt)}</td><td>{s.reason ?? '—'}</td>
            <td><code title={s.signedContentHash}>{s.signedContentHash.slice(0, 16)}…</code>{s.onSupersededVersion ? <div className="warning">record corrected after signing</div> : null}</td>
            <td>{s.withdrawal ? `withdrawn by ${s.withdrawal.printedName} at ${formatTime(s.withdrawal.withdrawnAt)}: ${s.withdrawal.reason}` : 'valid'}</td>
            <td className="actions"><WithdrawButton signature={{ id: s.id, label: `${s.meaning} signature of ${s.printedName}`, signer: s.provenance.recordedBy,
              printedName: s.printedName, withdrawn: s.withdrawal !== null }} onDone={onChanged} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export { ProvenanceLine, formatTime };
