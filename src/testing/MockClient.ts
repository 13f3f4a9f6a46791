import type { AuthSnapshot } from '../core/session/AuthSnapshot.js';
import {
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
  type UserInfoResponse,
} from '../core/index.js';
import { parseHttpUrl } from '../core/config/LogtoConfig.js';
import { looksLikeCallback } from '../core/signin/looksLikeCallback.js';
import { createUnsignedJwt } from './createUnsignedJwt.js';
import { MockCallbackHandler } from './MockCallbackHandler.js';
import { MockCallLog } from './MockCallLog.js';
import { mockUserInfo } from './mockClaims.js';
import { MockSession } from './MockSession.js';
import { mockWindowHosts } from './mockWindowHosts.js';
import type {
  MockCall,
  MockClientOptions,
  MockedApi,
  MockError,
  MockLogtoClient,
  MockMethodName,
  MockUser,
} from './MockLogtoClient.js';

/**
 * The {@link MockLogtoClient} that `createMockClient` makes: the client's API and the test
 * controls, over a {@link MockSession} (state, tokens, events), a {@link MockCallLog} (calls and
 * injected errors) and a {@link MockCallbackHandler}.
 */
export class MockClient implements MockLogtoClient {
  readonly config: ResolvedConfig;
  readonly #session: MockSession;
  readonly #log: MockCallLog;
  readonly #callbacks: MockCallbackHandler;
  #requests = 0;

  constructor(options: MockClientOptions) {
    this.#session = new MockSession(options);
    this.#log = new MockCallLog(options.errors);
    this.config = this.#session.config;
    this.#callbacks = new MockCallbackHandler(this.#session, this.#log, (url) =>
      this.#enter('handleSignInCallback', [url]),
    );
    mockWindowHosts.set(this, {
      enter: (method, args) => this.#enter(method, args),
      snapshot: () => this.#session.snapshot,
      hasSession: () => this.#session.hasSession,
      signInFresh: () => this.#session.signInFresh(),
      endSession: (reason) => this.#session.endSession({ reason }),
      signedInAtLogto: () => this.#session.signedInAtLogto,
    });
  }

  // ---- the LogtoClient API ---------------------------------------------------------------

  getSnapshot = (): AuthSnapshot => this.#session.snapshot;

  subscribe = (listener: () => void): (() => void) => this.#session.subscribe(listener);

  on<K extends LogtoEventName>(event: K, listener: (payload: LogtoEvents[K]) => void): () => void {
    return this.#session.events.on(event, listener);
  }

  async signIn(options: string | SignInOptions): Promise<void> {
    this.#enter('signIn', [options]);
    const resolved = typeof options === 'string' ? { redirectUri: options } : options;
    parseHttpUrl('redirectUri', resolved.redirectUri);
    // Like the real client: leaving for sign-in forgets the current session unless told not to.
    if ((resolved.clearTokens ?? true) && this.#session.hasSession)
      this.#session.endSession({ reason: 'cleared' });
    await Promise.resolve();
  }

  async createSignInUrl(options: SignInUrlOptions): Promise<SignInRequest> {
    this.#enter('createSignInUrl', [options]);
    parseHttpUrl('redirectUri', options.redirectUri);
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
    return this.#callbacks.handle(url);
  }

  async signOut(postLogoutRedirectUri?: string): Promise<void> {
    this.#enter('signOut', [postLogoutRedirectUri]);
    await Promise.resolve();
    // Logto compares it with the registered URIs exactly, so the client refuses a relative one.
    if (postLogoutRedirectUri !== undefined)
      parseHttpUrl('postLogoutRedirectUri', postLogoutRedirectUri);
    return this.#session.signOut();
  }

  async isAuthenticated(): Promise<boolean> {
    this.#enter('isAuthenticated', []);
    await Promise.resolve();
    return this.#session.hasSession;
  }

  async getIdToken(): Promise<string> {
    this.#enter('getIdToken', []);
    await Promise.resolve();
    return createUnsignedJwt(this.#session.requireClaims(), { typ: 'JWT' });
  }

  async getIdTokenClaims(): Promise<IdTokenClaims> {
    this.#enter('getIdTokenClaims', []);
    await Promise.resolve();
    return this.#session.requireClaims();
  }

  async getRefreshToken(): Promise<string | undefined> {
    this.#enter('getRefreshToken', []);
    await Promise.resolve();
    this.#session.requireClaims();
    return 'mock-refresh-token';
  }

  async fetchUserInfo(): Promise<UserInfoResponse> {
    this.#enter('fetchUserInfo', []);
    await Promise.resolve();
    return mockUserInfo(this.#session.requireClaims(), this.#session.userInfo);
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
    const subject = this.#session.subject;
    // Like the real client: a token already replaced is handed out; otherwise a new one is made.
    if (
      rejectedToken === undefined ||
      (await this.#token(resource, organizationId)) === rejectedToken
    ) {
      this.#session.tokens.replace(resource, organizationId, undefined, subject);
      this.#session.refreshed(resource, organizationId);
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
    this.#session.tokens.clear();
    this.#session.bumpTokens();
  }

  async clearAllTokens(): Promise<void> {
    this.#enter('clearAllTokens', []);
    await Promise.resolve();
    this.#session.endSession({ reason: 'cleared' });
  }

  async signOutForReason(
    reason: LogtoEvents['signedOut']['reason'],
    postLogoutRedirectUri?: string,
  ): Promise<boolean> {
    const wasAuthenticated = this.#session.hasSession;
    // Like the real client: the snapshot flips before the first await.
    this.#session.endSession({ reason });
    this.#enter('signOutForReason', [reason, postLogoutRedirectUri]);
    await Promise.resolve();
    return wasAuthenticated;
  }

  addSessionCheck(check: () => boolean): () => void {
    return this.#session.addCheck(check);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing runs in the background of a mock. */
  stop(): void {}

  dispose(): void {
    this.#session.unsubscribeAll();
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
    this.#session.signInAs(user);
  }

  endSession(options: Parameters<MockLogtoClient['endSession']>[0] = {}): void {
    // The test's word: it also ends a sign-out under way, as a page that stayed would.
    this.#session.endSession({ ...options, force: true });
  }

  setSignedInAtLogto(signedIn: boolean): void {
    this.#session.signedInAtLogto = signedIn;
  }

  setLoading(isLoading: boolean): void {
    this.#session.setLoading(isLoading);
  }

  setError<K extends MockMethodName>(method: K, error: MockError<K> | undefined): void {
    this.#log.setError(method, error);
  }

  simulateRefresh(target: Parameters<MockLogtoClient['simulateRefresh']>[0] = {}): void {
    this.#session.simulateRefresh(target);
  }

  emit<K extends LogtoEventName>(event: K, payload: LogtoEvents[K]): void {
    this.#session.events.emit(event, payload);
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
    if (failure.target) {
      // Like the client: a token read fails otherwise only once it is sure to have a session.
      this.#session.admit(...failure.target);
      this.#session.afterTokenError(failure.error, ...failure.target);
    }
    throw failure.error;
  }

  #token(resource: string | undefined, organizationId: string | undefined): Promise<string> {
    return this.#session.token(resource, organizationId);
  }
}
