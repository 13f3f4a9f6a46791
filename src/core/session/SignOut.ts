import type { ClientContext } from './ClientContext.js';
import { endSession } from '../protocol/endSession.js';
import { parseHttpUrl } from '../config/LogtoConfig.js';
import type { SessionController } from './SessionController.js';
import type { SignOutReason } from './TabSync.js';

/**
 * How long the snapshot keeps `isSigningOut` after the navigation to Logto started. Long enough for
 * a slow end-session page to answer (a guard must not cancel it); short enough that a page which
 * did not leave (a navigation blocked by `beforeunload`, a test's `navigate`) soon shows signed out.
 */
export const signOutLeaveTimeoutMs = 10_000;

/** What a sign-out needs from the client. */
export interface SignOutDeps {
  context: Pick<ClientContext, 'config' | 'http' | 'metadata' | 'log'>;
  controller: SessionController;
  navigate: (url: string) => void;
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
    const { controller, context, navigate } = this.#deps;
    const finish = (): void => {
      this.#pending = undefined;
      controller.signOutSettled();
    };
    controller.signingOut();
    try {
      const session = await controller.end('signOut', false);
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

  /**
   * Ends the session for a policy's `reason` (e.g. `idle`), in every tab that calls it: the
   * snapshot flips at once, with no `isSigningOut` phase. Only the tab that still finds the session
   * stored (under the refresh lock) revokes the refresh token and, given `postLogoutRedirectUri`,
   * goes to Logto's end-session page, so Logto's session ends once, not once per tab.
   *
   * @returns whether this tab was that one
   */
  async end(reason: SignOutReason, postLogoutRedirectUri: string | undefined): Promise<boolean> {
    const { controller, context, navigate } = this.#deps;
    const session = await controller.end(reason, true);
    if (!session) return false;
    // Signed out here whatever Logto answers; only the navigation needs the URL.
    const url = await endSession(context, session.refreshToken, postLogoutRedirectUri).catch(
      () => undefined,
    );
    if (url && postLogoutRedirectUri) navigate(url);
    return true;
  }
}
