import { LogtoError, type LogtoErrorCode } from './LogtoError.js';

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
