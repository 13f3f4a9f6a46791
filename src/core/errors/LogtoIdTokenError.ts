import { LogtoError } from './LogtoError.js';

/** Which check of the ID token failed. */
export type IdTokenFailure =
  | 'malformed'
  | 'algorithm'
  | 'key'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'issued_at'
  | 'nonce'
  | 'subject';

/** An ID token failed verification. Nothing from the response was stored. */
export class LogtoIdTokenError extends LogtoError {
  declare readonly code: 'id_token_invalid';
  /** The check that failed. */
  declare readonly reason: IdTokenFailure;

  constructor(reason: IdTokenFailure, message: string, options?: { cause?: unknown }) {
    super('id_token_invalid', `ID token rejected: ${message}`, options);
    this.name = 'LogtoIdTokenError';
    this.reason = reason;
  }
}
