import { HubError, httpError, toHubError } from './errors';

/** How screens reach the hub: the current access token, and what to do when the hub says the login is over. */
export interface HubAccess {
  token(): string | undefined;
  onUnauthorized(): void;
}

let access: HubAccess = { token: () => undefined, onUnauthorized: () => undefined };

export function configureHub(a: HubAccess): void {
  access = a;
}

function authHeaders(): Record<string, string> {
  const token = access.token();
  return token ? { Authorization: 'Bearer ' + token } : {};
}

async function checked(response: Response, what: string): Promise<Response> {
  if (response.status === 401) {
    access.onUnauthorized();
  }
  if (!response.ok) {
    throw httpError(response.status, await response.text(), what);
  }
  return response;
}

/** POST /graphql; any error in the answer is thrown as a HubError with the hub's message. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await graphqlPartial<T>(query, variables);
  if (errors.length > 0) {
    throw toHubError(errors);
  }
  return data as T;
}

type RawError = { message?: string; path?: (string | number)[]; extensions?: Record<string, unknown> };

/** POST /graphql keeping partial data beside its errors (e.g. null + NOT_FOUND for a key that is not a batch). */
export async function graphqlPartial<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors: RawError[] }> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401) {
    access.onUnauthorized();
    throw httpError(401, await response.text(), 'GraphQL');
  }
  const text = await response.text();
  let body: { data?: T; errors?: RawError[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw httpError(response.status, text, 'GraphQL');
  }
  if ((!response.ok || body.data === undefined) && !(body.errors && body.errors.length > 0)) {
    throw httpError(response.status, text, 'GraphQL');
  }
  return { data: body.data ?? undefined, errors: body.errors ?? [] };
}

/** GET a file the hub serves behind the token and hand it to the browser as a download. */
export async function download(url: string, fallbackName: string, preferredName?: string): Promise<string> {
  const response = await checked(await fetch(url, { headers: authHeaders() }), 'GET ' + url);
  const blob = await response.blob();
  const name = preferredName ?? fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(blob, name);
  return name;
}

export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The file name of a Content-Disposition header (RFC 6266 filename or filename*=UTF-8''…). */
export function fileName(disposition: string | null): string | undefined {
  if (!disposition) {
    return undefined;
  }
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    return decodeURIComponent(star[1].trim());
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : undefined;
}

/** POST /api/ingest (multipart, field 'file'). A refusal (422, 413) still carries the report: it is returned. */
export async function ingest<T>(file: File): Promise<{ status: number; report: T }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/ingest', { method: 'POST', headers: authHeaders(), body: form });
  if (response.status === 401) {
    access.onUnauthorized();
  }
  const text = await response.text();
  if (response.status === 200 || response.status === 422 || response.status === 413) {
    try {
      return { status: response.status, report: JSON.parse(text) as T };
    } catch {
      // a 413 from the container has no report: fall through to the error
    }
  }
  throw httpError(response.status, text, 'POST /api/ingest');
}

export { HubError };
