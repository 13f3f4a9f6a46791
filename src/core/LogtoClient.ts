import type { AuthSnapshot } from './session/AuthSnapshot.js';
import { AuthState } from './session/AuthState.js';
import { CallbackHandler } from './signin/CallbackHandler.js';
import type { AccessTokenClaims, IdTokenClaims, UserInfoResponse } from './protocol/claims.js';
import type { ClientContext } from './session/ClientContext.js';
import { createClientContext } from './createClientContext.js';
import { Emitter, type LogtoEventName, type LogtoEvents } from './session/Emitter.js';
import { LogtoError } from './errors/LogtoError.js';
import { LogtoNotAuthenticatedError } from './errors/LogtoNotAuthenticatedError.js';
import { fetchUserInfo } from './protocol/fetchUserInfo.js';
import { decodeJwtClaims } from './protocol/jwt.js';
import {
  resolveConfig,
  validateTokenTarget,
  type ClientSettings,
  type LogtoConfig,
  type ResolvedConfig,
} from './config/LogtoConfig.js';
import { ProactiveRefresher } from './session/ProactiveRefresher.js';
import { RefreshLock } from './session/RefreshLock.js';
import { SessionSync } from './session/SessionSync.js';
import { SignOut } from './session/SignOut.js';
import { SignInFlow } from './signin/SignInFlow.js';
import type {
  SignInCallbackResult,
  SignInOptions,
  SignInRequest,
  SignInUrlOptions,
} from './signin/SignInOptions.js';
import { signInSilentlyOnLoad } from './signin/signInSilentlyOnLoad.js';
import type { SignOutReason } from './session/TabSync.js';
import { TokenManager } from './session/TokenManager.js';

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
export class LogtoClient {
  /** The validated configuration. */
  readonly config: ResolvedConfig;
  readonly #context: ClientContext;
  readonly #flow: SignInFlow;
  readonly #tokens: TokenManager;
  readonly #refresher: ProactiveRefresher;
  readonly #events = new Emitter();
  readonly #state = new AuthState(this.#events);
  readonly #callback: CallbackHandler;
  readonly #navigate: (url: string) => void;
  readonly #signOut: SignOut;
  readonly #sync: SessionSync;
  #ready: Promise<void> | undefined;
  #check: (() => boolean) | undefined;

  /**
   * Validates the configuration; touches no browser API until first used, so it is safe to
   * construct during server rendering.
   *
   * @throws LogtoConfigError naming the bad field
   */
  constructor(config: LogtoConfig, options: ClientOptions = {}) {
    this.config = resolveConfig(config, options);
    this.#context = createClientContext(this.config, options);
    const { now, log } = this.#context;
    this.#navigate = options.navigate ?? ((url) => window.location.assign(url));
    this.#flow = new SignInFlow(this.#context);
    this.#tokens = new TokenManager(
      this.#context,
      new RefreshLock(`logto:${this.config.appId}:refresh`, this.config.lockTimeoutSeconds, log),
      {
        onRefreshed: (resource, organizationId) => {
          this.#sync.tokensChanged();
          this.#events.emit('tokenRefreshed', { resource, organizationId });
        },
        onExpired: (error) => {
          // Storage is already cleared, inside the refresh lock.
          this.#sync.post('signed-out:expired');
          this.#sync.signedOut('expired', false, error);
        },
        onFailed: (resource, organizationId, error) =>
          this.#events.emit('refreshFailed', { resource, organizationId, error }),
      },
    );
    this.#signOut = new SignOut({
      context: this.#context,
      state: this.#state,
      navigate: this.#navigate,
      init: () => this.#init(),
      clearSession: (reason) => this.#sync.clear(reason),
      showSignedOut: (reason) => this.#sync.signedOut(reason, false, undefined),
    });
    this.#refresher = new ProactiveRefresher({
      refresh: (resource, organizationId) => this.getAccessToken(resource, organizationId),
      records: () => this.#context.session.current?.accessTokens,
      now,
      leewaySeconds: this.config.refreshLeewaySeconds,
    });
    this.#callback = new CallbackHandler({
      flow: this.#flow,
      state: this.#state,
      log,
      init: () => this.#init(),
      storeSession: async (session) => {
        const stored = await this.#tokens.withLock(() =>
          this.#context.session.save(this.#context.session.create(session)),
        );
        this.#sync.signedIn(stored.claims);
        return stored.claims;
      },
    });
    this.#sync = new SessionSync({
      context: this.#context,
      state: this.#state,
      refresher: this.#refresher,
      withLock: (task) => this.#tokens.withLock(task),
      trySilentSignIn: (settled) => signInSilentlyOnLoad(this, options.signInSilently, settled),
      isEnding: () => this.#signOut.ending,
    });
  }

  // ---- state for UI bindings --------------------------------------------------------------

  /** The current {@link AuthSnapshot}; the same object until something changes. Synchronous. */
  getSnapshot = (): AuthSnapshot => this.#state.snapshot;

  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#state.add(listener);
    void this.#init().catch(() => undefined);
    this.#refresher.setActive(this.config.proactiveRefresh);
    return () => {
      if (this.#state.remove(listener) === 0) this.#refresher.setActive(false);
    };
  };

  /** Listens to a typed event; returns the unsubscribe function. */
  on<K extends LogtoEventName>(event: K, listener: (payload: LogtoEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  // ---- sign-in and sign-out ---------------------------------------------------------------

  /** Starts a sign-in: stores a PKCE transaction and navigates to Logto. */
  async signIn(options: string | SignInOptions): Promise<void> {
    const resolved = typeof options === 'string' ? { redirectUri: options } : options;
    const { url } = await this.createSignInUrl(resolved);
    if ((resolved.clearTokens ?? true) && this.#context.session.current)
      await this.clearAllTokens();
    this.#navigate(url);
  }

  /**
   * {@link signIn} without leaving the page: returns the authorization URL and its `state`.
   * @example const { url, state } = await client.createSignInUrl({ redirectUri, relay: 'popup' });
   */
  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    await this.#init();
    return this.#flow.createSignInUrl(options);
  }

  /** Forgets the pending sign-in with this `state` (a closed popup, a session check). */
  discardSignIn(state: string): Promise<void> {
    return this.#flow.discard(state);
  }

  /** Whether `url` is the callback of a sign-in started in this browser. */
  async isSignInRedirected(url: string): Promise<boolean> {
    await this.#init();
    return this.#flow.isSignInRedirected(url);
  }

  /**
   * Handles the redirect back from Logto. The same URL handled twice (React StrictMode, a double
   * click) makes one token request and both calls settle the same way. In a popup or iframe that
   * another window opened (`createSignInUrl({ relay })`), it hands the URL over and never settles.
   *
   * @throws LogtoCallbackError, LogtoIdTokenError, LogtoTokenEndpointError, LogtoNetworkError
   */
  handleSignInCallback(url: string): Promise<SignInCallbackResult> {
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
    await this.#init();
    return this.#signOut.run(postLogoutRedirectUri);
  }

  /**
   * Low-level, for policies such as `createIdleTimer`: ends the session in every tab for `reason`
   * at once; Logto's side once, not once per tab (see {@link SignOut.end}). Never rejects.
   * @returns whether this tab was the one that revoked (and navigated)
   * @example `await client.signOutForReason('idle', location.origin)`
   */
  signOutForReason(reason: SignOutReason, postLogoutRedirectUri?: string): Promise<boolean> {
    return this.#signOut.end(reason, postLogoutRedirectUri).catch(() => false);
  }

  /**
   * Low-level, for policies such as `createIdleTimer`: `check` runs before every token read
   * (proactive refreshes too); `false` rejects it with LogtoNotAuthenticatedError, sending nothing.
   * @example `client.setSessionCheck(() => Date.now() < deadline)`
   */
  setSessionCheck(check: (() => boolean) | undefined): void {
    this.#check = check;
  }

  // ---- session and tokens ----------------------------------------------------------------

  /** Whether a session is stored. Reads storage once per page; no network. */
  async isAuthenticated(): Promise<boolean> {
    await this.#init();
    return this.#context.session.current !== undefined;
  }

  /** The raw ID token. @throws LogtoNotAuthenticatedError */
  async getIdToken(): Promise<string> {
    return (await this.#requireSession()).idToken;
  }

  /** The verified ID-token claims. @throws LogtoNotAuthenticatedError */
  async getIdTokenClaims(): Promise<IdTokenClaims> {
    return (await this.#requireSession()).claims;
  }

  /** The refresh token, or `undefined` when the session has none. @throws LogtoNotAuthenticatedError */
  async getRefreshToken(): Promise<string | undefined> {
    return (await this.#requireSession()).refreshToken;
  }

  /**
   * An access token: for `resource` (JWT), for an organization, for both, or with neither the
   * opaque token for userinfo. Cached; refreshed when within the leeway of expiry.
   *
   * @throws LogtoNotAuthenticatedError, LogtoSessionExpiredError (tokens cleared),
   *   LogtoNetworkError (session kept), LogtoTokenEndpointError (e.g. `invalid_target`)
   */
  async getAccessToken(resource?: string, organizationId?: string): Promise<string> {
    await this.#prepareToken(resource, organizationId);
    return this.#tokens.getAccessToken(resource, organizationId);
  }

  /**
   * A new access token in place of one an API refused (a 401 `invalid_token`: keys rotated,
   * token revoked), even if the cached one still looks fresh. It goes through the same lock as
   * every refresh; when the cached token is already another than `rejectedToken` (a concurrent
   * call or another tab replaced it), that one is returned with no request, so many calls
   * refused at once make one refresh.
   *
   * @param rejectedToken the token the API refused; default: the cached one
   * @throws like {@link getAccessToken}
   * @example
   * ```ts
   * if (response.status === 401) token = await client.refreshAccessToken(api, undefined, token);
   * ```
   */
  async refreshAccessToken(
    resource?: string,
    organizationId?: string,
    rejectedToken?: string,
  ): Promise<string> {
    await this.#prepareToken(resource, organizationId);
    return this.#tokens.refreshAccessToken(resource, organizationId, rejectedToken);
  }

  /** The decoded claims of {@link getAccessToken}'s token (a JWT when a resource or organization is given). */
  async getAccessTokenClaims(
    resource?: string,
    organizationId?: string,
  ): Promise<AccessTokenClaims> {
    return decodeJwtClaims<AccessTokenClaims>(await this.getAccessToken(resource, organizationId));
  }

  /** An organization token (`aud: urn:logto:organization:<id>`). Needs `UserScope.Organizations`. */
  getOrganizationToken(organizationId: string): Promise<string> {
    return this.getAccessToken(undefined, organizationId);
  }

  /** The decoded claims of an organization token. */
  getOrganizationTokenClaims(organizationId: string): Promise<AccessTokenClaims> {
    return this.getAccessTokenClaims(undefined, organizationId);
  }

  /** Fetches the userinfo endpoint, which adds claims like `custom_data` and `organization_data`. */
  async fetchUserInfo(): Promise<UserInfoResponse> {
    const token = await this.getAccessToken();
    const subject = this.#context.session.current?.claims.sub;
    return fetchUserInfo(this.#context, subject, token, (rejected) =>
      this.refreshAccessToken(undefined, undefined, rejected),
    );
  }

  /** Forgets every access token (the refresh and ID tokens stay). */
  async clearAccessToken(): Promise<void> {
    await this.#init();
    await this.#tokens.withLock(async () => {
      const session = await this.#context.session.reload();
      if (session) await this.#context.session.save({ ...session, accessTokens: {} });
    });
    this.#sync.tokensChanged();
  }

  /** Forgets the session here and in every tab (no network); `signedOut` reports `reason`. */
  async clearAllTokens(reason: SignOutReason = 'cleared'): Promise<void> {
    await this.#init();
    await this.#sync.clear(reason);
    this.#sync.signedOut(reason, false, undefined);
  }

  /** Stops timers and tab sync. The client revives if used again. */
  dispose(): void {
    this.#refresher.dispose();
    this.#sync.stop();
    this.#state.clearListeners();
    // Using the client again re-reads storage and reopens tab sync (React StrictMode remounts).
    this.#ready = undefined;
  }

  // ---- internals -------------------------------------------------------------------------

  #init(): Promise<void> {
    this.#ready ??= this.#sync.start().catch((error: unknown) => {
      this.#ready = undefined;
      this.#state.set({ isLoading: false, error: error instanceof LogtoError ? error : undefined });
      throw error;
    });
    return this.#ready;
  }

  async #prepareToken(resource?: string, organizationId?: string): Promise<void> {
    validateTokenTarget(this.config.resources, resource, organizationId);
    if (this.#check?.() === false) throw new LogtoNotAuthenticatedError('The session has ended.');
    await this.#init();
    this.#refresher.watch(resource, organizationId);
  }

  async #requireSession() {
    await this.#init();
    const session = this.#context.session.current;
    if (!session) throw new LogtoNotAuthenticatedError();
    return session;
  }
}
