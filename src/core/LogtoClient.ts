import { CallbackHandler } from './signin/CallbackHandler.js';
import type { ClientSettings, LogtoConfig } from './config/LogtoConfig.js';
import { SessionClient } from './SessionClient.js';
import { SignOut } from './session/SignOut.js';
import { SignInFlow } from './signin/SignInFlow.js';
import type {
  SignInCallbackResult,
  SignInOptions,
  SignInRequest,
  SignInUrlOptions,
} from './signin/SignInOptions.js';
import { signInSilentlyOnLoad } from './signin/signInSilentlyOnLoad.js';
import { watchForgottenCallback } from './signin/watchForgottenCallback.js';
import { warnMissingScopes } from './protocol/warnMissingScopes.js';
import { tokenKey } from './session/tokenKey.js';
import type { SignOutReason } from './session/TabSync.js';

/** Injection points and tunables. Every field is optional. */
export interface ClientOptions extends ClientSettings {
  /**
   * Single sign-on on load: pass `signInSilently` (from `logto-spa`) and the client tries it once
   * per page when there is no session (not on the callback URL, not inside a frame). The snapshot
   * stays `isLoading` until it settles, so no signed-out UI flashes and `<Protected>` redirects
   * only if it failed; a failure just leaves the visitor signed out. Default: none.
   */
  signInSilently?: (client: LogtoClient) => Promise<unknown>;
}

/**
 * Logto sign-in for a browser app: redirect sign-in with PKCE, verified ID tokens, access tokens
 * per API resource and organization, refreshes locked across tabs, and tab-to-tab sync.
 * Method names follow `@logto/browser`.
 *
 * @example
 * ```ts
 * const client = new LogtoClient({ endpoint: 'https://tenant.logto.app', appId: 'abc' });
 * if (await client.isSignInRedirected(location.href)) await client.handleSignInCallback(location.href);
 * if (!(await client.isAuthenticated())) await client.signIn(`${location.origin}/callback`);
 * const token = await client.getAccessToken('https://api.example.com');
 * ```
 */
export class LogtoClient extends SessionClient {
  readonly #flow: SignInFlow;
  readonly #callback: CallbackHandler;
  readonly #navigate: (url: string) => void;
  readonly #signOut: SignOut;
  readonly #signInOnLoad: ClientOptions['signInSilently'];
  #watching = false;

  /**
   * Validates the configuration; touches no browser API until first used, so it is safe to
   * construct during server rendering.
   *
   * @throws LogtoConfigError naming the bad field
   */
  constructor(config: LogtoConfig, options: ClientOptions = {}) {
    super(config, options);
    this.#signInOnLoad = options.signInSilently;
    const { context, session } = this;
    this.#navigate = options.navigate ?? ((url) => window.location.assign(url));
    this.#flow = new SignInFlow(context);
    this.#callback = new CallbackHandler({
      flow: this.#flow,
      controller: session,
      log: context.log,
    });
    this.#signOut = new SignOut({ context, controller: session, navigate: this.#navigate });
    this.on('tokenRefreshed', ({ resource, organizationId }) => {
      const token = organizationId ? undefined : session.current?.accessTokens[tokenKey(resource)];
      if (resource && token) warnMissingScopes(this.config, resource, token.scope, context.log);
    });
  }

  /** Also watches for a sign-in callback that nothing handles (a forgotten callback route). */
  override start(): Promise<void> {
    if (!this.#watching && !this.disposed) {
      this.#watching = true;
      watchForgottenCallback(this.#flow, this.#callback, () => this.disposed);
    }
    return super.start();
  }

  /** Single sign-on on load (`ClientOptions.signInSilently`), when the page found no session. */
  protected override trySignInOnLoad(settled: () => void): boolean {
    return signInSilentlyOnLoad(this, this.#signInOnLoad, settled);
  }

  // ---- sign-in and sign-out ---------------------------------------------------------------

  /** Starts a sign-in: stores a PKCE transaction and navigates to Logto. */
  async signIn(options: string | SignInOptions): Promise<void> {
    const resolved = typeof options === 'string' ? { redirectUri: options } : options;
    const { url } = await this.createSignInUrl(resolved);
    if ((resolved.clearTokens ?? true) && this.session.current) await this.clearAllTokens();
    this.#navigate(url);
  }

  /**
   * {@link signIn} without leaving the page: returns the authorization URL and its `state`.
   * @example const { url, state } = await client.createSignInUrl({ redirectUri, relay: 'popup' });
   */
  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    await this.start();
    return this.#flow.createSignInUrl(options);
  }

  /** Forgets the pending sign-in with this `state` (a closed popup, a session check). */
  discardSignIn(state: string): Promise<void> {
    return this.#flow.discard(state);
  }

  /** Whether `url` is the callback of a sign-in started in this browser. */
  async isSignInRedirected(url: string): Promise<boolean> {
    await this.start();
    return this.#flow.isSignInRedirected(url);
  }

  /**
   * Handles the redirect back from Logto. The same URL handled twice (React StrictMode, a double
   * click) makes one token request and both calls settle the same way. In a popup or iframe that
   * another window opened (`createSignInUrl({ relay })`), it hands the URL over and never settles.
   *
   * @throws LogtoCallbackError, LogtoIdTokenError, LogtoTokenEndpointError, LogtoNetworkError
   */
  async handleSignInCallback(url: string): Promise<SignInCallbackResult> {
    await this.start();
    return this.#callback.handle(url);
  }

  /**
   * Signs out: clears the session in every tab, revokes the refresh token (a `keepalive` request),
   * navigates to Logto's end-session page. Until the page has left, the snapshot keeps
   * `isAuthenticated` and sets `isSigningOut` (see {@link SignOut}).
   *
   * @param postLogoutRedirectUri exactly as registered in Logto (mind the trailing slash)
   * @throws LogtoConfigError for a URI that is not absolute; a network or discovery error when the
   *   end-session URL cannot be learned (the local session is cleared all the same)
   * @example
   * ```ts
   * await client.signOut(`${location.origin}/`); // registered as http://localhost:5173/
   * ```
   */
  async signOut(postLogoutRedirectUri?: string): Promise<void> {
    await this.start();
    return this.#signOut.run(postLogoutRedirectUri);
  }

  /**
   * Low-level, for policies such as `createIdleTimer`: ends the session in every tab for `reason`
   * at once; Logto's side once, not once per tab (see {@link SignOut.end}). Never rejects.
   * @returns whether this tab was the one that revoked (and navigated)
   * @example `await client.signOutForReason('idle', location.origin)`
   */
  signOutForReason(reason: SignOutReason, postLogoutRedirectUri?: string): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return this.#signOut.end(reason, postLogoutRedirectUri).catch(() => false);
  }
}
