import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { useSignedCommand, type CommandState } from './command';
import { mayDecideException } from './may';
import { Modal } from './Modal';
import {
  DISPOSITION_EXCEPTION, EXCEPTION_COMMENT_MAX, EXCEPTION_DECISIONS, type ExceptionDecided, type ExceptionDecision,
  type ExceptionDecisionResult,
} from './operations';
import type { PendingAction } from './pending';
import { CommandStatus, Field, ManifestationView, RefusalPanel } from './SignDialog';

export interface ExceptionRef { id: string; exceptionClass: string; reason: string }

/**
 * QA's decision on one review exception: accept with a comment, or raise a deviation; signed EXCEPTION_REVIEWED and
 * bound by the hub to the exception's evidence as it stands. For qa-reviewer and qa-release; other roles see both
 * actions as forbidden. Refusals (segregation of duties, decided already, stale login) are shown as the hub typed them.
 * One host per exception, so a decision resumed after a re-login opens the dialog of the decision that was chosen.
 */
export function DecideExceptionButtons({ batchId, batchKey, exception, onDone }: {
  batchId: string; batchKey: string; exception: ExceptionRef; onDone?: () => void;
}) {
  const user = useSessionUser();
  const offer = mayDecideException(user?.roles ?? []);
  if (!offer.may) {
    return <>{EXCEPTION_DECISIONS.map((d) => (
      <button key={d.decision} type="button" disabled className="forbidden" title={'Forbidden: ' + offer.why} data-forbidden="decide-exception"
              aria-label={d.words + ' (forbidden: ' + offer.why + ')'}>{d.words}</button>))}</>;
  }
  return <ExceptionHost batchId={batchId} batchKey={batchKey} exception={exception} onDone={onDone} />;
}

function run(a: PendingAction): Promise<ExceptionDecided> {
  if (a.kind !== 'exception') {
    return Promise.reject(new Error('not an exception decision'));
  }
  return graphql<ExceptionDecisionResult>(DISPOSITION_EXCEPTION, { batch: a.batch, exception: a.exception, decision: a.decision,
    comment: a.comment }).then((r) => r.dispositionException);
}

function ExceptionHost({ batchId, batchKey, exception, onDone }: {
  batchId: string; batchKey: string; exception: ExceptionRef; onDone?: () => void;
}) {
  const { command, submit, reset, resumedAction } = useSignedCommand<ExceptionDecided>('exception', exception.id, run);
  const resumed = resumedAction?.kind === 'exception' ? resumedAction : undefined;
  const [open, setOpen] = useState<ExceptionDecision | null>((resumed?.decision as ExceptionDecision | undefined) ?? null);
  const close = () => {
    if (command.phase === 'done') {
      onDone?.();
    }
    reset();
    setOpen(null);
  };
  const words = EXCEPTION_DECISIONS.find((d) => d.decision === open)?.words ?? '';
  return (
    <>
      {EXCEPTION_DECISIONS.map((d) => (
        <button key={d.decision} type="button" data-decide={d.decision} data-exception={exception.id} onClick={() => setOpen(d.decision)}>{d.words}…</button>
      ))}
      {open ? (
        <Modal title={`${words}: ${exception.exceptionClass.replace(/_/g, ' ')} on batch ${batchKey}`} onClose={close} testId="exception-dialog">
          <ExceptionForm batchId={batchId} batchKey={batchKey} exception={exception} decision={open} command={command}
                         initial={resumed?.decision === open ? resumed : undefined} onSubmit={(a) => void submit(a)} onClose={close} />
        </Modal>
      ) : null}
    </>
  );
}

function ExceptionForm({ batchId, batchKey, exception, decision, command, initial, onSubmit, onClose }: {
  batchId: string; batchKey: string; exception: ExceptionRef; decision: ExceptionDecision; command: CommandState<ExceptionDecided>;
  initial?: Extract<PendingAction, { kind: 'exception' }>; onSubmit: (a: PendingAction) => void; onClose: () => void;
}) {
  const user = useSessionUser();
  const [comment, setComment] = useState(initial?.comment ?? '');
  const busy = command.phase === 'busy' || command.phase === 'reauthenticating';
  const info = EXCEPTION_DECISIONS.find((d) => d.decision === decision);
  if (command.phase === 'done') {
    const d = command.result;
    return (
      <>
        <p className="state ok" role="status" data-testid="exception-done" data-decision={d.disposition.decision}>
          {d.disposition.decision === 'ACCEPT' ? 'Exception accepted' : 'Deviation raised'}{command.resumed ? ' after logging in again' : ''}.
          The decision and its signature are in the ledger (entry {d.seq}).</p>
        {d.deviation ? (
          <p data-testid="exception-deviation">New deviation <strong>{d.deviation.key}</strong> ({d.deviation.severity}, {d.deviation.status}):
            {' '}{d.deviation.title.replace(/\.$/, '')}. <Link to={'/ui/batch/' + encodeURIComponent(batchKey) + '?tab=deviations'}>See the batch's deviations</Link></p>
        ) : null}
        <ManifestationView s={d.signature} />
        <div className="actions"><button type="button" className="primary" autoFocus onClick={onClose}>Close</button></div>
      </>
    );
  }
  const text = comment.trim();
  const send = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind: 'exception', batch: batchId, exception: exception.id, decision, comment: text });
  };
  return (
    <form onSubmit={send} aria-busy={busy}>
      <p className="hint">Exception <code>{exception.id}</code>: {exception.reason}</p>
      <p className="hint">You sign as <strong>{user?.name}</strong> with the meaning <strong>EXCEPTION_REVIEWED</strong>. The decision is
        bound to the exception's evidence as it stands: if a record behind it changes, the exception is to be reviewed again.
        {decision === 'RAISE_DEVIATION' ? ' A new OPEN deviation impacting the batch is recorded with it.' : ''}</p>
      <Field id="exception-comment" label={info?.comment ?? 'Comment'} hint={`${text.length} / ${EXCEPTION_COMMENT_MAX} characters`}>
        <textarea id="exception-comment" rows={3} required autoFocus maxLength={EXCEPTION_COMMENT_MAX} value={comment}
                  onChange={(e) => setComment(e.target.value)} />
      </Field>
      <CommandStatus command={command} what="decision" />
      {command.phase === 'error' ? <RefusalPanel error={command.error} testId="exception-error" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || text === ''}>Sign: {info?.words ?? decision}</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
