import { LogtoError } from './LogtoError.js';

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
