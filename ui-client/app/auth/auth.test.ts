import { describe, expect, it } from 'vitest';
import { AUDIT_TRAIL_READERS, hasAnyRole, LEDGER_READERS, readToken } from './token';
import { safeReturnTo } from './returnTo';
import { fileName } from '../api/hub';
import { httpError, toHubError } from '../api/errors';

function jwt(claims: object): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'RS256' })}.${enc(claims)}.sig`;
}

describe('token', () => {
  it('reads user, realm roles and expiry from a Keycloak access token', () => {
    const info = readToken(jwt({ sub: 'f3a1-uuid', preferred_username: 'inspector', name: 'Ingrid Inspector', exp: 2000000000,
      realm_access: { roles: ['inspector'] } }));
    expect(info).toEqual({ username: 'inspector', subject: 'f3a1-uuid', name: 'Ingrid Inspector', roles: ['inspector'], expiresAt: 2000000000000 });
  });

  it('decodes non-ASCII names (base64url of UTF-8)', () => {
    expect(readToken(jwt({ preferred_username: 'u', name: 'Zoë Ärztin' })).name).toBe('Zoë Ärztin');
  });

  it('a token without realm roles has none', () => {
    expect(readToken(jwt({ sub: 'x' })).roles).toEqual([]);
  });

  it('refuses what is not a JWT', () => {
    expect(() => readToken('abc')).toThrow(/not a JWT/);
  });

  it('checks roles the way the SDL lists them', () => {
    expect(hasAnyRole(['operator'], LEDGER_READERS)).toBe(false);
    expect(hasAnyRole(['admin'], LEDGER_READERS)).toBe(true);
    expect(hasAnyRole([], [])).toBe(true);
  });

  it('shows the audit trail to the QA roles, who review it, and not to operators', () => {
    expect(hasAnyRole(['qa-reviewer'], AUDIT_TRAIL_READERS)).toBe(true);
    expect(hasAnyRole(['qa-release'], AUDIT_TRAIL_READERS)).toBe(true);
    expect(hasAnyRole(['operator'], AUDIT_TRAIL_READERS)).toBe(false);
    expect(hasAnyRole(['qa-reviewer'], LEDGER_READERS)).toBe(false);
  });
});

describe('return after login', () => {
  it('returns to a path on this origin', () => {
    expect(safeReturnTo('/ui/batch/synthplant%3AB-1?tab=genealogy')).toBe('/ui/batch/synthplant%3AB-1?tab=genealogy');
  });

  it('never to another site or back to the callback', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/ui/callback?code=x', undefined, 42]) {
      expect(safeReturnTo(bad)).toBe('/ui/batches');
    }
  });
});

describe('hub errors', () => {
  it('keep the hub message, the path and the classification', () => {
    const e = toHubError([{ message: 'no batch Batch:x', path: ['batch'], extensions: { classification: 'NOT_FOUND' } }]);
    expect(e.message).toBe('no batch Batch:x (at batch)');
    expect(e.classification).toBe('NOT_FOUND');
  });

  it('count further errors', () => {
    expect(toHubError([{ message: 'a' }, { message: 'b' }]).message).toBe('a and 1 more error(s)');
  });

  it('name a forbidden HTTP answer as forbidden', () => {
    const e = httpError(403, '', 'GET /api/recall-impact.csv');
    expect(e.forbidden).toBe(true);
    expect(e.message).toContain('HTTP 403');
    expect(httpError(401, '', 'x').unauthorized).toBe(true);
  });

  it('read the file name of a download', () => {
    expect(fileName('attachment; filename="recall-LOT-1.csv"')).toBe('recall-LOT-1.csv');
    expect(fileName("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv")).toBe('résumé.csv');
    expect(fileName(null)).toBeUndefined();
  });
});
