import { LogtoError } from './LogtoError.js';

/**
 * The discovery document (`{issuer}/.well-known/openid-configuration`) could not be used: an error
 * status, not JSON, or another issuer than expected. Almost always a wrong `endpoint`. (When the
 * server cannot be reached at all, the error is a `LogtoNetworkError`.)
 */
export class LogtoDiscoveryError extends LogtoError {
  declare readonly code: 'discovery_failed';
  /** The discovery URL that was fetched. */
  declare readonly url: string;
  /** HTTP status of the answer. */
  declare readonly status: number | undefined;

  constructor(url: string, status: number | undefined, problem: string, cause?: unknown) {
    super(
      'discovery_failed',
      `Discovery failed: ${url} answered ${status}: ${problem}. Is endpoint your Logto tenant URL?`,
      { cause },
    );
    this.name = 'LogtoDiscoveryError';
    this.url = url;
    this.status = status;
  }
}
