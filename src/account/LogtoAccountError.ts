import { LogtoError, type LogtoErrorCode } from '../core/errors/LogtoError.js';

/** Codes of {@link LogtoAccountError}. */
export type LogtoAccountErrorCode = Extract<
  LogtoErrorCode,
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
  | 'account_request_failed'
>;

/**
 * A way to prove the user's identity before a sensitive change (see `verification_required`):
 * `password` is `verifyPassword(password)`; `emailCode` / `phoneCode` are `sendCode({ email })`
 * or `sendCode({ phone })` to the user's own address, then `verifyCode(sent, code)`.
 */
export type IdentityVerificationMethod = 'password' | 'emailCode' | 'phoneCode';

/** The optional parts of a {@link LogtoAccountError}. */
export interface LogtoAccountErrorDetails {
  /** Logto's own error code (`account_center.not_enabled`...), when Logto sent one. */
  logtoCode?: string | undefined;
  /** The HTTP status of Logto's answer, when there was one. */
  status?: number | undefined;
  /** For `missing_scope`: the scope to add to `LogtoConfig.scopes`. */
  scope?: string | undefined;
  /** For `verification_required`: how the user can prove who they are. */
  verifyWith?: readonly IdentityVerificationMethod[] | undefined;
  /** Logto's structured detail (e.g. which password rules failed); never a secret. */
  data?: unknown;
}

/**
 * The Account API (`logto-spa/account`) refused a call or could not be asked. Switch on `code`;
 * Logto's own code is in `logtoCode`.
 * - `account_center_disabled`: an admin must switch the account center on (Logto Console ›
 *   Account center);
 * - `account_field_read_only` / `account_field_disabled`: that field is `ReadOnly` / `Off` there;
 * - `missing_scope`: the access token lacks `scope`: add it to `LogtoConfig.scopes` and sign in
 *   again (Logto asks the user to consent to it);
 * - `wrong_password`, `code_invalid`, `code_expired` (send a new code), `identifier_in_use`
 *   (another account has this email, phone, username or social identity), `rate_limited`;
 * - `verification_required`: the change needs a fresh identity verification; `verifyWith`
 *   says how. Verify once, then call again: the record is reused for ten minutes;
 * - `not_supported_by_server`: this Logto has no such route (the sessions routes need Logto's
 *   dev features in 1.37);
 * - `account_request_failed`: anything else Logto refused (see `logtoCode` and `message`).
 *
 * Messages never contain a token, a password or a verification code.
 *
 * @example
 * ```ts
 * try { await account.changePassword(newPassword); }
 * catch (error) {
 *   if (error instanceof LogtoAccountError && error.code === 'verification_required') askForPassword();
 * }
 * ```
 */
export class LogtoAccountError extends LogtoError {
  declare readonly code: LogtoAccountErrorCode;
  /** Logto's own error code, when Logto sent one (e.g. `verification_code.code_mismatch`). */
  declare readonly logtoCode: string | undefined;
  /** The HTTP status of Logto's answer, when there was one. */
  declare readonly status: number | undefined;
  /** For `missing_scope`: the scope to request. */
  declare readonly scope: string | undefined;
  /** For `verification_required`: the ways the user can verify their identity. */
  declare readonly verifyWith: readonly IdentityVerificationMethod[] | undefined;
  /** Logto's structured detail, when it sent some. */
  declare readonly data: unknown;

  constructor(
    code: LogtoAccountErrorCode,
    message: string,
    details: LogtoAccountErrorDetails = {},
  ) {
    super(code, message);
    this.name = 'LogtoAccountError';
    this.logtoCode = details.logtoCode;
    this.status = details.status;
    this.scope = details.scope;
    this.verifyWith = details.verifyWith;
    this.data = details.data;
  }
}
