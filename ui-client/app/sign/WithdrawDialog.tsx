import { useState, type FormEvent } from 'react';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { formatTime } from '../ui/states';
import { useSignedCommand, type CommandState } from './command';
import { mayWithdraw } from './may';
import { Modal } from './Modal';
import { WITHDRAW_SIGNATURE, type WithdrawalDone, type WithdrawalResult } from './operations';
import type { PendingAction } from './pending';
import { CommandStatus, Field, RefusalPanel } from './SignDialog';

/** signer: the subject who signed, when the screen has it; printedName otherwise (see mayWithdraw). */
export interface SignatureRef { id: string; label: string; signer: string | null; printedName?: string | null; withdrawn: boolean }

/**
 * Withdraws a wrong signature: a new ledgered withdrawal record with a reason, the signature itself unchanged
 * (21 CFR 11.70). Offered to its signer and to qa-release; shown as forbidden to anyone else.
 */
export function WithdrawButton({ signature, onDone }: { signature: SignatureRef; onDone?: () => void }) {
  const user = useSessionUser();
  if (!user || signature.withdrawn) {
    return null;
  }
  const offer = mayWithdraw(user, signature);
  if (!offer.may) {
    return <button type="button" disabled className="forbidden" title={'Forbidden: ' + offer.why} data-forbidden="withdraw"
                   aria-label={'Withdraw (forbidden: ' + offer.why + ')'}>Withdraw</button>;
  }
  return <WithdrawHost signature={signature} onDone={onDone} />;
}

function run(a: PendingAction): Promise<WithdrawalDone> {
  if (a.kind !== 'withdraw') {
    return Promise.reject(new Error('not a withdrawal'));
  }
  return graphql<WithdrawalResult>(WITHDRAW_SIGNATURE, { signature: a.signature, reason: a.reason }).then((r) => r.withdrawSignature);
}

function WithdrawHost({ signature, onDone }: { signature: SignatureRef; onDone?: () => void }) {
  const { command, submit, reset, resumedAction } = useSignedCommand<WithdrawalDone>('withdraw', signature.id, run);
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
      <button type="button" data-withdraw={signature.id} onClick={() => setOpen(true)}>Withdraw…</button>
      {open ? (
        <Modal title={'Withdraw ' + signature.label} onClose={close} testId="withdraw-dialog">
          <WithdrawForm signature={signature} command={command} initial={resumedAction?.kind === 'withdraw' ? resumedAction : undefined}
                        onSubmit={(a) => void submit(a)} onClose={close} />
        </Modal>
      ) : null}
    </>
  );
}

function WithdrawForm({ signature, command, initial, onSubmit, onClose }: {
  signature: SignatureRef; command: CommandState<WithdrawalDone>; initial?: Extract<PendingAction, { kind: 'withdraw' }>;
  onSubmit: (a: PendingAction) => void; onClose: () => void;
}) {
  const user = useSessionUser();
  const [reason, setReason] = useState(initial?.reason ?? '');
  const busy = command.phase === 'busy' || command.phase === 'reauthenticating';
  if (command.phase === 'done') {
    const w = command.result;
    return (
      <>
        <p className="state ok" role="status" data-testid="withdraw-done">Signature withdrawn by {w.printedName} at {formatTime(w.withdrawnAt)}:
          {' '}“{w.reason}”. The signature stays in the ledger as signed and shows this withdrawal.</p>
        <div className="actions"><button type="button" className="primary" autoFocus onClick={onClose}>Close</button></div>
      </>
    );
  }
  const send = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind: 'withdraw', signature: signature.id, reason: reason.trim() });
  };
  return (
    <form onSubmit={send} aria-busy={busy}>
      <p className="hint">Signature <code>{signature.id}</code>. Withdrawing it records a new entry with your name
        ({user?.name}) and your reason; a signature can be withdrawn once, and whatever it decided no longer stands.</p>
      <Field id="withdraw-reason" label="Reason (required)">
        <textarea id="withdraw-reason" rows={3} required autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <CommandStatus command={command} what="withdrawal" />
      {command.phase === 'error' ? <RefusalPanel error={command.error} testId="withdraw-error" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || reason.trim() === ''}>Withdraw signature</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
