import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from './auth/context';
import { hasAnyRole, INGEST_REPORT_READERS, INGEST_UPLOADERS, LEDGER_READERS, READERS, RECALL_READERS, type Role } from './auth/token';
import type { UiConfig } from './config';
import { BatchesScreen } from './screens/BatchesScreen';
import { BatchScreen } from './screens/BatchScreen';
import { LotScreen } from './screens/LotScreen';
import { RecallScreen } from './screens/RecallScreen';
import { LedgerScreen } from './screens/LedgerScreen';
import { IngestScreen } from './screens/IngestScreen';
import { ReleaseDashboard } from './release/ReleaseScreens';
import { CapaScreen, CapasScreen } from './capa/CapaScreens';
import { ErrorPanel, Forbidden, Loading } from './ui/states';

// GraphiQL is large: loaded only when its page is opened.
const GraphiQLScreen = lazy(() => import('./screens/GraphiQLScreen'));

interface NavItem { to: string; label: string; roles: readonly Role[] }
const NAV: NavItem[] = [
  { to: '/ui/release', label: 'Release', roles: READERS },
  { to: '/ui/batches', label: 'Batches', roles: READERS },
  { to: '/ui/capas', label: 'CAPAs', roles: READERS },
  { to: '/ui/recall', label: 'Recall impact', roles: RECALL_READERS },
  { to: '/ui/ledger', label: 'Ledger', roles: LEDGER_READERS },
  { to: '/ui/ingest', label: 'Ingest', roles: [...INGEST_UPLOADERS, ...INGEST_REPORT_READERS] },
  { to: '/graphiql', label: 'GraphiQL', roles: [] },
];

export function App({ config }: { config: UiConfig }) {
  return (
    <Routes>
      <Route path="/ui/callback" element={<Callback />} />
      <Route path="/ui/logged-out" element={<Frame><LoginPanel message="You are logged out." /></Frame>} />
      <Route path="*" element={<Frame><Protected config={config} /></Frame>} />
    </Routes>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const { session, state } = useSession();
  const user = state.status === 'authenticated' || state.status === 'expired' ? state.user : undefined;
  const roles = user?.roles ?? [];
  return (
    <div className="frame">
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">Batch Ledger Hub</span>
        <nav aria-label="Screens">
          {user ? NAV.filter((n) => hasAnyRole(roles, n.roles)).map((n) => <NavLink key={n.to} to={n.to}>{n.label}</NavLink>) : null}
        </nav>
        {user ? (
          <span className="who">
            <span data-testid="user">{user.name}</span> <span className="roles">({roles.join(', ') || 'no roles'})</span>
            {' '}<button type="button" onClick={() => session.logout()}>Log out</button>
          </span>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}

function Protected({ config }: { config: UiConfig }) {
  const { state } = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading what="session" />;
    case 'error':
      return <ErrorPanel error={new Error('login failed: ' + state.message)} />;
    case 'anonymous':
      return <LoginPanel message="Log in with your plant account to continue." />;
    case 'expired':
      return <LoginPanel expired message="Your session has expired. Log in again to continue: you will come back to this page." />;
    case 'authenticated':
      return <Screens config={config} roles={state.user.roles} />;
  }
}

function Screens({ config, roles }: { config: UiConfig; roles: string[] }) {
  const guard = (need: readonly Role[], element: ReactNode) => (hasAnyRole(roles, need) ? element : <Forbidden need={need} have={roles} />);
  const home = roles.includes('adapter') && !hasAnyRole(roles, READERS) ? '/ui/ingest' : '/ui/release';
  return (
    <Routes>
      <Route path="/" element={<Navigate to={home} replace />} />
      <Route path="/ui" element={<Navigate to={home} replace />} />
      <Route path="/ui/release" element={guard(READERS, <ReleaseDashboard />)} />
      <Route path="/ui/batches" element={guard(READERS, <BatchesScreen config={config} />)} />
      <Route path="/ui/batch/:key" element={guard(READERS, <BatchScreen />)} />
      <Route path="/ui/lot/:key" element={guard(READERS, <LotScreen />)} />
      <Route path="/ui/capas" element={guard(READERS, <CapasScreen />)} />
      <Route path="/ui/capa/:key" element={guard(READERS, <CapaScreen />)} />
      <Route path="/ui/recall" element={guard(RECALL_READERS, <RecallScreen config={config} />)} />
      <Route path="/ui/ledger" element={guard(LEDGER_READERS, <LedgerScreen />)} />
      <Route path="/ui/ingest" element={guard([...INGEST_UPLOADERS, ...INGEST_REPORT_READERS], <IngestScreen />)} />
      <Route path="/graphiql" element={<Suspense fallback={<Loading what="GraphiQL" />}><GraphiQLScreen /></Suspense>} />
      <Route path="*" element={<ErrorPanel error={new Error('no such page: ' + window.location.pathname)} />} />
    </Routes>
  );
}

function LoginPanel({ message, expired }: { message: string; expired?: boolean }) {
  const { session } = useSession();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const returnTo = location.pathname === '/ui/logged-out' ? '/' : location.pathname + location.search;
  return (
    <section className={'login' + (expired ? ' expired' : '')} aria-labelledby="login-title">
      <h1 id="login-title">{expired ? 'Session expired' : 'Log in'}</h1>
      <p role={expired ? 'alert' : undefined} data-testid="login-message">{message}</p>
      <button type="button" className="primary" autoFocus onClick={() => session.login(returnTo).catch(setError)}>Log in with Keycloak</button>
      {error ? <ErrorPanel error={error} /> : null}
    </section>
  );
}

function Callback() {
  const { session } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) {
      return;
    }
    done.current = true;
    session.completeLogin().then((to) => navigate(to, { replace: true }), setError);
  }, [session, navigate]);
  return error ? <ErrorPanel error={error} /> : <Loading what="login" />;
}
