import type { ResolvedConfig } from '../config/LogtoConfig.js';
import type { LogtoLogger } from '../config/logger.js';
import type { HttpContext } from './http.js';
import type { ProviderMetadata } from './ProviderMetadata.js';
import type { TokenResponse } from './tokenResponse.js';
import type { IdTokenExpectations, VerifiedIdToken } from './verifyIdToken.js';

/** What talking to the identity provider needs: configuration, HTTP, clock, metadata, checks. */
export interface ProtocolContext {
  readonly config: ResolvedConfig;
  readonly http: HttpContext;
  /** Epoch seconds. */
  readonly now: () => number;
  readonly metadata: ProviderMetadata;
  /** The debug log; `undefined` when off, so `log?.(...)` costs nothing. */
  readonly log: LogtoLogger | undefined;
  /**
   * POSTs a grant to the token endpoint (`client_id` added) and checks the answer.
   *
   * @throws LogtoTokenEndpointError, LogtoNetworkError, LogtoResponseError
   */
  readonly requestTokens: (params: Record<string, string | undefined>) => Promise<TokenResponse>;
  /** Verifies an ID token against the provider's keys and this client's expectations. */
  readonly verifyIdToken: (
    token: string,
    expected: Pick<IdTokenExpectations, 'nonce' | 'subject' | 'previousIssuedAt' | 'clockOffset'>,
  ) => Promise<VerifiedIdToken>;
}
