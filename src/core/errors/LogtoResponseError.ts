import { LogtoError } from './LogtoError.js';

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
