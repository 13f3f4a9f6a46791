import { accountErrorMessages, type AccountApiErrorCode } from './accountErrorMessages.js';

/** Extra parts of a Logto API error body. */
export interface AccountApiErrorExtra {
  /** Structured detail (e.g. the password policy issues). */
  data?: unknown;
  /** A human-readable explanation of a refused input (Logto's `details`). */
  details?: string;
  /** Values for `{{name}}` placeholders in the message. */
  interpolation?: Record<string, string>;
}

/**
 * An error the Account API answers as Logto does: HTTP `status` and a JSON body
 * `{ code, message, data?, details? }`. Handlers throw it; the router turns it into the answer.
 */
export class AccountApiError extends Error {
  override readonly name = 'AccountApiError';
  readonly code: AccountApiErrorCode;
  readonly status: number;
  readonly data: unknown;
  readonly details: string | undefined;

  /**
   * @param code - Logto's error code, e.g. `auth.unauthorized`
   * @param status - Logto's status for this code at this route (Logto defaults to 400)
   */
  constructor(code: AccountApiErrorCode, status = 400, extra: AccountApiErrorExtra = {}) {
    let message: string = accountErrorMessages[code];
    for (const [name, value] of Object.entries(extra.interpolation ?? {})) {
      message = message.replaceAll(`{{${name}}}`, value);
    }
    super(message);
    this.code = code;
    this.status = status;
    this.data = extra.data;
    this.details = extra.details;
  }

  /** The JSON body Logto sends for this error. */
  toBody(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.data === undefined ? {} : { data: this.data }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/**
 * Throws `AccountApiError(code, status)` unless `condition` holds, like Logto's `assertThat`.
 *
 * @example
 * ensure(caller.scopes.has('profile'), 'auth.unauthorized');
 */
export function ensure(
  condition: unknown,
  code: AccountApiErrorCode,
  status = 400,
): asserts condition {
  if (!condition) throw new AccountApiError(code, status);
}
