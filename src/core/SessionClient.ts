import type { AuthSnapshot } from './session/AuthSnapshot.js';
import { AccessTokens } from './session/AccessTokens.js';
import { AuthState } from './session/AuthState.js';
import type { AccessTokenClaims, IdTokenClaims, UserInfoResponse } from './protocol/claims.js';
import type { ClientContext } from './session/ClientContext.js';
import { createClientContext } from './createClientContext.js';
import { Emitter, type LogtoEventName, type LogtoEvents } from './session/Emitter.js';
import { LogtoConfigError } from './errors/LogtoConfigError.js';
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
import { SessionController } from './session/SessionController.js';
import { tokenKey, type TokenTarget } from './session/tokenKey.js';

/**
 * The session half of {@link LogtoClient}: the snapshot and its subscribers, events, the
 * lifecycle (start, stop, dispose), and reading the session and its tokens. `LogtoClient` adds the
 * sign-in and sign-out flows on top; apps use `LogtoClient`.
 */
export class SessionClient {
  /** The validated configuration. */
  readonly config: ResolvedConfig;
  /** The shared pieces the flows work with. */
  protected readonly context: ClientContext;
  /** The one owner of the session (see {@link SessionController}). */
  protected readonly session: SessionController;
  readonly #refresher: ProactiveRefresher;
  readonly #events = new Emitter();
  readonly #state: AuthState;
  readonly #tokens: AccessTokens;
  readonly #checks = new Set<() => boolean>();
  #disposed = false;

  /** Whether {@link dispose} was called. */
  protected get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * @throws LogtoConfigError naming the bad field
   */
  constructor(config: LogtoConfig, options: ClientSettings) {
    this.config = resolveConfig(config, options);
    const context = (this.context = createClientContext(this.config, options));
    this.#state = new AuthState(this.#events, context.hint?.read());
    const { now, log } = context;
    this.#refresher = new ProactiveRefresher({
      refresh: (target) => this.#token(target),
      records: () => context.session.current?.accessTokens,
      now,
      leewaySeconds: this.config.refreshLeewaySeconds,
    });
    const lockName = `logto:${this.config.appId}:refresh`;
    this.session = new SessionController({
      context,
      lock: new RefreshLock(lockName, this.config.lockTimeoutSeconds, log),
      state: this.#state,
      events: this.#events,
      refresher: this.#refresher,
      trySilentSignIn: (settled) => this.trySignInOnLoad(settled),
    });
    this.#tokens = new AccessTokens({ context, controller: this.session });
  }

  /**
   * The page found no session on its first look: start what should sign in without a click, if
   * anything, and call `settled` once it is over. Returns whether it started.
   */
  protected trySignInOnLoad(_settled: () => void): boolean {
    return false;
  }

  // ---- state for UI bindings --------------------------------------------------------------

  /** The current {@link AuthSnapshot}; the same object until something changes. Synchronous. */
  getSnapshot = (): AuthSnapshot => this.#state.snapshot;

  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    if (this.#disposed) return () => undefined;
    this.#state.add(listener);
    void this.start().catch(() => undefined);
    return () => {
      if (this.#state.remove(listener) === 0) this.#refresher.setActive(false);
    };
  };

  /** Listens to a typed event; returns the unsubscribe function. */
  on<K extends LogtoEventName>(event: K, listener: (payload: LogtoEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  /**
   * Reads the stored session and starts tab sync and the proactive refresh; every method does it
   * on first use, so calling this is optional (a binding calls it when it mounts).
   * @throws LogtoStorageError when storage cannot be read (the snapshot shows it too)
   */
  start(): Promise<void> {
    if (this.#disposed) return Promise.reject(disposedError());
    this.#refresher.setActive(this.config.proactiveRefresh);
    return this.session.ready();
  }

  /**
   * Pauses: closes tab sync and stops the proactive refresh, keeping subscribers (a binding's
   * unmount, React StrictMode's rehearsal of it). Any use of the client, or {@link start},
   * resumes it.
   */
  stop(): void {
    this.#refresher.setActive(false);
    this.session.stop();
  }

  /** Stops for good: like {@link stop}, and forgets subscribers; every later call rejects. */
  dispose(): void {
    this.stop();
    this.#refresher.dispose();
    this.#state.clearListeners();
    this.#disposed = true;
  }

  /**
   * Low-level, for policies such as `createIdleTimer`: `check` runs before every token read
   * (proactive refreshes too); `false` rejects it with LogtoNotAuthenticatedError, sending nothing.
   * @returns removes this check (and only this one)
   * @example `const remove = client.addSessionCheck(() => Date.now() < deadline)`
   */
  addSessionCheck(check: () => boolean): () => void {
    const entry = (): boolean => check();
    this.#checks.add(entry);
    // A policy that already says no (idle past its deadline) must not see the signed-in hint.
    if (!check()) this.session.distrustHint();
    return () => {
      this.#checks.delete(entry);
    };
  }

  // ---- session and tokens ----------------------------------------------------------------

  /** Whether a session is stored. Reads storage once per page; no network. */
  async isAuthenticated(): Promise<boolean> {
    await this.start();
    return this.session.current !== undefined;
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
    const target = { resource, organizationId };
    await this.#prepare(target);
    return this.#tokens.get(target);
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
    const target = { resource, organizationId };
    await this.#prepare(target);
    const cached = this.session.current?.accessTokens[tokenKey(resource, organizationId)];
    return this.#tokens.get(target, rejectedToken ?? cached?.token ?? '');
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
    return fetchUserInfo(this.context, this.session.current?.claims.sub, token, (rejected) =>
      this.refreshAccessToken(undefined, undefined, rejected),
    );
  }

  /** Forgets every access token (the refresh and ID tokens stay), here and in every tab. */
  async clearAccessToken(): Promise<void> {
    await this.start();
    await this.session.clearAccessTokens();
  }

  /** Forgets the session here and in every tab (no network); `signedOut` reports `'cleared'`. */
  async clearAllTokens(): Promise<void> {
    await this.start();
    await this.session.end('cleared', true);
  }

  // ---- internals -------------------------------------------------------------------------

  async #prepare(target: TokenTarget): Promise<void> {
    await this.#check(target);
    this.#refresher.watch(target);
  }

  /** What every token read goes through, the proactive refresher's included. */
  async #check({ resource, organizationId }: TokenTarget): Promise<void> {
    validateTokenTarget(this.config.resources, resource, organizationId);
    for (const check of this.#checks)
      if (!check()) throw new LogtoNotAuthenticatedError('The session has ended.');
    await this.start();
  }

  async #token(target: TokenTarget): Promise<string> {
    await this.#check(target);
    return this.#tokens.get(target);
  }

  async #requireSession() {
    await this.start();
    const session = this.session.current;
    if (!session) throw new LogtoNotAuthenticatedError();
    return session;
  }
}

/** What every call on a disposed client rejects with. */
const disposedError = (): LogtoConfigError =>
  new LogtoConfigError('client', 'was disposed: create a new LogtoClient');
