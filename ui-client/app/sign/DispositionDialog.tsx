import { useState, type FormEvent } from 'react';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { hasAnyRole, RELEASERS } from '../auth/token';
import type { ReadinessCheck, Verdict } from '../release/operations';
import { formatTime } from '../ui/states';
import { useSignedCommand, type CommandState } from './command';
import { Modal } from './Modal';
import { DECISIONS, DISPOSITION, type Decision, type DispositionDone, type DispositionResult } from './operations';
import type { PendingAction } from './pending';
import { CommandStatus, Field, ManifestationView, RefusalPanel } from './SignDialog';

export interface ReadinessSummary { ready: boolean; verdict: Verdict; treeSize: number; checks: ReadinessCheck[] }

/**
 * The batch disposition (qa-release only): decision and justification, then a confirmation that shows the readiness
 * verdict and the checks that do not pass before the releaser signs. The hub decides (justification needed unless
 * ready, once per batch, segregation of duties, recent login); its refusal is shown as typed.
 */
export function DispositionButton({ batchId, batchKey, readiness, onDone }: { batchId: string; batchKey: string; readiness: ReadinessSummary; onDone?: () => void }) {
  const user = useSessionUser();
  if (!hasAnyRole(user?.roles ?? [], RELEASERS)) {
    return null;
  }
  return <DispositionHost batchId={batchId} batchKey={batchKey} readiness={readiness} onDone={onDone} />;
}

function DispositionHost({ batchId, batchKey, readiness, onDone }: { batchId: string; batchKey: string; readiness: ReadinessSummary; onDone?: () => void }) {
  const { command, submit, reset, resumedAction } = useSignedCommand<DispositionDone>('disposition', batchId, (a) => {
    if (a.kind !== 'disposition') {
      throw new Error('not a disposition');
    }
    return graphql<DispositionResult>(DISPOSITION, { batch: a.batch, decision: a.decision, justification: a.justification }).then((r) => r.disposition);
  });
  const [open, setOpen] = useState(resumedAction !== undefined);
  const close = () => {
    if (command.phase === 'done') {
      onDone?.();
    }
    reset();
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="primary" data-testid="disposition-open" onClick={() => setOpen(true)}>Disposition…</button>
      {open ? (
        <Modal title={'Disposition of batch ' + batchKey} onClose={close} testId="disposition-dialog">
          <DispositionForm batchId={batchId} readiness={readiness} command={command} onClose={close}
                           initial={resumedAction?.kind === 'disposition' ? resumedAction : undefined} onSubmit={(a) => void submit(a)} />
        </Modal>
      ) : null}
    </>
  );
}

function DispositionForm({ batchId, readiness, command, initial, onSubmit, onClose }: {
  batchId: string; readiness: ReadinessSummary; command: CommandState<DispositionDone>;
  initial?: Extract<PendingAction, { kind: 'disposition' }>; onSubmit: (a: PendingAction) => void; onClose: () => void;
}) {
  const [decision, setDecision] = useState<Decision | ''>((initial?.decision as Decision | undefined) ?? '');
  const [justification, setJustification] = useState(initial?.justification ?? '');
  const [confirming, setConfirming] = useState(initial !== undefined);
  const busy = command.phase === 'busy' || command.phase === 'reauthenticating';
  const failing = readiness.checks.filter((c) => c.status !== 'PASS');
  if (command.phase === 'done') {
    const d = command.result;
    return (
      <>
        <p className="state ok" role="status" data-testid="disposition-done">Batch {d.batch.key}: {d.decision}{command.resumed ? ' (after logging in again)' : ''}.
          Batch status now <span className={'status s-' + d.batch.status}>{d.batch.status}</span>.</p>
        <ManifestationView s={d.signature} />
        <p className="hint">Signed with the genealogy snapshot at tree size {d.snapshot.treeSize}: {d.snapshot.nodeCount} upstream node(s),
          {' '}{d.snapshot.edgeCount} edge(s); decided {formatTime(d.decidedAt)}.</p>
        <div className="actions"><button type="button" className="primary" autoFocus onClick={onClose}>Close</button></div>
      </>
    );
  }
  const action = (): PendingAction => ({ kind: 'disposition', batch: batchId, decision,
    justification: justification.trim() === '' ? null : justification.trim() });
  const next = (e: FormEvent) => {
    e.preventDefault();
    if (confirming) {
      onSubmit(action());
    } else {
      setConfirming(true);
    }
  };
  return (
    <form onSubmit={next} aria-busy={busy}>
      <p data-testid="disposition-verdict">Readiness verdict <span className={'status s-' + readiness.verdict}>{readiness.verdict}</span> at tree
        size {readiness.treeSize}: {readiness.ready ? 'every check passes.' : `${failing.length} check(s) do not pass.`}</p>
      {failing.length > 0 ? (
        <ul className="failing" data-testid="disposition-failing">{failing.map((c) => <li key={c.name} data-check={c.name}>
          <span className={'status s-' + c.status}>{c.status}</span> {c.title}: {c.explanation}</li>)}</ul>
      ) : null}
      {!confirming ? (
        <>
          <Field id="disposition-decision" label="Decision">
            <select id="disposition-decision" required autoFocus value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
              <option value="" disabled>Choose the decision…</option>
              {DECISIONS.map((d) => <option key={d.decision} value={d.decision}>{d.decision} — {d.words}</option>)}
            </select>
          </Field>
          <Field id="disposition-justification" label={readiness.ready ? 'Justification (optional)' : 'Justification (required: the batch is not ready)'}>
            <textarea id="disposition-justification" rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={decision === ''}>Continue</button>
            <button type="button" onClick={onClose}>Cancel</button>
          </div>
        </>
      ) : (
        <>
          <p className="state warning" data-testid="disposition-confirm">You are about to sign <strong>{decision}</strong> for this batch
            {readiness.ready ? ', which is ready' : <>, whose verdict is <strong>{readiness.verdict}</strong></>}
            {justification.trim() ? <>, with the justification “{justification.trim()}”</> : ', without a justification'}.
            The signature also signs the batch's upstream genealogy as it stands now.</p>
          <CommandStatus command={command} what="disposition" />
          {command.phase === 'error' ? <RefusalPanel error={command.error} testId="disposition-error" /> : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} autoFocus>Sign {decision}</button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>Back</button>
            <button type="button" onClick={onClose}>Cancel</button>
          </div>
        </>
      )}
    </form>
  );
}
