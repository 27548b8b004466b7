import { useState, type FormEvent } from 'react';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { hasAnyRole, TRANSITIONERS } from '../auth/token';
import { useSignedCommand, type CommandState } from './command';
import { Modal } from './Modal';
import { CLASSIFICATIONS, DEVIATION_TRANSITIONS, TRANSITION_DEVIATION, type TransitionDone, type TransitionResult } from './operations';
import type { PendingAction } from './pending';
import { CommandStatus, Field, RefusalPanel } from './SignDialog';

/**
 * A signed step of a deviation's workflow. Every transition of the workflow is offered, the one that starts from the
 * current state first: the hub is the judge and names an illegal one with the state and the allowed transitions.
 */
export function TransitionButton({ deviation, status, onDone }: { deviation: { id: string; key: string }; status: string; onDone?: () => void }) {
  const user = useSessionUser();
  if (!hasAnyRole(user?.roles ?? [], TRANSITIONERS)) {
    return null;
  }
  return <TransitionHost deviation={deviation} status={status} onDone={onDone} />;
}

function TransitionHost({ deviation, status, onDone }: { deviation: { id: string; key: string }; status: string; onDone?: () => void }) {
  const { command, submit, reset, resumedAction } = useSignedCommand<TransitionDone>('transition', deviation.id, (a) => {
    if (a.kind !== 'transition') {
      throw new Error('not a transition');
    }
    return graphql<TransitionResult>(TRANSITION_DEVIATION, { deviation: a.deviation, transition: a.transition, reason: a.reason,
      rootCause: a.rootCause, capaReference: a.capaReference, classification: a.classification }).then((r) => r.transitionDeviation);
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
      <button type="button" data-transition={deviation.id} onClick={() => setOpen(true)}>Transition…</button>
      {open ? (
        <Modal title={'Deviation ' + deviation.key} onClose={close} testId="transition-dialog">
          <TransitionForm deviation={deviation.id} status={status} command={command} onClose={close}
                          initial={resumedAction?.kind === 'transition' ? resumedAction : undefined} onSubmit={(a) => void submit(a)} />
        </Modal>
      ) : null}
    </>
  );
}

function TransitionForm({ deviation, status, command, initial, onSubmit, onClose }: {
  deviation: string; status: string; command: CommandState<TransitionDone>;
  initial?: Extract<PendingAction, { kind: 'transition' }>; onSubmit: (a: PendingAction) => void; onClose: () => void;
}) {
  const ordered = [...DEVIATION_TRANSITIONS].sort((a, b) => Number(b.from === status) - Number(a.from === status));
  const [transition, setTransition] = useState(initial?.transition ?? ordered[0].transition);
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [rootCause, setRootCause] = useState(initial?.rootCause ?? '');
  const [capa, setCapa] = useState(initial?.capaReference ?? '');
  const [classification, setClassification] = useState(initial?.classification ?? '');
  const chosen = DEVIATION_TRANSITIONS.find((t) => t.transition === transition);
  const busy = command.phase === 'busy' || command.phase === 'reauthenticating';
  if (command.phase === 'done') {
    const t = command.result;
    return (
      <>
        <p className="state ok" role="status" data-testid="transition-done">{t.transition}: {t.fromState} → {t.toState}, signed (signature {t.signatureKey}).</p>
        <div className="actions"><button type="button" className="primary" autoFocus onClick={onClose}>Close</button></div>
      </>
    );
  }
  const blank = (s: string) => (s.trim() === '' ? null : s.trim());
  const send = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind: 'transition', deviation, transition, reason: reason.trim(), rootCause: chosen?.rootCause ? blank(rootCause) : null,
      capaReference: chosen?.capa ? blank(capa) : null, classification: chosen?.classification ? blank(classification) : null });
  };
  return (
    <form onSubmit={send} aria-busy={busy}>
      <p className="hint">Current state <strong data-testid="deviation-state">{status}</strong>. The transition is signed with your name.</p>
      <Field id="transition-name" label="Transition">
        <select id="transition-name" autoFocus value={transition} onChange={(e) => setTransition(e.target.value)}>
          {ordered.map((t) => <option key={t.transition} value={t.transition}>{t.words} ({t.from} → …)</option>)}
        </select>
      </Field>
      <Field id="transition-reason" label="Reason">
        <textarea id="transition-reason" rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {chosen?.classification ? (
        <Field id="transition-classification" label="Classification (required to start the investigation)">
          <select id="transition-classification" value={classification} onChange={(e) => setClassification(e.target.value)}>
            <option value="">Choose…</option>
            {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </Field>
      ) : null}
      {chosen?.rootCause ? (
        <Field id="transition-root-cause" label="Root cause (required)">
          <textarea id="transition-root-cause" rows={2} value={rootCause} onChange={(e) => setRootCause(e.target.value)} />
        </Field>
      ) : null}
      {chosen?.capa ? (
        <Field id="transition-capa" label="CAPA reference (the CAPA's key in the hub or another quality system's reference; required for major and critical deviations, and after a CAPA was required)">
          <input id="transition-capa" value={capa} onChange={(e) => setCapa(e.target.value)} />
        </Field>
      ) : null}
      <CommandStatus command={command} what="transition" />
      {command.phase === 'error' ? <RefusalPanel error={command.error} testId="transition-error" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || reason.trim() === ''}>Sign transition</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
