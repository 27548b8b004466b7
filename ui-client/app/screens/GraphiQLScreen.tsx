import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { useSession } from '../auth/context';

type Params = { query: string; variables?: unknown; operationName?: string | null };

/**
 * GraphiQL from the UI's own bundle (no CDN), sending the logged-in user's token with every request. The token is
 * read per request, so a refreshed token is used without reloading the page.
 */
export default function GraphiQLScreen() {
  const { session } = useSession();
  const fetcher = useMemo(() => async (params: Params) => {
    const token = session.accessToken();
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
      body: JSON.stringify(params),
    });
    if (response.status === 401) {
      session.expire();
    }
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 300) || 'no body'}` }] };
    }
  }, [session]);
  return (
    <div className="graphiql-host" data-testid="graphiql">
      <GraphiQL fetcher={fetcher} defaultQuery={'# The hub\'s API, with your login.\n{\n  batches(first: 5) {\n    edges { node { key status productKey } }\n  }\n}\n'} />
    </div>
  );
}
