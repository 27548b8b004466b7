import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../auth/context';
import { isReauthentication } from './refusal';
import { clearPending, savePending, takePending, type PendingAction } from './pending';

export type CommandState<T> =
  | { phase: 'idle' }
  | { phase: 'busy'; resumed: boolean }
  | { phase: 'reauthenticating' }
  | { phase: 'done'; result: T; resumed: boolean }
  | { phase: 'error'; error: unknown; resumed: boolean };

/**
 * Runs a signed command (sign, disposition, transition) for one subject. When the hub answers
 * REAUTHENTICATION_REQUIRED, the action is kept in session storage and the user is sent to log in again; back on this
 * page, the same action is submitted once with the new token (resumed). A second REAUTHENTICATION_REQUIRED right after
 * a re-login is shown, not looped on.
 */
export function useSignedCommand<T>(kind: PendingAction['kind'], subject: string, run: (action: PendingAction) => Promise<T>) {
  const { session, state } = useSession();
  const location = useLocation();
  const page = location.pathname + location.search;
  const username = state.status === 'authenticated' ? state.user.username : '';
  // taken once, on mount: only the host of this subject on this page resumes it
  const [resumed] = useState(() => takePending(window.sessionStorage, { username, page, kind, subject }, Date.now()));
  const [command, setCommand] = useState<CommandState<T>>({ phase: 'idle' });
  const runRef = useRef(run);
  runRef.current = run;

  const submit = useCallback(async (action: PendingAction, isResumed = false) => {
    setCommand({ phase: 'busy', resumed: isResumed });
    try {
      const result = await runRef.current(action);
      setCommand({ phase: 'done', result, resumed: isResumed });
    } catch (error) {
      if (isReauthentication(error) && !isResumed) {
        savePending(window.sessionStorage, { action, page, username, savedAt: Date.now() });
        setCommand({ phase: 'reauthenticating' });
        session.reauthenticate(page).catch((e: unknown) => {
          clearPending(window.sessionStorage);
          setCommand({ phase: 'error', error: e, resumed: false });
        });
      } else {
        setCommand({ phase: 'error', error, resumed: isResumed });
      }
    }
  }, [page, username, session]);

  const started = useRef(false);
  useEffect(() => {
    if (resumed && !started.current) {
      started.current = true;
      void submit(resumed.action, true);
    }
  }, [resumed, submit]);

  const reset = useCallback(() => setCommand({ phase: 'idle' }), []);
  return { command, submit, reset, resumedAction: resumed?.action };
}
