/**
 * A signed action waiting for a re-authentication. When the hub answers REAUTHENTICATION_REQUIRED the UI sends the
 * user to Keycloak (max_age=0, prompt=login) and the page is left: what they chose and typed is kept in session
 * storage (gone with the tab) and submitted again once they are back, by the same user, on the same page, soon.
 */
export type PendingAction =
  | { kind: 'sign'; record: string; meaning: string; reason: string | null }
  | { kind: 'disposition'; batch: string; decision: string; justification: string | null }
  | { kind: 'transition'; deviation: string; transition: string; reason: string; rootCause: string | null; capaReference: string | null; classification: string | null }
  | { kind: 'capa-transition'; capa: string; transition: string; reason: string }
  | { kind: 'exception'; batch: string; exception: string; decision: string; comment: string }
  | { kind: 'withdraw'; signature: string; reason: string };

export interface Pending {
  action: PendingAction;
  /** the page the action was taken on (path + search) */
  page: string;
  /** who started it: another login must not submit it */
  username: string;
  savedAt: number;
}

export const PENDING_KEY = 'batchledger.pending-action';
/** Longer than a login takes, short enough that a forgotten tab does not sign something hours later. */
export const PENDING_TTL_MS = 10 * 60 * 1000;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function savePending(store: Store, pending: Pending): void {
  store.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** The key of the record or batch an action is about: a dialog resumes only its own action. */
export function subjectOf(action: PendingAction): string {
  switch (action.kind) {
    case 'sign':
      return action.record;
    case 'disposition':
      return action.batch;
    case 'transition':
      return action.deviation;
    case 'capa-transition':
      return action.capa;
    case 'exception':
      return action.exception;
    case 'withdraw':
      return action.signature;
  }
}

/**
 * Reads the pending action without removing it when it is for this user, page and subject; a stale, foreign or
 * unreadable entry is removed and nothing is returned.
 */
export function peekPending(store: Store, at: { username: string; page: string; kind: PendingAction['kind']; subject: string }, now: number): Pending | undefined {
  const raw = store.getItem(PENDING_KEY);
  if (raw === null) {
    return undefined;
  }
  const pending = parse(raw);
  if (!pending || now - pending.savedAt > PENDING_TTL_MS || now < pending.savedAt || pending.username !== at.username) {
    store.removeItem(PENDING_KEY);
    return undefined;
  }
  if (pending.page !== at.page || pending.action.kind !== at.kind || subjectOf(pending.action) !== at.subject) {
    return undefined;
  }
  return pending;
}

/** Takes the pending action (it is submitted at most once, whatever the answer). */
export function takePending(store: Store, at: { username: string; page: string; kind: PendingAction['kind']; subject: string }, now: number): Pending | undefined {
  const pending = peekPending(store, at, now);
  if (pending) {
    store.removeItem(PENDING_KEY);
  }
  return pending;
}

export function clearPending(store: Store): void {
  store.removeItem(PENDING_KEY);
}

function parse(raw: string): Pending | undefined {
  try {
    const p = JSON.parse(raw) as Partial<Pending>;
    const kinds = ['sign', 'disposition', 'transition', 'capa-transition', 'exception', 'withdraw'];
    if (typeof p !== 'object' || p === null || typeof p.page !== 'string' || typeof p.username !== 'string'
      || typeof p.savedAt !== 'number' || typeof p.action !== 'object' || p.action === null || !kinds.includes(p.action.kind)) {
      return undefined;
    }
    return p as Pending;
  } catch {
    return undefined;
  }
}
