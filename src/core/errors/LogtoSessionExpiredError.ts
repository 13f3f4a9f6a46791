import { LogtoError } from './LogtoError.js';

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
