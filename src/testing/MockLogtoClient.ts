import type {
  AccessTokenClaims,
  IdTokenClaims,
  LogtoConfig,
  LogtoError,
  LogtoEventName,
  LogtoEvents,
  UserInfoResponse,
} from '../core/index.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import type { SignInWindowMethods } from '../core/windows/SignInWindowClient.js';

/**
 * What a mock records, by name: the client's API, plus `signInWithPopup` and friends, whose
 * stand-ins (`mockSignInWindows`) record their calls on the mock they are bound to.
 */
export type MockedApi = LogtoClientLike & SignInWindowMethods;

/**
 * The calls a mock records in {@link MockLogtoClient.calls} and that
 * {@link MockClientOptions.errors} can make reject: every async method of `LogtoClient`, and
 * `signInWithPopup`, `signInSilently`, `checkSession`, `reauthenticate` made through
 * `mockSignInWindows(mock)`.
 */
export type MockMethodName = Exclude<
  keyof MockedApi,
  'config' | 'getSnapshot' | 'subscribe' | 'on' | 'start' | 'stop' | 'dispose' | 'addSessionCheck'
>;

/** One recorded call: the method name and its arguments, as a union narrowed by `method`. */
export type MockCall = {
  [K in MockMethodName]: { readonly method: K; readonly args: Parameters<MockedApi[K]> };
}[MockMethodName];

/**
 * The signed-in user, as ID-token claims (`sub`, `name`, `email`, `roles`, `organizations`...).
 * Missing fields get defaults: `sub: 'mock-user'`, `name: 'Mock User'`, `username: 'mock-user'`.
 */
export type MockUser = Partial<IdTokenClaims>;

/** A token given verbatim, or the claims of an unsigned JWT the mock builds. */
export type MockAccessToken = string | Partial<AccessTokenClaims>;

/**
 * Access tokens by key: an API resource indicator (`https://api.example.com`) for
 * `getAccessToken(resource)`, or an organization URN (`urn:logto:organization:<id>`, see
 * `buildOrganizationUrn`) for `getOrganizationToken(id)`. The function form also answers a
 * resource within an organization and the opaque userinfo token (both arguments `undefined`);
 * return `undefined` to let the mock build one.
 */
export type MockAccessTokens =
  | Readonly<Record<string, MockAccessToken>>
  | ((
      resource: string | undefined,
      organizationId: string | undefined,
    ) => MockAccessToken | undefined);

/**
 * What makes a method reject: always the given error, or the error a function returns for these
 * arguments (`undefined`: the call succeeds).
 */
export type MockError<K extends MockMethodName> =
  LogtoError | ((...args: Parameters<MockedApi[K]>) => LogtoError | undefined);

/** Errors by method name. */
export type MockErrors = { readonly [K in MockMethodName]?: MockError<K> | undefined };

/** Options of `createMockClient`. Every field is optional. */
export interface MockClientOptions {
  /** The user who is signed in (and who a completed sign-in callback signs in). */
  user?: MockUser;
  /** Extra or overriding ID-token claims for `user` (e.g. `exp`, `roles`, `organization_roles`). */
  claims?: Partial<IdTokenClaims>;
  /** Start signed in. Default: `true` when `user` or `claims` is given, else `false`. */
  signedIn?: boolean;
  /**
   * Tokens to hand out. A resource or organization without an entry gets an unsigned JWT with
   * `iss`, `sub`, `aud`, `client_id`, `scope`, `iat`, `exp` (and `organization_id` for a
   * resource within an organization); the userinfo token is an opaque string.
   */
  accessTokens?: MockAccessTokens;
  /**
   * Organization ids the user belongs to: put in the `organizations` claim, and an organization
   * token for any other id rejects like Logto (403 `access_denied`). When neither this nor an
   * `organizations` claim is given, every organization is allowed.
   */
  organizations?: readonly string[];
  /** Added to what `fetchUserInfo()` returns (the profile claims of the ID token). */
  userInfo?: Partial<UserInfoResponse>;
  /**
   * Make methods reject, e.g. `{ getAccessToken: new LogtoNetworkError(url, cause) }`. An error
   * for `getAccessToken` also applies to `getAccessTokenClaims`, `getOrganizationToken` and
   * `getOrganizationTokenClaims`, which go through it in the real client; a
   * `LogtoSessionExpiredError` from that family also signs the mock out, like the real client.
   */
  errors?: MockErrors;
  /**
   * Whether the user has a session at Logto itself, for the `signInSilently` of
   * `mockSignInWindows` (which rejects `login_required` without one) and its `checkSession`
   * (which then ends the session with reason `'signedOutElsewhere'`). Default `true`.
   */
  signedInAtLogto?: boolean;
  /** Start in the loading state (`isLoading: true`) until `setLoading(false)`. Default `false`. */
  isLoading?: boolean;
  /**
   * The client configuration. Defaults: `endpoint: 'https://mock.logto.app'`, `appId:
   * 'mock-app'`. When `resources` is given, a token for any other resource rejects like the
   * client (`config_invalid`, `field: 'resources'`); otherwise every resource is accepted.
   */
  config?: Partial<LogtoConfig>;
  /** The clock for token claims, in epoch seconds. Default `Date.now() / 1000`. */
  now?: () => number;
  /** Lifetime of the tokens the mock builds (`exp - iat`). Default 3600. */
  tokenLifetimeSeconds?: number;
}

/**
 * A `LogtoClient` stand-in for tests: the whole public client API with no network and no storage,
 * plus controls that drive it. Pass it to `<LogtoProvider client={mock}>` (or use
 * `<MockLogtoProvider>`), with `signInWindows={mockSignInWindows(mock)}` for popup and silent
 * sign-in. State changes notify subscribers like the real client does, and the snapshot object
 * is replaced only when something changes.
 */
export interface MockLogtoClient extends LogtoClientLike {
  /** Every call of a {@link MockMethodName} method, oldest first (failed calls too). */
  readonly calls: readonly MockCall[];
  /**
   * The argument lists of every call of `method`.
   *
   * @example
   * ```ts
   * expect(mock.callsOf('signIn')).toEqual([[{ redirectUri: 'http://localhost/callback', postRedirectUri: '/orders' }]]);
   * ```
   */
  callsOf<K extends MockMethodName>(method: K): Parameters<MockedApi[K]>[];
  /** Forgets the recorded calls. */
  clearCalls(): void;
  /**
   * Signs `user` in at once (default: the `user` of the options), as a completed callback or a
   * sign-in in another tab would: subscribers are notified and `signedIn` is emitted.
   */
  signInAs(user?: MockUser): void;
  /**
   * Ends the session at once, as a sign-out (default), an expired grant (`reason: 'expired'`,
   * which also sets the snapshot's `error` to a `LogtoSessionExpiredError`) or another tab would.
   * Emits `signedOut` when someone was signed in. During a `signOut()`, which keeps the user on
   * screen (`isSigningOut`) for 10 s as the client does when the page does not leave, this shows
   * signed out at once.
   */
  endSession(options?: {
    reason?: LogtoEvents['signedOut']['reason'];
    fromOtherTab?: boolean;
  }): void;
  /** Signs the user in or out at the mock's Logto (see {@link MockClientOptions.signedInAtLogto}). */
  setSignedInAtLogto(signedIn: boolean): void;
  /** Sets the snapshot's `isLoading`. */
  setLoading(isLoading: boolean): void;
  /** Makes `method` reject from now on (or succeed again with `undefined`). */
  setError<K extends MockMethodName>(method: K, error: MockError<K> | undefined): void;
  /**
   * Replaces a token as a refresh would: the next read returns `token` (default: a newly built
   * one), the snapshot's `tokenRevision` increases (so `useAccessToken` re-renders) and
   * `tokenRefreshed` is emitted.
   */
  simulateRefresh(target?: {
    resource?: string | undefined;
    organizationId?: string | undefined;
    token?: MockAccessToken | undefined;
  }): void;
  /** Emits an event to `on()` listeners without changing any state. */
  emit<K extends LogtoEventName>(event: K, payload: LogtoEvents[K]): void;
}
