/** Pure logic of the review queue (review.test.ts): what a reviewer still has to decide, and how to filter the list. */
import type { ReviewException } from './operations';

export type ReviewShow = 'open' | 'decided' | 'all';
export interface ReviewFilter { show: ReviewShow; exceptionClass: string | null }

/** The filter from the batch page's URL (review=open|decided|all, class=…); anything unknown falls back to the default. */
export function reviewFilterFromParams(params: URLSearchParams): ReviewFilter {
  const show = params.get('review');
  return {
    show: show === 'decided' || show === 'all' ? show : 'open',
    exceptionClass: /^[A-Z_]{1,40}$/.test(params.get('class') ?? '') ? params.get('class') : null,
  };
}

export function reviewFilterToParams(base: URLSearchParams, f: ReviewFilter): URLSearchParams {
  const p = new URLSearchParams(base);
  if (f.show === 'open') p.delete('review'); else p.set('review', f.show);
  if (f.exceptionClass) p.set('class', f.exceptionClass); else p.delete('class');
  return p;
}

/**
 * Where an exception stands: 'open' (no standing decision covers it, to review), 'reopened' (decided earlier on
 * evidence that has changed since: to review again), or the standing decision.
 */
export function reviewState(x: Pick<ReviewException, 'disposition' | 'earlierDispositions'>): 'open' | 'reopened' | 'accepted' | 'deviation-raised' {
  if (x.disposition) {
    return x.disposition.decision === 'ACCEPT' ? 'accepted' : 'deviation-raised';
  }
  return x.earlierDispositions.length > 0 ? 'reopened' : 'open';
}

export function isDecided(x: Pick<ReviewException, 'disposition' | 'earlierDispositions'>): boolean {
  const s = reviewState(x);
  return s === 'accepted' || s === 'deviation-raised';
}

export function filterExceptions<T extends Pick<ReviewException, 'disposition' | 'earlierDispositions' | 'exceptionClass'>>(rows: T[], f: ReviewFilter): T[] {
  return rows.filter((x) => (f.show === 'all' || (f.show === 'decided') === isDecided(x))
    && (f.exceptionClass === null || x.exceptionClass === f.exceptionClass));
}

/** The classes present, each with how many exceptions of it are still to review, most to review first. */
export function classesOf(rows: Pick<ReviewException, 'disposition' | 'earlierDispositions' | 'exceptionClass'>[]): { exceptionClass: string; open: number; total: number }[] {
  const by = new Map<string, { exceptionClass: string; open: number; total: number }>();
  rows.forEach((x) => {
    const c = by.get(x.exceptionClass) ?? { exceptionClass: x.exceptionClass, open: 0, total: 0 };
    c.total += 1;
    c.open += isDecided(x) ? 0 : 1;
    by.set(x.exceptionClass, c);
  });
  return [...by.values()].sort((a, b) => b.open - a.open || a.exceptionClass.localeCompare(b.exceptionClass));
}

/** The global ID withdrawSignature takes, from the key a decision names. */
export function signatureId(signatureKey: string): string {
  return 'Signature:' + signatureKey;
}
