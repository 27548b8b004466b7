import { describe, expect, it } from 'vitest';
import type { ExceptionDispositionView } from './operations';
import { classesOf, filterExceptions, isDecided, reviewFilterFromParams, reviewFilterToParams, reviewState, signatureId } from './review';

const decision = (d: 'ACCEPT' | 'RAISE_DEVIATION'): ExceptionDispositionView => ({ id: 'ExceptionDisposition:x', key: 'x', decision: d,
  comment: 'ok', decidedBy: 'Rita', decidedAt: '2026-11-26T10:00:00Z', deviationId: null, signatureKey: 's1', evidenceSha256: 'ab' });
const open = { exceptionClass: 'OOS_RESULT', disposition: null, earlierDispositions: [] };
const reopened = { exceptionClass: 'CORRECTION', disposition: null, earlierDispositions: [decision('ACCEPT')] };
const accepted = { exceptionClass: 'OOS_RESULT', disposition: decision('ACCEPT'), earlierDispositions: [] };
const raised = { exceptionClass: 'LATE_ENTRY', disposition: decision('RAISE_DEVIATION'), earlierDispositions: [] };

describe('the review queue', () => {
  it('an exception is open, reopened (decided on evidence that changed since), accepted or has raised a deviation', () => {
    expect([open, reopened, accepted, raised].map(reviewState)).toEqual(['open', 'reopened', 'accepted', 'deviation-raised']);
    expect([open, reopened, accepted, raised].map(isDecided)).toEqual([false, false, true, true]);
  });

  it('shows what is left to review by default; decided, all and one class on request', () => {
    const rows = [open, reopened, accepted, raised];
    expect(filterExceptions(rows, { show: 'open', exceptionClass: null })).toEqual([open, reopened]);
    expect(filterExceptions(rows, { show: 'decided', exceptionClass: null })).toEqual([accepted, raised]);
    expect(filterExceptions(rows, { show: 'all', exceptionClass: 'OOS_RESULT' })).toEqual([open, accepted]);
  });

  it('lists the classes present with what is left to review of each, most first', () => {
    expect(classesOf([open, reopened, accepted, raised])).toEqual([
      { exceptionClass: 'CORRECTION', open: 1, total: 1 }, { exceptionClass: 'OOS_RESULT', open: 1, total: 2 },
      { exceptionClass: 'LATE_ENTRY', open: 0, total: 1 },
    ]);
  });

  it('keeps its filter in the URL beside the tab, ignoring what it does not know', () => {
    const f = reviewFilterFromParams(new URLSearchParams('tab=review&review=decided&class=OOS_RESULT'));
    expect(f).toEqual({ show: 'decided', exceptionClass: 'OOS_RESULT' });
    expect(reviewFilterFromParams(new URLSearchParams('review=maybe&class=<script>'))).toEqual({ show: 'open', exceptionClass: null });
    expect(reviewFilterToParams(new URLSearchParams('tab=review&review=all'), { show: 'open', exceptionClass: null }).toString()).toBe('tab=review');
  });

  it("names a decision's signature by the global ID withdrawSignature takes", () => {
    expect(signatureId('hub:sig:1')).toBe('Signature:hub:sig:1');
  });
});
