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
  | 'origin_refused'
  // logto-spa/account (LogtoAccountError)
  | 'account_center_disabled'
  | 'account_field_read_only'
  | 'account_field_disabled'
  | 'missing_scope'
  | 'wrong_password'
  | 'code_invalid'
  | 'code_expired'
  | 'identifier_in_use'
  | 'rate_limited'
  | 'verification_required'
  | 'not_supported_by_server'
  | 'account_request_failed';

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
