import { useState, type FormEvent } from 'react';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { hasAnyRole, TRANSITIONERS } from '../auth/token';
import { useSignedCommand, type CommandState } from './command';
import { Modal } from './Modal';
import {
  CAPA_TRANSITIONS, CLASSIFICATIONS, DEVIATION_TRANSITIONS, TRANSITION_CAPA, TRANSITION_DEVIATION, type CapaTransitionResult,
  type DeviationTransitionInfo, type TransitionResult,
} from './operations';
import type { PendingAction } from './pending';
import { CommandStatus, Field, RefusalPanel } from './SignDialog';

/** What every workflow step answers: the step, from → to, and the signature on the record's new version. */
interface StepDone { transition: string; fromState: string; toState: string; signatureKey: string }

/** A record with a workflow: a deviation (transitionDeviation) or a CAPA (transitionCapa). */
interface Subject { kind: 'deviation' | 'capa'; id: string; key: string }

/**
 * A signed step of a deviation's workflow. Every transition of the workflow is offered, the one that starts from the
 * current state first: the hub is the judge and names an illegal one with the state and the allowed transitions.
 */
export function TransitionButton({ deviation, status, onDone }: { deviation: { id: string; key: string }; status: string; onDone?: () => void }) {
  const user = useSessionUser();
  if (!hasAnyRole(user?.roles ?? [], TRANSITIONERS)) {
    return null;
  }
  return <TransitionHost subject={{ kind: 'deviation', ...deviation }} status={status} onDone={onDone}
                         label="Transition…" />;
}

/**
 * A signed step of a CAPA's workflow (IMPLEMENT, CHECK_EFFECTIVENESS, CLOSE) through the same dialog, the chosen
 * transition first. The CAPA page decides whether the button is offered (may.ts capaSteps).
 */
export function CapaTransitionButton({ capa, status, transition, label, onDone }: {
  capa: { id: string; key: string }; status: string; transition: string; label: string; onDone?: () => void;
}) {
  return <TransitionHost subject={{ kind: 'capa', ...capa }} status={status} onDone={onDone} label={label} preferred={transition} />;
}

/** The workflow's transitions as the form lists them, by subject. */
function transitionsOf(kind: Subject['kind']): DeviationTransitionInfo[] {
  return kind === 'deviation' ? DEVIATION_TRANSITIONS : CAPA_TRANSITIONS.map((t) => ({ transition: t.transition, from: t.from, words: t.words }));
}

function run(a: PendingAction): Promise<StepDone> {
  if (a.kind === 'transition') {
    return graphql<TransitionResult>(TRANSITION_DEVIATION, { deviation: a.deviation, transition: a.transition, reason: a.reason,
      rootCause: a.rootCause, capaReference: a.capaReference, classification: a.classification }).then((r) => r.transitionDeviation);
  }
  if (a.kind === 'capa-transition') {
    return graphql<CapaTransitionResult>(TRANSITION_CAPA, { capa: a.capa, transition: a.transition, reason: a.reason })
      .then((r) => r.transitionCapa);
  }
  return Promise.reject(new Error('not a transition'));
}

function TransitionHost({ subject, status, onDone, label, preferred }: {
  subject: Subject; status: string; onDone?: () => void; label: string; preferred?: string;
}) {
  const kind = subject.kind === 'deviation' ? 'transition' : 'capa-transition';
  const { command, submit, reset, resumedAction } = useSignedCommand<StepDone>(kind, subject.id, run);
  const resumed = resumedAction?.kind === 'transition' || resumedAction?.kind === 'capa-transition' ? resumedAction : undefined;
  const [open, setOpen] = useState(resumed !== undefined && (preferred === undefined || resumed.transition === preferred));
  const close = () => {
    if (command.phase === 'done') {
      onDone?.();
    }
    reset();
    setOpen(false);
  };
  return (
    <>
      <button type="button" data-transition={subject.kind === 'deviation' ? subject.id : undefined}
              data-capa-transition={subject.kind === 'capa' ? preferred : undefined} onClick={() => setOpen(true)}>{label}</button>
      {open ? (
        <Modal title={(subject.kind === 'deviation' ? 'Deviation ' : 'CAPA ') + subject.key} onClose={close} testId="transition-dialog">
          <TransitionForm subject={subject} status={status} command={command} onClose={close} preferred={preferred}
                          initial={resumed} onSubmit={(a) => void submit(a)} />
        </Modal>
      ) : null}
    </>
  );
}

function TransitionForm({ subject, status, command, initial, preferred, onSubmit, onClose }: {
  subject: Subject; status: string; command: CommandState<StepDone>; preferred?: string;
  initial?: Extract<PendingAction, { kind: 'transition' | 'capa-transition' }>; onSubmit: (a: PendingAction) => void; onClose: () => void;
}) {
  const all = transitionsOf(subject.kind);
  const rank = (t: DeviationTransitionInfo) => (t.transition === preferred ? 2 : 0) + (t.from === status ? 1 : 0);
  const ordered = [...all].sort((a, b) => rank(b) - rank(a));
  const deviationInitial = initial?.kind === 'transition' ? initial : undefined;
  const [transition, setTransition] = useState(initial?.transition ?? ordered[0].transition);
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [rootCause, setRootCause] = useState(deviationInitial?.rootCause ?? '');
  const [capa, setCapa] = useState(deviationInitial?.capaReference ?? '');
  const [classification, setClassification] = useState(deviationInitial?.classification ?? '');
  const chosen = all.find((t) => t.transition === transition);
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
    onSubmit(subject.kind === 'capa' ? { kind: 'capa-transition', capa: subject.id, transition, reason: reason.trim() }
      : { kind: 'transition', deviation: subject.id, transition, reason: reason.trim(), rootCause: chosen?.rootCause ? blank(rootCause) : null,
        capaReference: chosen?.capa ? blank(capa) : null, classification: chosen?.classification ? blank(classification) : null });
  };
  return (
    <form onSubmit={send} aria-busy={busy}>
      <p className="hint">Current state <strong data-testid={subject.kind + '-state'}>{status}</strong>. The transition is signed with your name.</p>
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
