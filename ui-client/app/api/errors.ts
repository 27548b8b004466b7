/** A refusal or failure from the hub, with the hub's own message and classification (never swallowed). */
export class HubError extends Error {
  constructor(
    message: string,
    readonly classification: string,
    readonly status?: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HubError';
  }

  get forbidden(): boolean {
    return this.classification === 'FORBIDDEN' || this.status === 403;
  }

  get unauthorized(): boolean {
    return this.classification === 'UNAUTHORIZED' || this.status === 401;
  }
}

interface GraphQlError {
  message?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { classification?: string };
}

/** The first error of a GraphQL response as a HubError, its path and extensions kept (e.g. rule, field). */
export function toHubError(errors: GraphQlError[]): HubError {
  const first = errors[0] ?? {};
  const classification = String(first.extensions?.classification ?? 'ERROR');
  const where = first.path && first.path.length > 0 ? ` (at ${first.path.join('.')})` : '';
  const more = errors.length > 1 ? ` and ${errors.length - 1} more error(s)` : '';
  return new HubError((first.message ?? 'the hub answered an error without a message') + where + more,
    classification, undefined, first.extensions ?? {});
}

/** A non-GraphQL HTTP failure, its body's message used when it has one. */
export function httpError(status: number, body: string, what: string): HubError {
  let message = body.trim();
  try {
    const json = JSON.parse(body) as { message?: string; error?: string; detail?: string };
    message = json.detail ?? json.message ?? json.error ?? message;
  } catch {
    // not JSON: keep the text
  }
  const classification = status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'HTTP_' + status;
  const fallback = status === 401 ? 'your session has expired or the token was refused'
    : status === 403 ? 'your roles do not allow this' : 'no message';
  return new HubError(`${what}: HTTP ${status}${message ? ' — ' + message.slice(0, 500) : ' — ' + fallback}`, classification, status);
}
