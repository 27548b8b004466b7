/**
 * Where to go after a login. Only a path on this origin is accepted, so a crafted state cannot send the user to
 * another site after Keycloak (an open redirect).
 */
export function safeReturnTo(candidate: unknown, fallback = '/ui/batches'): string {
  if (typeof candidate !== 'string' || candidate.length === 0) {
    return fallback;
  }
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return fallback;
  }
  if (candidate.startsWith('/ui/callback')) {
    return fallback;
  }
  return candidate;
}
