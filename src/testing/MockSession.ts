import {
  initialSnapshot,
  patchSnapshot,
  type AuthSnapshot,
  type SnapshotFields,
} from '../core/session/AuthSnapshot.js';
import { Emitter } from '../core/session/Emitter.js';
import { signOutLeaveTimeoutMs } from '../core/session/SignOut.js';
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
  /**
   * The session's claims: kept while the snapshot shows `loading`, gone while it shows
   * `signingOut` (the real client's session leaves storage before the page leaves).
   */
  #claims: IdTokenClaims | undefined;
  /** The `signOut()` under way, until the page would have left; a second call joins it. */
  #signingOut: Promise<void> | undefined;
  #leaveTimer: ReturnType<typeof setTimeout> | undefined;

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

  /** Forgets the subscribers and stops the sign-out timer (the client's `dispose`). */
  unsubscribeAll(): void {
    this.#listeners.clear();
    clearTimeout(this.#leaveTimer);
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

  /** Whether there is a session to read (not while loading, nor once `signOut()` started). */
  get hasSession(): boolean {
    return this.#claims !== undefined && this.#snapshot.status !== 'loading';
  }

  /** The signed-in user's claims. @throws LogtoNotAuthenticatedError when there is no session */
  requireClaims(): IdTokenClaims {
    if (!this.hasSession || !this.#claims) throw new LogtoNotAuthenticatedError();
    return this.#claims;
  }

  /**
   * What the client checks before a token read can go anywhere, in its order: the target, the
   * session checks, a session. Only then can the read fail otherwise.
   */
  admit(resource: string | undefined, organizationId: string | undefined): IdTokenClaims {
    this.tokens.validate(resource, organizationId);
    for (const check of this.#checks)
      if (!check()) throw new LogtoNotAuthenticatedError('The session has ended.');
    return this.requireClaims();
  }

  /**
   * The token for (resource, organization), refused like the client's when it cannot be had.
   * Like the client, only the userinfo token comes with the sign-in: the first token for an API
   * or an organization is a refresh, announced like one.
   */
  async token(resource: string | undefined, organizationId: string | undefined): Promise<string> {
    const claims = this.admit(resource, organizationId);
    await Promise.resolve();
    const refresh =
      (resource !== undefined || organizationId !== undefined) &&
      !this.tokens.has(resource, organizationId);
    const token = this.tokens.issue(resource, organizationId, claims);
    if (refresh) this.refreshed(resource, organizationId);
    return token;
  }

  /** A token was replaced: a new token revision, then `tokenRefreshed`, as the client does. */
  refreshed(resource: string | undefined, organizationId: string | undefined): void {
    this.bumpTokens();
    this.events.emit('tokenRefreshed', { resource, organizationId });
  }

  /** Replaces a token as a refresh would; see `MockLogtoClient.simulateRefresh`. */
  simulateRefresh(target: {
    resource?: string | undefined;
    organizationId?: string | undefined;
    token?: MockAccessToken | undefined;
  }): void {
    const { resource, organizationId, token } = target;
    this.tokens.replace(resource, organizationId, token, this.subject);
    this.refreshed(resource, organizationId);
  }

  /**
   * `signOut()` as the client does it when the page does not leave (the mock never navigates):
   * the session is gone at once, the snapshot keeps the user with `signingOut` (so that guards
   * do not sign in again), and shows signed out after the client's leave timeout.
   */
  signOut(): Promise<void> {
    this.#signingOut ??= this.#signOut();
    return this.#signingOut;
  }

  async #signOut(): Promise<void> {
    this.update({ status: 'signingOut' });
    this.tokens.clear();
    this.#claims = undefined;
    await Promise.resolve();
    // The page stayed: signed out, unless a sign-in happened meanwhile.
    this.#leaveTimer = setTimeout(() => {
      this.#signingOut = undefined;
      if (this.#snapshot.status === 'signingOut') this.#showSignedOut('signOut');
    }, signOutLeaveTimeoutMs);
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

  /**
   * Ends the session. While `signOut()` is leaving the page, the client shows no other end of the
   * session: only `force` (the test control `MockLogtoClient.endSession`) shows it, ending the
   * sign-out as a page that stayed would.
   */
  endSession(
    options: {
      reason?: LogtoEvents['signedOut']['reason'];
      fromOtherTab?: boolean;
      error?: LogtoError | undefined;
      force?: boolean;
    } = {},
  ): void {
    const { reason = 'signOut', fromOtherTab = false, force = false } = options;
    this.tokens.clear();
    this.#claims = undefined;
    if (this.#snapshot.status === 'signingOut' && !force) return;
    const error =
      options.error ?? (reason === 'expired' ? new LogtoSessionExpiredError(undefined) : undefined);
    this.#showSignedOut(reason, fromOtherTab, error);
  }

  #showSignedOut(
    reason: LogtoEvents['signedOut']['reason'],
    fromOtherTab = false,
    error?: LogtoError,
  ): void {
    clearTimeout(this.#leaveTimer);
    this.#signingOut = undefined;
    const wasAuthenticated = this.#snapshot.isAuthenticated;
    this.update({
      status: 'signedOut',
      idTokenClaims: undefined,
      error,
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
    if (!this.hasSession) return;
    if (error instanceof LogtoSessionExpiredError) {
      this.endSession({ reason: 'expired', error });
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
