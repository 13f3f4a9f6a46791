import type { AuthState } from './AuthState.js';
import type { ClientContext } from './ClientContext.js';
import { endSession } from './endSession.js';
import { parseHttpUrl } from './LogtoConfig.js';
import type { LoadedSession } from './SessionStore.js';

/**
 * How long the snapshot keeps `isSigningOut` after the navigation to Logto started. Long enough for
 * a slow end-session page to answer (a guard must not cancel it); short enough that a page which
 * did not leave (a navigation blocked by `beforeunload`, a test's `navigate`) soon shows signed out.
 */
export const signOutLeaveTimeoutMs = 10_000;

/** What a sign-out needs from the client. */
export interface SignOutDeps {
  context: ClientContext;
  state: AuthState;
  navigate: (url: string) => void;
  /** Removes the session from storage under the refresh lock and tells the other tabs. */
  clearSession(): Promise<LoadedSession | undefined>;
  /** The sign-out is over and the page is still here: show signed out (emits `signedOut`). */
  showSignedOut(): void;
}

/**
 * Sign-out, in an order that cannot be raced: the snapshot gains `isSigningOut` (and keeps
 * `isAuthenticated`), the session leaves storage and every other tab at once, the refresh token
 * is revoked with a request that survives the navigation, then the page goes to Logto's
 * end-session page. Logto being down does not keep anyone signed in: the local session is gone
 * first, and the navigation happens whenever the end-session URL is known (the discovery document
 * is cached); only when it is not does `signOut()` reject, with the snapshot signed out.
 */
export class SignOut {
  readonly #deps: SignOutDeps;
  #pending: Promise<void> | undefined;

  constructor(deps: SignOutDeps) {
    this.#deps = deps;
  }

  /**
   * Signs out; a second call while one is under way joins it.
   *
   * @throws LogtoConfigError (synchronously) when `postLogoutRedirectUri` is not an absolute URL
   */
  run(postLogoutRedirectUri: string | undefined): Promise<void> {
    // Logto compares it with the registered URIs exactly; a relative one can never match.
    if (postLogoutRedirectUri !== undefined)
      parseHttpUrl('postLogoutRedirectUri', postLogoutRedirectUri);
    this.#pending ??= this.#run(postLogoutRedirectUri);
    return this.#pending;
  }

  async #run(postLogoutRedirectUri: string | undefined): Promise<void> {
    const { state, context, navigate } = this.#deps;
    const finish = (): void => {
      this.#pending = undefined;
      state.set({ isSigningOut: false });
      if (!context.session.current) this.#deps.showSignedOut();
    };
    state.set({ isSigningOut: true });
    try {
      const session = await this.#deps.clearSession();
      const url = await endSession(context, session?.refreshToken, postLogoutRedirectUri);
      context.log?.('session', 'leaving for end-session');
      navigate(url);
    } catch (error) {
      finish();
      throw error;
    }
    // Absent outside browsers (server rendering, Node tests).
    const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    const stayed = (): void => {
      context.log?.('session', 'page stayed after sign-out');
      clearTimeout(timer);
      page.removeEventListener?.('pageshow', onPageShow);
      finish();
    };
    // Back on this page from the back-forward cache: the navigation happened, the page stayed.
    const onPageShow = (event: Event): void => {
      if ((event as PageTransitionEvent).persisted) stayed();
    };
    const timer = setTimeout(stayed, signOutLeaveTimeoutMs);
    page.addEventListener?.('pageshow', onPageShow);
  }
}
