/** What the UI reads from a Keycloak access token: who, which realm roles, until when. Not a validation: the hub validates. */
export interface TokenInfo {
  username: string;
  /** the token's sub: what the hub records as who signed (a signature's provenance.recordedBy) */
  subject: string;
  name: string;
  roles: string[];
  expiresAt: number;
}

export type Role = 'operator' | 'qa-reviewer' | 'qa-release' | 'inspector' | 'adapter' | 'admin';

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function readToken(accessToken: string): TokenInfo {
  const parts = accessToken.split('.');
  if (parts.length !== 3) {
    throw new Error('not a JWT: expected 3 dot-separated parts, got ' + parts.length);
  }
  const claims = decodeSegment(parts[1]) as Record<string, unknown>;
  const realmAccess = claims['realm_access'] as { roles?: unknown } | undefined;
  const roles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.filter((r): r is string => typeof r === 'string') : [];
  const username = typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : String(claims['sub'] ?? '');
  const name = typeof claims['name'] === 'string' ? claims['name'] : username;
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : 0;
  return { username, subject: String(claims['sub'] ?? ''), name, roles, expiresAt: exp };
}

/** True when the user holds at least one of the roles (an empty list admits everyone logged in). */
export function hasAnyRole(userRoles: readonly string[], required: readonly Role[]): boolean {
  return required.length === 0 || required.some((r) => userRoles.includes(r));
}

/** Roles of the SDL's @roles directive, per screen; the hub enforces them again on every field. */
export const READERS: readonly Role[] = ['operator', 'qa-reviewer', 'qa-release', 'inspector', 'admin'];
export const RECALL_READERS: readonly Role[] = ['qa-reviewer', 'qa-release', 'inspector', 'admin'];
export const LEDGER_READERS: readonly Role[] = ['inspector', 'admin'];
/** auditTrail's roles: QA reads a batch's trail to sign AUDIT_TRAIL_REVIEWED (requirements/access-policy.csv). */
export const AUDIT_TRAIL_READERS: readonly Role[] = ['qa-reviewer', 'qa-release', 'inspector', 'admin'];
export const INGEST_UPLOADERS: readonly Role[] = ['adapter'];
export const INGEST_REPORT_READERS: readonly Role[] = ['qa-reviewer', 'qa-release', 'inspector', 'admin'];
/** unlinkedResults and unlinkedReferences: the ingest review queue (the Ingest screen's tab "unlinked"). */
export const UNLINKED_READERS: readonly Role[] = ['qa-reviewer', 'qa-release', 'inspector', 'admin'];
export const SOURCE_FILE_READERS: readonly Role[] = ['qa-reviewer', 'qa-release', 'inspector', 'admin'];
/** Roles that sign (the SDL's @roles on sign); meanings per role are the hub's data. */
export const SIGNERS: readonly Role[] = ['operator', 'qa-reviewer', 'qa-release'];
/** Roles that take deviation transitions (transitionDeviation); which transition each may take is the hub's data. */
export const TRANSITIONERS: readonly Role[] = ['qa-reviewer', 'qa-release'];
export const RELEASERS: readonly Role[] = ['qa-release'];
/** Roles that decide review exceptions (the SDL's @roles on dispositionException). */
export const EXCEPTION_REVIEWERS: readonly Role[] = ['qa-reviewer', 'qa-release'];
