import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Session, SessionState } from './session';
import type { TokenInfo } from './token';

const SessionContext = createContext<{ session?: Session; state: SessionState }>({ state: { status: 'loading' } });

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [state, setState] = useState<SessionState>(session.current());
  useEffect(() => session.subscribe(setState), [session]);
  return <SessionContext.Provider value={{ session, state }}>{children}</SessionContext.Provider>;
}

export function useSession(): { session: Session; state: SessionState } {
  const value = useContext(SessionContext);
  if (!value.session) {
    throw new Error('useSession outside SessionProvider');
  }
  return { session: value.session, state: value.state };
}

export function useSessionUser(): TokenInfo | undefined {
  const { state } = useContext(SessionContext);
  return state.status === 'authenticated' ? state.user : state.status === 'expired' ? state.user : undefined;
}
