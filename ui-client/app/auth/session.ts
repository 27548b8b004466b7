import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { UiConfig } from '../config';
import { readToken, type TokenInfo } from './token';
import { safeReturnTo } from './returnTo';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'expired'; user?: TokenInfo }
  | { status: 'authenticated'; user: TokenInfo; accessToken: string }
  | { status: 'error'; message: string };

type Listener = (state: SessionState) => void;

/**
 * The login session: authorization code + PKCE (S256) with the realm's public ui-client, tokens in session storage
 * (gone with the tab), refreshed with the refresh token before they expire. When a refresh fails or the hub
 * answers 401, the session is 'expired': the UI says so and a new login returns to the same page.
 */
export class Session {
  private readonly manager: UserManager;
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<Listener>();

  constructor(config: UiConfig, origin: string = window.location.origin) {
    this.manager = new UserManager({
      authority: config.issuer,
      client_id: config.clientId,
      redirect_uri: origin + '/ui/callback',
      post_logout_redirect_uri: origin + '/ui/logged-out',
      response_type: 'code',
      scope: 'openid',
      automaticSilentRenew: true,
      loadUserInfo: false,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
    this.manager.events.addUserLoaded((user) => this.fromUser(user));
    this.manager.events.addSilentRenewError(() => this.expire());
    this.manager.events.addAccessTokenExpired(() => this.expire());
    this.manager.events.addUserSignedOut(() => this.set({ status: 'anonymous' }));
  }

  current(): SessionState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Restores a stored login; an expired access token is refreshed once before the session counts as expired. */
  async start(): Promise<void> {
    try {
      const user = await this.manager.getUser();
      if (!user) {
        this.set({ status: 'anonymous' });
      } else if (!user.expired) {
        this.fromUser(user);
      } else if (user.refresh_token) {
        await this.refresh();
      } else {
        this.expire();
      }
    } catch (e) {
      this.set({ status: 'error', message: (e as Error).message });
    }
  }

  async refresh(): Promise<void> {
    try {
      const user = await this.manager.signinSilent();
      if (user) {
        this.fromUser(user);
      } else {
        this.expire();
      }
    } catch {
      this.expire();
    }
  }

  login(returnTo: string): Promise<void> {
    return this.manager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) } });
  }

  /**
   * A new login even when the Keycloak session is still alive (21 CFR 11.200): max_age=0 asks for a fresh
   * authentication and prompt=login makes Keycloak show its login page, so the person types their password again and
   * the new tokens carry a new auth_time. Returns to returnTo like login.
   */
  reauthenticate(returnTo: string): Promise<void> {
    return this.manager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) }, max_age: 0, prompt: 'login' });
  }

  /** Completes the code exchange on /ui/callback and answers where the user was going. */
  async completeLogin(): Promise<string> {
    const user = await this.manager.signinRedirectCallback();
    this.fromUser(user);
    return safeReturnTo((user.state as { returnTo?: unknown } | undefined)?.returnTo);
  }

  async logout(): Promise<void> {
    const user = await this.manager.getUser();
    await this.manager.removeUser();
    await this.manager.signoutRedirect({ id_token_hint: user?.id_token });
  }

  /** The hub refused the token (HTTP 401): the login is over, whatever the clock says. */
  expire(): void {
    const current = this.state;
    this.set({ status: 'expired', user: current.status === 'authenticated' ? current.user : undefined });
  }

  accessToken(): string | undefined {
    return this.state.status === 'authenticated' ? this.state.accessToken : undefined;
  }

  private fromUser(user: User): void {
    this.set({ status: 'authenticated', user: readToken(user.access_token), accessToken: user.access_token });
  }

  private set(state: SessionState): void {
    this.state = state;
    this.listeners.forEach((l) => l(state));
  }
}
