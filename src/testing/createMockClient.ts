import { initialSnapshot, patchSnapshot, type AuthSnapshot } from '../core/session/AuthSnapshot.js';
import { Emitter } from '../core/session/Emitter.js';
import { resolveConfig } from '../core/config/LogtoConfig.js';
import {
  LogtoConfigError,
  LogtoError,
  LogtoNotAuthenticatedError,
  LogtoSessionExpiredError,
  decodeJwtClaims,
  type AccessTokenClaims,
  type IdTokenClaims,
  type LogtoEventName,
  type LogtoEvents,
  type ResolvedConfig,
  type SignInCallbackResult,
  type SignInOptions,
  type SignInRequest,
  type SignInUrlOptions,
  type SignOutReason,
  type UserInfoResponse,
} from '../core/index.js';
import { looksLikeCallback } from '../core/signin/looksLikeCallback.js';
import { checkCallbackUrl, parseUrl } from './checkCallbackUrl.js';
import { createUnsignedJwt } from './createUnsignedJwt.js';
import { MockCallLog } from './MockCallLog.js';
import { defaultMockUser, mockIdTokenClaims, mockUserInfo } from './mockClaims.js';
import { MockTokenStore } from './MockTokenStore.js';
import { mockWindowHosts } from './mockWindowHosts.js';
import type {
  MockAccessToken,
  MockCall,
  MockClientOptions,
  MockedApi,
  MockError,
  MockLogtoClient,
  MockMethodName,
  MockUser,
} from './MockLogtoClient.js';

/**
 * Creates a {@link MockLogtoClient}: the full `LogtoClient` API for tests of your components,
 * signed in or out, with no network and no storage. `signIn` and `signOut` record the call
 * instead of leaving the page. For popup and silent sign-in, pass `mockSignInWindows(mock)`
 * where the app takes `signInWithPopup` and friends.
 *
 * @example
 * ```ts
 * const mock = createMockClient({
 *   user: { sub: 'u1', name: 'Ada' },
 *   accessTokens: { 'https://api.example.com': { scope: 'read:orders' } },
 *   errors: { fetchUserInfo: new LogtoNetworkError('https://mock.logto.app/oidc/me', undefined) },
 * });
 * await mock.getAccessTokenClaims('https://api.example.com'); // { scope: 'read:orders', sub: 'u1', ... }
 * await mock.signOut('http://localhost/');
 * mock.callsOf('signOut'); // [['http://localhost/']]
 * ```
 */
export function createMockClient(options: MockClientOptions = {}): MockLogtoClient {
  return new MockClient(options);
}

class MockClient implements MockLogtoClient {
  readonly config: ResolvedConfig;
  readonly #options: MockClientOptions;
  readonly #now: () => number;
  readonly #events = new Emitter();
  readonly #listeners = new Set<() => void>();
  readonly #log: MockCallLog;
  readonly #tokens: MockTokenStore;
  readonly #callbacks = new Map<string, Promise<SignInCallbackResult>>();
  #snapshot: AuthSnapshot;
  #signedInAtLogto: boolean;
  #requests = 0;
  #check: (() => boolean) | undefined;

  constructor(options: MockClientOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now() / 1000);
    this.config = resolveConfig(
      { endpoint: 'https://mock.logto.app', appId: 'mock-app', ...options.config },
      {},
    );
    this.#tokens = new MockTokenStore({
      config: this.config,
      configured: options.accessTokens,
      now: this.#now,
      lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
      restrictResources: options.config?.resources !== undefined,
      organizations: options.organizations,
    });
    this.#log = new MockCallLog(options.errors);
    this.#signedInAtLogto = options.signedInAtLogto ?? true;
    const signedIn =
      options.signedIn ?? (options.user !== undefined || options.claims !== undefined);
    this.#snapshot = patchSnapshot(initialSnapshot, {
      isLoading: options.isLoading ?? false,
      isAuthenticated: signedIn,
      idTokenClaims: signedIn ? this.#initialClaims() : undefined,
    });
    mockWindowHosts.set(this, {
      enter: (method, args) => this.#enter(method, args),
      snapshot: () => this.#snapshot,
      signInFresh: () => {
        this.signInAs({ ...this.#initialClaims(), auth_time: Math.floor(this.#now()) });
        return this.#requireClaims();
      },
      endSession: (reason) => this.endSession({ reason }),
      signedInAtLogto: () => this.#signedInAtLogto,
    });
  }

  // ---- the LogtoClient API ---------------------------------------------------------------

  getSnapshot = (): AuthSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  on<K extends LogtoEventName>(event: K, listener: (payload: LogtoEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  async signIn(options: string | SignInOptions): Promise<void> {
    this.#enter('signIn', [options]);
    const resolved = typeof options === 'string' ? { redirectUri: options } : options;
    if (typeof resolved.redirectUri !== 'string' || !URL.canParse(resolved.redirectUri)) {
      throw new LogtoConfigError('redirectUri', 'must be an absolute URL');
    }
    // Like the real client: leaving for sign-in forgets the current session unless told not to.
    if ((resolved.clearTokens ?? true) && this.#snapshot.isAuthenticated)
      this.endSession({ reason: 'cleared' });
    await Promise.resolve();
  }

  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    this.#enter('createSignInUrl', [options]);
    if (typeof options.redirectUri !== 'string' || !URL.canParse(options.redirectUri))
      throw new LogtoConfigError('redirectUri', 'must be an absolute URL');
    await Promise.resolve();
    this.#requests += 1;
    const state = `mock-state-${this.#requests}`;
    const url = new URL(`${this.config.issuer}/auth`);
    url.searchParams.set('redirect_uri', options.redirectUri);
    url.searchParams.set('state', state);
    return { url: url.href, state };
  }

  async discardSignIn(state: string): Promise<void> {
    this.#enter('discardSignIn', [state]);
    await Promise.resolve();
  }

  async isSignInRedirected(url: string): Promise<boolean> {
    this.#enter('isSignInRedirected', [url]);
    await Promise.resolve();
    return looksLikeCallback(url);
  }

  handleSignInCallback(url: string): Promise<SignInCallbackResult> {
    const state = parseUrl(url)?.searchParams.get('state') ?? url;
    // The same callback handled twice (StrictMode) settles the same way, as in the real client.
    let pending = this.#callbacks.get(state);
    if (!pending) {
      pending = this.#handleCallback(url);
      this.#callbacks.set(state, pending);
    } else {
      this.#log.record('handleSignInCallback', [url]);
    }
    return pending;
  }

  async signOut(postLogoutRedirectUri?: string): Promise<void> {
    this.#enter('signOut', [postLogoutRedirectUri]);
    await Promise.resolve();
    this.endSession({ reason: 'signOut' });
  }

  async isAuthenticated(): Promise<boolean> {
    this.#enter('isAuthenticated', []);
    await Promise.resolve();
    return this.#snapshot.isAuthenticated;
  }

  async getIdToken(): Promise<string> {
    this.#enter('getIdToken', []);
    await Promise.resolve();
    return createUnsignedJwt(this.#requireClaims(), { typ: 'JWT' });
  }

  async getIdTokenClaims(): Promise<IdTokenClaims> {
    this.#enter('getIdTokenClaims', []);
    await Promise.resolve();
    return this.#requireClaims();
  }

  async getRefreshToken(): Promise<string | undefined> {
    this.#enter('getRefreshToken', []);
    await Promise.resolve();
    this.#requireClaims();
    return 'mock-refresh-token';
  }

  async fetchUserInfo(): Promise<UserInfoResponse> {
    this.#enter('fetchUserInfo', []);
    await Promise.resolve();
    return mockUserInfo(this.#requireClaims(), this.#options.userInfo);
  }

  async getAccessToken(resource?: string, organizationId?: string): Promise<string> {
    this.#enter('getAccessToken', [resource, organizationId]);
    return this.#token(resource, organizationId);
  }

  async refreshAccessToken(
    resource?: string,
    organizationId?: string,
    rejectedToken?: string,
  ): Promise<string> {
    this.#enter('refreshAccessToken', [resource, organizationId, rejectedToken], 'getAccessToken');
    const subject = this.#snapshot.idTokenClaims?.sub ?? defaultMockUser.sub;
    // Like the real client: a token already replaced is handed out; otherwise a new one is made.
    if (
      rejectedToken === undefined ||
      (await this.#token(resource, organizationId)) === rejectedToken
    ) {
      this.#tokens.replace(resource, organizationId, undefined, subject);
      this.#events.emit('tokenRefreshed', { resource, organizationId });
    }
    return this.#token(resource, organizationId);
  }

  async getAccessTokenClaims(
    resource?: string,
    organizationId?: string,
  ): Promise<AccessTokenClaims> {
    this.#enter('getAccessTokenClaims', [resource, organizationId], 'getAccessToken');
    return decodeJwtClaims<AccessTokenClaims>(await this.#token(resource, organizationId));
  }

  async getOrganizationToken(organizationId: string): Promise<string> {
    this.#enter('getOrganizationToken', [organizationId], 'getAccessToken');
    return this.#token(undefined, organizationId);
  }

  async getOrganizationTokenClaims(organizationId: string): Promise<AccessTokenClaims> {
    this.#enter('getOrganizationTokenClaims', [organizationId], 'getAccessToken');
    return decodeJwtClaims<AccessTokenClaims>(await this.#token(undefined, organizationId));
  }

  async clearAccessToken(): Promise<void> {
    this.#enter('clearAccessToken', []);
    await Promise.resolve();
    this.#tokens.clear();
    this.#setSnapshot({ tokenRevision: this.#snapshot.tokenRevision + 1 });
  }

  async clearAllTokens(reason: SignOutReason = 'cleared'): Promise<void> {
    this.#enter('clearAllTokens', [reason]);
    await Promise.resolve();
    this.endSession({ reason });
  }

  async signOutForReason(
    reason: LogtoEvents['signedOut']['reason'],
    postLogoutRedirectUri?: string,
  ): Promise<boolean> {
    const wasAuthenticated = this.#snapshot.isAuthenticated;
    // Like the real client: the snapshot flips before the first await.
    this.endSession({ reason });
    this.#enter('signOutForReason', [reason, postLogoutRedirectUri]);
    await Promise.resolve();
    return wasAuthenticated;
  }

  setSessionCheck(check: (() => boolean) | undefined): void {
    this.#check = check;
  }

  dispose(): void {
    this.#listeners.clear();
  }

  // ---- test controls ---------------------------------------------------------------------

  get calls(): readonly MockCall[] {
    return this.#log.calls;
  }

  callsOf<K extends MockMethodName>(method: K): Parameters<MockedApi[K]>[] {
    return this.#log.callsOf(method);
  }

  clearCalls(): void {
    this.#log.clear();
  }

  signInAs(user?: MockUser): void {
    const claims =
      user === undefined
        ? this.#initialClaims()
        : mockIdTokenClaims(user, this.config, this.#now());
    this.#tokens.clear();
    this.#setSnapshot({
      isLoading: false,
      isAuthenticated: true,
      idTokenClaims: claims,
      error: undefined,
      isHandlingCallback: false,
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
    this.#events.emit('signedIn', { claims, fromOtherTab: false });
  }

  endSession(
    options: { reason?: LogtoEvents['signedOut']['reason']; fromOtherTab?: boolean } = {},
  ): void {
    const { reason = 'signOut', fromOtherTab = false } = options;
    const wasAuthenticated = this.#snapshot.isAuthenticated;
    this.#tokens.clear();
    this.#setSnapshot({
      isLoading: false,
      isAuthenticated: false,
      idTokenClaims: undefined,
      error: reason === 'expired' ? new LogtoSessionExpiredError(undefined) : undefined,
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
    if (wasAuthenticated) this.#events.emit('signedOut', { reason, fromOtherTab });
  }

  setSignedInAtLogto(signedIn: boolean): void {
    this.#signedInAtLogto = signedIn;
  }

  setLoading(isLoading: boolean): void {
    this.#setSnapshot({ isLoading });
  }

  setError<K extends MockMethodName>(method: K, error: MockError<K> | undefined): void {
    this.#log.setError(method, error);
  }

  simulateRefresh(
    target: {
      resource?: string | undefined;
      organizationId?: string | undefined;
      token?: MockAccessToken | undefined;
    } = {},
  ): void {
    const { resource, organizationId, token } = target;
    const subject = this.#snapshot.idTokenClaims?.sub ?? defaultMockUser.sub;
    this.#tokens.replace(resource, organizationId, token, subject);
    this.#setSnapshot({ tokenRevision: this.#snapshot.tokenRevision + 1 });
    this.#events.emit('tokenRefreshed', { resource, organizationId });
  }

  emit<K extends LogtoEventName>(event: K, payload: LogtoEvents[K]): void {
    this.#events.emit(event, payload);
  }

  // ---- internals -------------------------------------------------------------------------

  /**
   * Records the call, then throws the configured error for it (or for `family`, the method it
   * goes through in the real client). Runs inside the async methods, so throwing rejects.
   */
  #enter<K extends MockMethodName>(
    method: K,
    args: Parameters<MockedApi[K]>,
    family?: 'getAccessToken',
  ): void {
    const failure = this.#log.enter(method, args, family);
    if (!failure) return;
    if (failure.target) this.#afterTokenError(failure.error, ...failure.target);
    throw failure.error;
  }

  /** What the real client does when a refresh fails. */
  #afterTokenError(
    error: LogtoError,
    resource: string | undefined,
    organizationId: string | undefined,
  ): void {
    if (!this.#snapshot.isAuthenticated) return;
    if (error instanceof LogtoSessionExpiredError) {
      this.#tokens.clear();
      this.#setSnapshot({
        isAuthenticated: false,
        idTokenClaims: undefined,
        error,
        tokenRevision: this.#snapshot.tokenRevision + 1,
      });
      this.#events.emit('signedOut', { reason: 'expired', fromOtherTab: false });
    } else if (error.code !== 'config_invalid' && error.code !== 'not_authenticated') {
      this.#events.emit('refreshFailed', { resource, organizationId, error });
    }
  }

  async #handleCallback(url: string): Promise<SignInCallbackResult> {
    try {
      // An injected error fails the callback like a real failure: it lands in the snapshot too.
      this.#enter('handleSignInCallback', [url]);
      await Promise.resolve();
      checkCallbackUrl(url);
    } catch (error) {
      this.#setSnapshot({ error: error as LogtoError });
      throw error;
    }
    this.signInAs();
    const lastSignIn = this.callsOf('signIn').at(-1)?.[0];
    return {
      postRedirectUri: typeof lastSignIn === 'object' ? lastSignIn.postRedirectUri : undefined,
      claims: this.#requireClaims(),
    };
  }

  async #token(resource: string | undefined, organizationId: string | undefined): Promise<string> {
    this.#tokens.validate(resource, organizationId);
    if (this.#check?.() === false) throw new LogtoNotAuthenticatedError('The session has ended.');
    await Promise.resolve();
    return this.#tokens.issue(resource, organizationId, this.#requireClaims());
  }

  #initialClaims(): IdTokenClaims {
    const { user, claims, organizations } = this.#options;
    return mockIdTokenClaims(
      { ...user, ...(organizations ? { organizations: [...organizations] } : {}), ...claims },
      this.config,
      this.#now(),
    );
  }

  #requireClaims(): IdTokenClaims {
    const claims = this.#snapshot.idTokenClaims;
    if (!this.#snapshot.isAuthenticated || !claims) throw new LogtoNotAuthenticatedError();
    return claims;
  }

  #setSnapshot(patch: Partial<AuthSnapshot>): void {
    const next = patchSnapshot(this.#snapshot, patch);
    if (next === this.#snapshot) return;
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) listener();
  }
}
