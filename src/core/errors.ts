/**
 * Every failure of logto-spa rejects with a subclass of {@link LogtoError}. Switch on `code` (a
 * string-literal union, so TypeScript narrows it) rather than on `message`, which is for humans and
 * may change. No error message ever contains a token.
 */

/** All error codes the SDK produces. The README has a table that explains each one. */
export type LogtoErrorCode =
  | 'config_invalid'
  | 'not_authenticated'
  | 'session_expired'
  | 'callback_state_mismatch'
  | 'callback_no_transaction'
  | 'callback_replayed'
  | 'callback_missing_code'
  | 'callback_error_response'
  | 'id_token_invalid'
  | 'token_endpoint_error'
  | 'discovery_failed'
  | 'response_invalid'
  | 'network_error'
  | 'storage_error'
  | 'lock_timeout'
  | 'unexpected_error'
  | 'popup_blocked'
  | 'popup_closed'
  | 'popup_timeout'
  | 'login_required'
  | 'silent_sign_in_unavailable'
  | 'auth_time_stale'
  | 'origin_refused';

/**
 * Base class of every error thrown by logto-spa.
 *
 * @example
 * ```ts
 * try { await client.getAccessToken(api); }
 * catch (error) {
 *   if (error instanceof LogtoError && error.code === 'session_expired') await client.signIn(redirectUri);
 * }
 * ```
 */
export class LogtoError extends Error {
  /** Machine-readable reason; stable across versions. */
  declare readonly code: LogtoErrorCode;

  constructor(code: LogtoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    // A string, not `new.target.name`: minifiers rename classes, and that would read `i` in an
    // app's production bundle. Each subclass sets its own name the same way.
    this.name = 'LogtoError';
  }
}

/** The configuration passed to `new LogtoClient()` (or to a call) is unusable. */
export class LogtoConfigError extends LogtoError {
  declare readonly code: 'config_invalid';
  /** The configuration field at fault, e.g. `endpoint` or `resources[1]`. */
  declare readonly field: string;

  constructor(field: string, message: string) {
    super('config_invalid', `Invalid Logto config: ${field} ${message}`);
    this.name = 'LogtoConfigError';
    this.field = field;
  }
}

/** The call needs a signed-in user and there is none (or the session was ended). */
export class LogtoNotAuthenticatedError extends LogtoError {
  declare readonly code: 'not_authenticated';

  constructor(message = 'Not signed in: call signIn() first.') {
    super('not_authenticated', message);
    this.name = 'LogtoNotAuthenticatedError';
  }
}

/**
 * The identity provider refused the refresh token (`invalid_grant`): the grant was revoked or has
 * expired. The stored tokens have been cleared and the client is signed out; sign in again.
 */
export class LogtoSessionExpiredError extends LogtoError {
  declare readonly code: 'session_expired';

  constructor(cause: unknown) {
    super('session_expired', 'The session has ended at the identity provider; sign in again.', {
      cause,
    });
    this.name = 'LogtoSessionExpiredError';
  }
}

/** Codes of {@link LogtoCallbackError}. */
export type LogtoCallbackErrorCode = Extract<LogtoErrorCode, `callback_${string}`>;

/**
 * The sign-in callback URL cannot be accepted. The existing session, if any, is left untouched.
 * - `callback_state_mismatch`: `state` is missing or matches no pending sign-in (possible forgery);
 * - `callback_no_transaction`: no sign-in was started in this browser;
 * - `callback_replayed`: this callback was already handled;
 * - `callback_missing_code`: the URL has neither `code` nor `error`;
 * - `callback_error_response`: the identity provider answered with `error` (e.g. `access_denied`).
 */
export class LogtoCallbackError extends LogtoError {
  declare readonly code: LogtoCallbackErrorCode;
  /** The OAuth `error` parameter, for `callback_error_response`. */
  declare readonly error: string | undefined;
  /** The OAuth `error_description` parameter, for `callback_error_response`. */
  declare readonly errorDescription: string | undefined;

  constructor(
    code: LogtoCallbackErrorCode,
    message: string,
    details: { error?: string | undefined; errorDescription?: string | undefined } = {},
  ) {
    super(code, message);
    this.name = 'LogtoCallbackError';
    this.error = details.error;
    this.errorDescription = details.errorDescription;
  }
}

/** Which check of the ID token failed. */
export type IdTokenFailure =
  | 'malformed'
  | 'algorithm'
  | 'key'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'issued_at'
  | 'nonce'
  | 'subject';

/** An ID token failed verification. Nothing from the response was stored. */
export class LogtoIdTokenError extends LogtoError {
  declare readonly code: 'id_token_invalid';
  /** The check that failed. */
  declare readonly reason: IdTokenFailure;

  constructor(reason: IdTokenFailure, message: string, options?: { cause?: unknown }) {
    super('id_token_invalid', `ID token rejected: ${message}`, options);
    this.name = 'LogtoIdTokenError';
    this.reason = reason;
  }
}

/**
 * The token, userinfo or another endpoint answered with an OAuth error. Logto's error body
 * (`{ code, message, error, error_description }`) is parsed into the fields below.
 */
export class LogtoTokenEndpointError extends LogtoError {
  declare readonly code: 'token_endpoint_error';
  /** HTTP status of the response. */
  declare readonly status: number;
  /** The OAuth error, e.g. `invalid_target`, `access_denied`, `insufficient_scope`. */
  declare readonly error: string;
  /** The OAuth error description, when the server sent one. */
  declare readonly errorDescription: string | undefined;
  /** Logto's own error code, e.g. `oidc.invalid_grant`, when the server sent one. */
  declare readonly logtoCode: string | undefined;

  constructor(details: {
    status: number;
    error: string;
    errorDescription?: string | undefined;
    logtoCode?: string | undefined;
    endpoint: string;
  }) {
    super(
      'token_endpoint_error',
      `${details.endpoint} answered ${details.status} ${details.error}` +
        (details.errorDescription ? `: ${details.errorDescription}` : ''),
    );
    this.name = 'LogtoTokenEndpointError';
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.logtoCode = details.logtoCode;
  }
}

/** A server answered with something that is not what the protocol promises (bad JSON, missing fields). */
export class LogtoResponseError extends LogtoError {
  declare readonly code: 'response_invalid';
  /** HTTP status of the response, when the failure is about one. */
  declare readonly status: number | undefined;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super('response_invalid', message, options);
    this.name = 'LogtoResponseError';
    this.status = options?.status;
  }
}

/**
 * The discovery document (`{issuer}/.well-known/openid-configuration`) could not be used: an error
 * status, not JSON, or another issuer than expected. Almost always a wrong `endpoint`. (When the
 * server cannot be reached at all, the error is a {@link LogtoNetworkError}.)
 */
export class LogtoDiscoveryError extends LogtoError {
  declare readonly code: 'discovery_failed';
  /** The discovery URL that was fetched. */
  declare readonly url: string;
  /** HTTP status of the answer. */
  declare readonly status: number | undefined;

  constructor(url: string, status: number | undefined, problem: string, cause?: unknown) {
    super(
      'discovery_failed',
      `Discovery failed: ${url} answered ${status}: ${problem}. Is endpoint your Logto tenant URL?`,
      { cause },
    );
    this.name = 'LogtoDiscoveryError';
    this.url = url;
    this.status = status;
  }
}

/**
 * The identity provider could not be reached. The session is kept: call again when the network
 * is back.
 */
export class LogtoNetworkError extends LogtoError {
  declare readonly code: 'network_error';
  /** The URL that failed, without its query string. */
  declare readonly url: string;

  /** @param hint what to do about it, when the URL is not the identity provider's */
  constructor(url: string, cause: unknown, hint?: string) {
    const bare = url.split(/[?#]/)[0] ?? url;
    super('network_error', `Network request to ${bare} failed${hint ?? networkHint(bare, cause)}`, {
      cause,
    });
    this.name = 'LogtoNetworkError';
    this.url = bare;
  }
}

/** The storage backend failed to read or write. */
export class LogtoStorageError extends LogtoError {
  declare readonly code: 'storage_error';

  constructor(message: string, cause: unknown) {
    super('storage_error', message, { cause });
    this.name = 'LogtoStorageError';
  }
}

/** Another tab held the refresh lock for too long. */
export class LogtoLockTimeoutError extends LogtoError {
  declare readonly code: 'lock_timeout';

  constructor(lockName: string, seconds: number) {
    super('lock_timeout', `Waited ${seconds}s for the lock ${lockName}; another tab may be stuck.`);
    this.name = 'LogtoLockTimeoutError';
  }
}

/**
 * Something that is not a `LogtoError` was thrown where the SDK promises one (a custom client,
 * storage or `navigate` threw, or a bug). `cause` holds what was thrown.
 */
export class LogtoUnexpectedError extends LogtoError {
  declare readonly code: 'unexpected_error';

  constructor(cause: unknown) {
    super('unexpected_error', cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'LogtoUnexpectedError';
  }
}

/**
 * `error` itself when it is a {@link LogtoError}, else a {@link LogtoUnexpectedError} wrapping it,
 * so that callers can always switch on `code`.
 */
export function toLogtoError(error: unknown): LogtoError {
  return error instanceof LogtoError ? error : new LogtoUnexpectedError(error);
}

/**
 * Why a request may have failed, for the message. `fetch` rejects with a bare TypeError both when
 * the server is down and when CORS refused the answer, and the page cannot tell which; on a
 * cross-origin call the second is the usual mistake, so say how to fix it, naming both origins.
 */
function networkHint(url: string, cause: unknown): string {
  const name = (cause as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return ' (no answer in time)';
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  const target = URL.canParse(url) ? new URL(url).origin : undefined;
  if (name === 'AbortError' || !page || !target || page === target) return '';
  return `. If ${target} is up, add this page's origin ${page} to the app's CORS allowed origins in Logto`;
}

/** Codes of {@link LogtoWindowError}. */
export type LogtoWindowErrorCode = Extract<
  LogtoErrorCode,
  `popup_${string}` | 'login_required' | 'silent_sign_in_unavailable' | 'auth_time_stale'
>;

/**
 * A sign-in without leaving the page (popup, hidden iframe, step-up) did not succeed. Nothing was
 * stored; the existing session, if any, is untouched.
 * - `popup_blocked`: the browser refused to open the popup (call it from a click handler);
 * - `popup_closed`: the user closed the popup before signing in;
 * - `popup_timeout`: the popup gave no answer in time;
 * - `login_required`: Logto answered a silent request that the user must sign in (`error` says
 *   how: `login_required`, `consent_required`, `interaction_required`...);
 * - `silent_sign_in_unavailable`: a silent request cannot tell (Logto is on another site, so the
 *   browser sends it no cookie; the iframe was blocked; no answer within the time limit);
 * - `auth_time_stale`: a step-up came back with an `auth_time` older than asked for.
 */
export class LogtoWindowError extends LogtoError {
  declare readonly code: LogtoWindowErrorCode;
  /** Logto's OAuth `error`, for `login_required`. */
  declare readonly error: string | undefined;

  constructor(code: LogtoWindowErrorCode, message: string, error?: string) {
    super(code, message);
    this.name = 'LogtoWindowError';
    this.error = error;
  }
}

/**
 * `createFetch` refused a request whose URL is not on one of its `origins`: the access token
 * would have gone to a server it is not meant for. Nothing was sent.
 */
export class LogtoOriginRefusedError extends LogtoError {
  declare readonly code: 'origin_refused';
  /** The origin the request was for (`null` for URLs without one, such as `data:`). */
  declare readonly origin: string;

  constructor(origin: string) {
    super('origin_refused', `${origin} is not an allowed origin for the token`);
    this.name = 'LogtoOriginRefusedError';
    this.origin = origin;
  }
}
