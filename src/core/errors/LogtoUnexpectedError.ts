import { LogtoError } from './LogtoError.js';

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
