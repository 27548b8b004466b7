import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { configureHub } from './api/hub';
import { SessionProvider } from './auth/context';
import { Session } from './auth/session';
import { loadConfig } from './config';
import { App } from './App';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadConfig().then(async (config) => {
  const session = new Session(config);
  configureHub({ token: () => session.accessToken(), onUnauthorized: () => session.expire() });
  // The callback page completes the login itself; elsewhere a stored login is restored (refreshed if needed).
  if (!window.location.pathname.startsWith('/ui/callback')) {
    await session.start();
  }
  root.render(
    <StrictMode>
      <SessionProvider session={session}>
        <BrowserRouter>
          <App config={config} />
        </BrowserRouter>
      </SessionProvider>
    </StrictMode>,
  );
}).catch((e: unknown) => {
  root.render(<p role="alert" className="state error">The UI cannot start: {(e as Error).message}</p>);
});
