import { LogtoError } from './LogtoError.js';

/** The call needs a signed-in user and there is none (or the session was ended). */
export class LogtoNotAuthenticatedError extends LogtoError {
  declare readonly code: 'not_authenticated';

  constructor(message = 'Not signed in: call signIn() first.') {
    super('not_authenticated', message);
    this.name = 'LogtoNotAuthenticatedError';
  }
}
