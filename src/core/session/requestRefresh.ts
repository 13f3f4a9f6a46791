import { errorDetails } from '../config/logger.js';
import type { LogtoError } from '../errors/LogtoError.js';
import { LogtoNetworkError } from '../errors/LogtoNetworkError.js';
import { LogtoSessionExpiredError } from '../errors/LogtoSessionExpiredError.js';
import { LogtoTokenEndpointError } from '../errors/LogtoTokenEndpointError.js';
import { toLogtoError } from '../errors/LogtoUnexpectedError.js';
import type { ProtocolContext } from '../protocol/ProtocolContext.js';
import type { TokenResponse } from '../protocol/tokenResponse.js';
import type { LoadedSession, StoredSession } from './SessionStore.js';
import type { TokenTarget } from './tokenKey.js';

/** Wait before the one retry of a refresh whose answer did not arrive (within Logto's 3 s grace). */
const lostAnswerRetryMs = 500;

/**
 * What a refresh came to. Nothing is stored yet: the session controller applies it, as the only
 * writer of the session.
 * - `refreshed`: `session` holds the new tokens, `token` is the access token asked for;
 * - `unverified`: Logto answered (and so already rotated the refresh token), but the answer could
 *   not be verified (its ID token, or the keys to check it). `session` is the old one with only the
 *   new refresh token: the old one is spent, and presenting it again would revoke the grant;
 * - `expired`: the refresh token was refused (`invalid_grant`): the session is over;
 * - `failed`: no answer or another refusal (network, `invalid_target`...): the session stays.
 */
export type RefreshOutcome =
  | { kind: 'refreshed'; session: StoredSession; token: string }
  | { kind: 'unverified'; session: StoredSession; error: LogtoError }
  | { kind: 'expired'; error: LogtoSessionExpiredError }
  | { kind: 'failed'; error: LogtoError };

/**
 * The refresh grant for `target` with the session's refresh token, the answer checked and its ID
 * token verified like the first one. Runs inside the refresh lock, on the session just re-read
 * from storage. Never throws: every end is a {@link RefreshOutcome}.
 */
export async function requestRefresh(
  context: Pick<ProtocolContext, 'requestTokens' | 'verifyIdToken' | 'log'>,
  session: LoadedSession & { refreshToken: string },
  target: TokenTarget,
  key: string,
): Promise<RefreshOutcome> {
  const { requestTokens, log } = context;
  const { resource, organizationId } = target;
  let tokens: TokenResponse;
  try {
    const refresh = () =>
      requestTokens({
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        resource,
        organization_id: organizationId,
      });
    tokens = await refresh().catch(async (error: unknown) => {
      // The IdP may have rotated the token and only the answer was lost (a flaky network, a
      // laptop closing mid-request). Logto accepts a just-used refresh token again for 3 s, so
      // one quick retry recovers the session; later, the same token would revoke the grant.
      if (!(error instanceof LogtoNetworkError)) throw error;
      log?.('refresh', 'retry', { resource });
      await new Promise((resolve) => setTimeout(resolve, lostAnswerRetryMs));
      return refresh();
    });
  } catch (error) {
    log?.('error', 'refresh', errorDetails(error));
    if (error instanceof LogtoTokenEndpointError && error.error === 'invalid_grant')
      return { kind: 'expired', error: new LogtoSessionExpiredError(error) };
    return { kind: 'failed', error: toLogtoError(error) };
  }

  // From here on the old refresh token is spent: whatever happens, the new one must be kept.
  const { claims: _claims, ...stored } = session;
  const rotated: StoredSession = {
    ...stored,
    refreshToken: tokens.refreshToken ?? session.refreshToken,
  };
  let { clockOffset } = session;
  try {
    // Logto sends a new ID token with every refresh; it is verified like the first one.
    if (tokens.idToken) {
      ({ clockOffset } = await context.verifyIdToken(tokens.idToken, {
        subject: session.claims.sub,
        previousIssuedAt: session.claims.iat,
        clockOffset,
      }));
    }
  } catch (error) {
    log?.('error', 'refresh', errorDetails(error));
    return { kind: 'unverified', session: rotated, error: toLogtoError(error) };
  }
  return {
    kind: 'refreshed',
    session: {
      ...rotated,
      idToken: tokens.idToken ?? session.idToken,
      accessTokens: { ...session.accessTokens, [key]: tokens.accessToken },
      clockOffset,
    },
    token: tokens.accessToken.token,
  };
}
