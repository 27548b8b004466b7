import { describe, expect, it } from 'vitest';
import { PENDING_KEY, PENDING_TTL_MS, peekPending, savePending, subjectOf, takePending, type Pending } from './pending';

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, v); }
  removeItem(k: string) { this.items.delete(k); }
}

const T = 1_800_000_000_000;
const pending: Pending = {
  action: { kind: 'sign', record: 'Batch:demo:B-1', meaning: 'REVIEWED', reason: 'record complete, ranges checked' },
  page: '/ui/batch/demo:B-1?tab=signatures', username: 'reviewer', savedAt: T,
};
const here = { username: 'reviewer', page: '/ui/batch/demo:B-1?tab=signatures', kind: 'sign' as const, subject: 'Batch:demo:B-1' };

describe('a signed action kept across the re-authentication redirect', () => {
  it('comes back once, as typed, for the same user, page and record', () => {
    const store = new MemoryStore();
    savePending(store, pending);
    expect(takePending(store, here, T + 30_000)).toEqual(pending);
    expect(takePending(store, here, T + 31_000)).toBeUndefined();
  });

  it('is left in place for another record or page of the same user (the right dialog takes it)', () => {
    const store = new MemoryStore();
    savePending(store, pending);
    expect(takePending(store, { ...here, subject: 'StepRecord:demo:S-1' }, T)).toBeUndefined();
    expect(takePending(store, { ...here, page: '/ui/batch/demo:B-1' }, T)).toBeUndefined();
    expect(takePending(store, { ...here, kind: 'disposition' }, T)).toBeUndefined();
    expect(peekPending(store, here, T)).toEqual(pending);
  });

  it('is dropped when another person logs in: it is never submitted under their name', () => {
    const store = new MemoryStore();
    savePending(store, pending);
    expect(takePending(store, { ...here, username: 'reviewer2' }, T)).toBeUndefined();
    expect(store.items.has(PENDING_KEY)).toBe(false);
  });

  it('is dropped when older than its time to live or from the future', () => {
    const store = new MemoryStore();
    savePending(store, pending);
    expect(takePending(store, here, T + PENDING_TTL_MS + 1)).toBeUndefined();
    expect(store.items.has(PENDING_KEY)).toBe(false);
    savePending(store, pending);
    expect(takePending(store, here, T - 1)).toBeUndefined();
  });

  it('an unreadable entry is dropped, not thrown', () => {
    const store = new MemoryStore();
    store.setItem(PENDING_KEY, '{not json');
    expect(takePending(store, here, T)).toBeUndefined();
    store.setItem(PENDING_KEY, JSON.stringify({ ...pending, action: { kind: 'delete-everything' } }));
    expect(takePending(store, here, T)).toBeUndefined();
    expect(store.items.has(PENDING_KEY)).toBe(false);
  });

  it('keeps the new signed actions (exception decision, CAPA step, withdrawal) for their own subject', () => {
    const store = new MemoryStore();
    const page = '/ui/batch/demo:B-1?tab=review';
    const decision: Pending = { action: { kind: 'exception', batch: 'Batch:demo:B-1', exception: 'RX-1', decision: 'ACCEPT', comment: 'known' },
      page, username: 'reviewer', savedAt: T };
    savePending(store, decision);
    expect(takePending(store, { username: 'reviewer', page, kind: 'exception', subject: 'RX-2' }, T)).toBeUndefined();
    expect(takePending(store, { username: 'reviewer', page, kind: 'exception', subject: 'RX-1' }, T)).toEqual(decision);
    expect(subjectOf({ kind: 'capa-transition', capa: 'Capa:c1', transition: 'IMPLEMENT', reason: 'done' })).toBe('Capa:c1');
    expect(subjectOf({ kind: 'withdraw', signature: 'Signature:s1', reason: 'wrong batch' })).toBe('Signature:s1');
  });
});
