import { LogtoError } from '../core/errors/LogtoError.js';

/**
 * `createFetch` refused a request whose URL is not on one of its `origins`: the access token
 * would have gone to a server it is not meant for. Nothing was sent.
 */
export class LogtoOriginRefusedError extends LogtoError {
  declare readonly code: 'origin_refused';
  /** The origin the request was for (`null` for URLs without one, such as `data:`). */
  declare readonly origin: string;

  constructor(origin: string) {
    super('origin_refused', `${origin} is not an allowed origin for the token`);
    this.name = 'LogtoOriginRefusedError';
    this.origin = origin;
  }
}
