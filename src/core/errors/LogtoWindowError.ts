import { LogtoError, type LogtoErrorCode } from './LogtoError.js';

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
