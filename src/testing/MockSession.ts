import {
  initialSnapshot,
  patchSnapshot,
  type AuthSnapshot,
  type SnapshotFields,
} from '../core/session/AuthSnapshot.js';
import { Emitter } from '../core/session/Emitter.js';
import { resolveConfig } from '../core/config/LogtoConfig.js';
import {
  LogtoNotAuthenticatedError,
  LogtoSessionExpiredError,
  type IdTokenClaims,
  type LogtoError,
  type LogtoEvents,
  type ResolvedConfig,
  type UserInfoResponse,
} from '../core/index.js';
import { defaultMockUser, mockIdTokenClaims } from './mockClaims.js';
import { MockTokenStore } from './MockTokenStore.js';
import type { MockAccessToken, MockClientOptions, MockUser } from './MockLogtoClient.js';

/**
 * The mock client's state: the auth snapshot and who is told about it (subscribers, event
 * listeners), the tokens, and whether the user has a session at the mock's Logto. Every change
 * goes through here, so the snapshot object is replaced only when something really changes,
 * as with the real client.
 */
export class MockSession {
  readonly config: ResolvedConfig;
  readonly tokens: MockTokenStore;
  readonly events = new Emitter();
  signedInAtLogto: boolean;
  /** The client's `addSessionCheck`s: one `false` refuses the token read. */
  readonly #checks = new Set<() => boolean>();
  /** Added to what `fetchUserInfo()` returns. */
  readonly userInfo: Partial<UserInfoResponse> | undefined;
  readonly #options: MockClientOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  #snapshot: AuthSnapshot;
  /** The session's claims, kept while the snapshot shows `loading`. */
  #claims: IdTokenClaims | undefined;

  constructor(options: MockClientOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now() / 1000);
    this.config = resolveConfig(
      { endpoint: 'https://mock.logto.app', appId: 'mock-app', ...options.config },
      {},
    );
    this.tokens = new MockTokenStore({
      config: this.config,
      configured: options.accessTokens,
      now: this.#now,
      lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
      restrictResources: options.config?.resources !== undefined,
      organizations: options.organizations,
    });
    this.signedInAtLogto = options.signedInAtLogto ?? true;
    this.userInfo = options.userInfo;
    const signedIn =
      options.signedIn ?? (options.user !== undefined || options.claims !== undefined);
    this.#claims = signedIn ? this.#initialClaims() : undefined;
    this.#snapshot = patchSnapshot(initialSnapshot, {
      status: options.isLoading ? 'loading' : this.#claims ? 'signedIn' : 'signedOut',
      idTokenClaims: this.#claims,
    });
  }

  get snapshot(): AuthSnapshot {
    return this.#snapshot;
  }

  /** The `sub` tokens are issued for: the signed-in user's, else the default mock user's. */
  get subject(): string {
    return this.#snapshot.idTokenClaims?.sub ?? defaultMockUser.sub;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets the subscribers (the client's `dispose`). */
  unsubscribeAll(): void {
    this.#listeners.clear();
  }

  /** Adds a check every token read must pass; returns its remover. */
  addCheck(check: () => boolean): () => void {
    const entry = (): boolean => check();
    this.#checks.add(entry);
    return () => {
      this.#checks.delete(entry);
    };
  }

  /** Shows loading, or the session again once loading is over (`MockLogtoClient.setLoading`). */
  setLoading(isLoading: boolean): void {
    const settled = this.#claims ? 'signedIn' : 'signedOut';
    this.update({ status: isLoading ? 'loading' : settled, idTokenClaims: this.#claims });
  }

  /** Applies `patch`; subscribers hear of it only when something changed. */
  update(patch: Partial<SnapshotFields>): void {
    const next = patchSnapshot(this.#snapshot, patch);
    if (next === this.#snapshot) return;
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) listener();
  }

  /** A new token revision, so that token hooks read their tokens again. */
  bumpTokens(): void {
    this.update({ tokenRevision: this.#snapshot.tokenRevision + 1 });
  }

  /** The signed-in user's claims. @throws LogtoNotAuthenticatedError when signed out */
  requireClaims(): IdTokenClaims {
    const claims = this.#snapshot.idTokenClaims;
    if (!this.#snapshot.isAuthenticated || !claims) throw new LogtoNotAuthenticatedError();
    return claims;
  }

  /** The token for (resource, organization), refused like the client's when it cannot be had. */
  async token(resource: string | undefined, organizationId: string | undefined): Promise<string> {
    this.tokens.validate(resource, organizationId);
    for (const check of this.#checks)
      if (!check()) throw new LogtoNotAuthenticatedError('The session has ended.');
    await Promise.resolve();
    return this.tokens.issue(resource, organizationId, this.requireClaims());
  }

  /** Replaces a token as a refresh would; see `MockLogtoClient.simulateRefresh`. */
  simulateRefresh(target: {
    resource?: string | undefined;
    organizationId?: string | undefined;
    token?: MockAccessToken | undefined;
  }): void {
    const { resource, organizationId, token } = target;
    this.tokens.replace(resource, organizationId, token, this.subject);
    this.bumpTokens();
    this.events.emit('tokenRefreshed', { resource, organizationId });
  }

  /** Signs `user` in (default: the user of the options); see `MockLogtoClient.signInAs`. */
  signInAs(user?: MockUser): void {
    const claims =
      user === undefined
        ? this.#initialClaims()
        : mockIdTokenClaims(user, this.config, this.#now());
    this.tokens.clear();
    this.#claims = claims;
    this.update({
      status: 'signedIn',
      idTokenClaims: claims,
      error: undefined,
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
    this.events.emit('signedIn', { claims, fromOtherTab: false });
  }

  /** Signs the user of the options in as a sign-in just made at Logto would: `auth_time` is now. */
  signInFresh(): IdTokenClaims {
    this.signInAs({ ...this.#initialClaims(), auth_time: Math.floor(this.#now()) });
    return this.requireClaims();
  }

  /** Ends the session; see `MockLogtoClient.endSession`. */
  endSession(
    options: { reason?: LogtoEvents['signedOut']['reason']; fromOtherTab?: boolean } = {},
  ): void {
    const { reason = 'signOut', fromOtherTab = false } = options;
    const wasAuthenticated = this.#snapshot.isAuthenticated;
    this.tokens.clear();
    this.#claims = undefined;
    this.update({
      status: 'signedOut',
      idTokenClaims: undefined,
      error: reason === 'expired' ? new LogtoSessionExpiredError(undefined) : undefined,
      tokenRevision: this.#snapshot.tokenRevision + 1,
    });
    if (wasAuthenticated) this.events.emit('signedOut', { reason, fromOtherTab });
  }

  /** What the real client does when getting a token fails. */
  afterTokenError(
    error: LogtoError,
    resource: string | undefined,
    organizationId: string | undefined,
  ): void {
    if (!this.#snapshot.isAuthenticated) return;
    if (error instanceof LogtoSessionExpiredError) {
      this.tokens.clear();
      this.#claims = undefined;
      this.update({
        status: 'signedOut',
        idTokenClaims: undefined,
        error,
        tokenRevision: this.#snapshot.tokenRevision + 1,
      });
      this.events.emit('signedOut', { reason: 'expired', fromOtherTab: false });
    } else if (error.code !== 'config_invalid' && error.code !== 'not_authenticated') {
      this.events.emit('refreshFailed', { resource, organizationId, error });
    }
  }

  #initialClaims(): IdTokenClaims {
    const { user, claims, organizations } = this.#options;
    return mockIdTokenClaims(
      { ...user, ...(organizations ? { organizations: [...organizations] } : {}), ...claims },
      this.config,
      this.#now(),
    );
  }
}
