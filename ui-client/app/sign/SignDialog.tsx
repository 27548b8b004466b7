import { useState, type FormEvent, type ReactNode } from 'react';
import { graphql } from '../api/hub';
import { useSessionUser } from '../auth/context';
import { hasAnyRole, SIGNERS } from '../auth/token';
import { formatTime } from '../ui/states';
import { useSignedCommand, type CommandState } from './command';
import { Modal } from './Modal';
import { SIGN, SIGN_MEANINGS, type Manifestation, type SignResult } from './operations';
import type { PendingAction } from './pending';
import { refusalOf } from './refusal';

/** A refusal as the hub typed it: what kind, the hub's message, the rule, and what to look at. Announced (role=alert). */
export function RefusalPanel({ error, testId }: { error: unknown; testId: string }) {
  const r = refusalOf(error);
  return (
    <div className="state error" role="alert" data-testid={testId} data-kind={r.kind} data-rule={r.rule ?? ''}>
      <strong>{r.title}</strong>{r.rule ? <> <code title={r.ruleText}>{r.rule}</code></> : null}: {r.message}
      {r.ruleText && !r.message.includes(r.ruleText) ? <div className="hint">Rule: {r.ruleText}</div> : null}
      {r.details.length > 0 ? <ul data-testid={testId + '-details'}>{r.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
    </div>
  );
}

/** The §11.50 manifestation of a signature: printed name, date and time, meaning (and the reason given). */
export function ManifestationView({ s }: { s: Manifestation }) {
  return (
    <dl className="manifestation" data-testid="manifestation">
      <div><dt>Signed by</dt><dd data-field="printedName">{s.printedName}</dd></div>
      <div><dt>Date and time</dt><dd data-field="signedAt">{formatTime(s.signedAt)}</dd></div>
      <div><dt>Meaning</dt><dd data-field="meaning">{s.meaning}</dd></div>
      <div><dt>Reason</dt><dd>{s.reason ?? '—'}</dd></div>
      <div className="wide"><dt>Bound to record version</dt><dd><code>{s.signedContentHash}</code></dd></div>
    </dl>
  );
}

/** Status lines every signed-command dialog shows while it works. */
export function CommandStatus<T>({ command, what }: { command: CommandState<T>; what: string }) {
  if (command.phase === 'busy') {
    return <p className="state loading" role="status">{command.resumed ? `Logged in again: submitting your ${what} once more…` : `Submitting your ${what}…`}</p>;
  }
  if (command.phase === 'reauthenticating') {
    return <p className="state warning" role="alert" data-testid="reauthenticating">Your last login is too old to sign: taking you to the login
      page. Your {what} is kept and submitted when you are back.</p>;
  }
  return null;
}

/**
 * "Sign…" on a record (batch, step record, test result, deviation): meaning, reason, submit; for people with a
 * signing role only (the hub decides which meaning each role may give on which record).
 */
export function SignButton({ record, label, onSigned }: { record: string; label: string; onSigned?: () => void }) {
  const user = useSessionUser();
  if (!hasAnyRole(user?.roles ?? [], SIGNERS)) {
    return null;
  }
  return <SignHost record={record} label={label} onSigned={onSigned} />;
}

function SignHost({ record, label, onSigned }: { record: string; label: string; onSigned?: () => void }) {
  const { command, submit, reset, resumedAction } = useSignedCommand<Manifestation>('sign', record, (a) => {
    if (a.kind !== 'sign') {
      throw new Error('not a signature');
    }
    return graphql<SignResult>(SIGN, { record: a.record, meaning: a.meaning, reason: a.reason }).then((r) => r.sign);
  });
  const [open, setOpen] = useState(resumedAction !== undefined);
  const close = () => {
    if (command.phase === 'done') {
      onSigned?.();
    }
    reset();
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="sign" data-sign={record} onClick={() => setOpen(true)}>Sign…</button>
      {open ? (
        <Modal title={'Sign ' + label} onClose={close} testId="sign-dialog">
          <SignForm record={record} command={command} initial={resumedAction?.kind === 'sign' ? resumedAction : undefined}
                    onSubmit={(a) => void submit(a)} onClose={close} />
        </Modal>
      ) : null}
    </>
  );
}

function SignForm({ record, command, initial, onSubmit, onClose }: {
  record: string; command: CommandState<Manifestation>; initial?: Extract<PendingAction, { kind: 'sign' }>;
  onSubmit: (a: PendingAction) => void; onClose: () => void;
}) {
  const user = useSessionUser();
  const [meaning, setMeaning] = useState(initial?.meaning ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const busy = command.phase === 'busy' || command.phase === 'reauthenticating';
  if (command.phase === 'done') {
    return (
      <>
        <p className="state ok" role="status">Signed{command.resumed ? ' after logging in again' : ''}. The signature is in the ledger.</p>
        <ManifestationView s={command.result} />
        <div className="actions"><button type="button" className="primary" autoFocus onClick={onClose}>Close</button></div>
      </>
    );
  }
  const send = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ kind: 'sign', record, meaning, reason: reason.trim() === '' ? null : reason.trim() });
  };
  return (
    <form onSubmit={send} aria-busy={busy}>
      <p className="hint">Record <code>{record}</code>. You sign as <strong>{user?.name}</strong>; the signature is bound to the
        record's current version and written to the ledger (21 CFR 11.50, 11.70).</p>
      <Field id="sign-meaning" label="Meaning">
        <select id="sign-meaning" required value={meaning} autoFocus onChange={(e) => setMeaning(e.target.value)}>
          <option value="" disabled>Choose what your signature means…</option>
          {SIGN_MEANINGS.map((m) => <option key={m.meaning} value={m.meaning}>{m.meaning} — {m.words}</option>)}
        </select>
      </Field>
      <Field id="sign-reason" label="Reason (optional)">
        <textarea id="sign-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <CommandStatus command={command} what="signature" />
      {command.phase === 'error' ? <RefusalPanel error={command.error} testId="sign-error" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || meaning === ''}>Sign</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

export function Field({ id, label, children, hint }: { id: string; label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}
