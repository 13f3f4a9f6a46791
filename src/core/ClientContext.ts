import type { HttpContext } from './http.js';
import type { ResolvedConfig } from './LogtoConfig.js';
import type { LogtoLogger } from './logger.js';
import type { ProviderMetadata } from './ProviderMetadata.js';
import type { SessionStore } from './SessionStore.js';
import type { TokenResponse } from './tokenResponse.js';
import type { LogtoStorage } from './storage/LogtoStorage.js';
import type { IdTokenExpectations, VerifiedIdToken } from './verifyIdToken.js';

/** The shared pieces the client's flows work with. Built once by {@link LogtoClient}. */
export interface ClientContext {
  readonly config: ResolvedConfig;
  readonly http: HttpContext;
  /** Epoch seconds. */
  readonly now: () => number;
  readonly metadata: ProviderMetadata;
  readonly session: SessionStore;
  /** Where everything is kept, under {@link keyPrefix}. */
  readonly storage: LogtoStorage;
  /** `logto:<appId>:`, the prefix of every storage key of this client. */
  readonly keyPrefix: string;
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
