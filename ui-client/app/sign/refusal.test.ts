import { describe, expect, it } from 'vitest';
import { toHubError } from '../api/errors';
import { isReauthentication, refusalOf } from './refusal';

const hub = (classification: string, message: string, ext: Record<string, unknown> = {}) =>
  toHubError([{ message, path: ['sign'], extensions: { classification, ...ext } }]);

describe('refusals of signed commands, by classification and rule', () => {
  it('an old login is a re-authentication, with the window and the login time', () => {
    const e = hub('REAUTHENTICATION_REQUIRED', 'log in again', { window: 'PT5M', windowSeconds: 300, authTime: 1_800_000_000 });
    expect(isReauthentication(e)).toBe(true);
    const r = refusalOf(e);
    expect(r.kind).toBe('reauthentication');
    expect(r.details[0]).toContain('PT5M');
    expect(r.details[0]).toContain('2027-01-15T08:00:00.000Z');
  });

  it('segregation of duties names the rule', () => {
    const r = refusalOf(hub('FORBIDDEN', 'reviewer performed it', { rule: 'SIG-SOD-REVIEW-OWN', ruleText: 'no one reviews their own record' }));
    expect(r).toMatchObject({ kind: 'segregation', title: 'Segregation of duties', rule: 'SIG-SOD-REVIEW-OWN', ruleText: 'no one reviews their own record' });
  });

  it('a not-ready batch lists its failing checks', () => {
    const r = refusalOf(hub('BAD_REQUEST', 'justification required', { rule: 'SIG-DISPOSITION-JUSTIFICATION',
      failingChecks: ['tests-in-spec: FAIL', 'deviations-closed: FAIL'], treeSize: 12 }));
    expect(r.kind).toBe('not-ready');
    expect(r.details).toEqual(['tests-in-spec: FAIL', 'deviations-closed: FAIL']);
  });

  it('a second disposition names the standing one', () => {
    const r = refusalOf(hub('BAD_REQUEST', 'once', { rule: 'SIG-DISPOSITION-ONCE', disposition: 'Disposition:d1', decision: 'RELEASED' }));
    expect(r.kind).toBe('already-dispositioned');
    expect(r.details[0]).toContain('RELEASED Disposition:d1');
  });

  it('an illegal transition names the state and the allowed transitions', () => {
    const r = refusalOf(hub('BAD_REQUEST', 'CLOSE goes from UNDER_INVESTIGATION', { rule: 'WF-ILLEGAL-TRANSITION', state: 'OPEN', allowed: ['START_INVESTIGATION'] }));
    expect(r.kind).toBe('illegal-transition');
    expect(r.details).toEqual(['Current state: OPEN', 'Allowed from here: START_INVESTIGATION']);
  });

  it('a meaning the role may not use is forbidden; anything else keeps the hub message', () => {
    expect(refusalOf(hub('FORBIDDEN', 'operators do not review', { rule: 'SIG-MEANING-ROLE' })).kind).toBe('forbidden');
    expect(refusalOf(hub('BAD_REQUEST', 'reason is blank', { rule: 'SIG-REASON' })).kind).toBe('refused');
    expect(refusalOf(new Error('network down'))).toMatchObject({ kind: 'failed', message: 'network down' });
  });

  it('segregation of duties on an exception names the own record; WF-SOD on a CAPA is segregation too', () => {
    const own = refusalOf(hub('FORBIDDEN', 'reviewer recorded it', { rule: 'SIG-SOD-REVIEW-OWN', evidence: 'StepRecord:t:SR-1' }));
    expect(own).toMatchObject({ kind: 'segregation', details: ['Your own record: StepRecord:t:SR-1'] });
    expect(refusalOf(hub('FORBIDDEN', 'implementer checks', { rule: 'WF-SOD' })).kind).toBe('segregation');
  });

  it('an exception decided already names the standing decision and the deviation raised; a second withdrawal is decided too', () => {
    const r = refusalOf(hub('BAD_REQUEST', 'decided', { rule: 'SIG-EXCEPTION-ONCE', decision: 'RAISE_DEVIATION',
      exceptionDisposition: 'ExceptionDisposition:e1', deviation: 'Deviation:hub:DEV-1' }));
    expect(r.kind).toBe('already-decided');
    expect(r.details).toEqual(['Standing decision: RAISE_DEVIATION ExceptionDisposition:e1. Withdraw its signature before deciding again.',
      'Deviation raised: Deviation:hub:DEV-1']);
    expect(refusalOf(hub('BAD_REQUEST', 'once', { rule: 'WDR-ONCE' })).kind).toBe('already-withdrawn');
    expect(refusalOf(hub('BAD_REQUEST', 'once', { rule: 'WDR-ONCE' })).title).toBe('Already withdrawn');
    expect(refusalOf(hub('FORBIDDEN', 'not yours', { rule: 'WDR-WHO' })).kind).toBe('forbidden');
  });
});
