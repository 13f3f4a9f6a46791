import type { ClientContext } from './ClientContext.js';
import { LogtoNetworkError } from '../errors/LogtoNetworkError.js';
import { LogtoNotAuthenticatedError } from '../errors/LogtoNotAuthenticatedError.js';
import { LogtoSessionExpiredError } from '../errors/LogtoSessionExpiredError.js';
import { LogtoTokenEndpointError } from '../errors/LogtoTokenEndpointError.js';
import { type LogtoError } from '../errors/LogtoError.js';
import { errorDetails } from '../config/logger.js';
import type { RefreshLock } from './RefreshLock.js';
import type { LoadedSession } from './SessionStore.js';
import { isTokenFresh, type TokenResponse } from '../protocol/tokenResponse.js';
import { tokenKey } from './tokenKey.js';

/** Wait before the one retry of a refresh whose answer did not arrive (within Logto's 3 s grace). */
const lostAnswerRetryMs = 500;

/** What the token manager reports back to the client. */
export interface TokenManagerHooks {
  /** A new token for (resource, organization) was stored. */
  onRefreshed(resource: string | undefined, organizationId: string | undefined): void;
  /** The grant is dead; the session has been cleared from storage. */
  onExpired(error: LogtoSessionExpiredError): void;
  /** A refresh failed for another reason (network, refused resource...). */
  onFailed(
    resource: string | undefined,
    organizationId: string | undefined,
    error: LogtoError,
  ): void;
}

/**
 * Access tokens per (resource, organization). A cache hit is answered from memory with no I/O.
 * A miss goes: single-flight per key in this tab → the refresh lock (all keys, all tabs) → re-read
 * storage, since another tab may have refreshed meanwhile → refresh grant. oidc-client-ts keeps one
 * access token per user and refreshes without resources, organizations or locking, so this part
 * is ours.
 */
export class TokenManager {
  readonly #context: ClientContext;
  readonly #lock: RefreshLock;
  readonly #hooks: TokenManagerHooks;
  readonly #inflight = new Map<string, Promise<string>>();

  constructor(context: ClientContext, lock: RefreshLock, hooks: TokenManagerHooks) {
    this.#context = context;
    this.#lock = lock;
    this.#hooks = hooks;
  }

  /** A fresh access token, from the cache or by refreshing. */
  getAccessToken(resource?: string, organizationId?: string): Promise<string> {
    return this.#get(resource, organizationId, undefined);
  }

  /**
   * A new access token in place of `rejected` (one an API refused), even though it looks fresh.
   * When the cached token is already another one (a concurrent call or another tab replaced
   * it), that one is returned without a request, so many callers refused at once cause one
   * refresh. Without `rejected`, the cached token is the one replaced.
   */
  refreshAccessToken(
    resource?: string,
    organizationId?: string,
    rejected?: string,
  ): Promise<string> {
    const record = this.#context.session.current?.accessTokens[tokenKey(resource, organizationId)];
    return this.#get(resource, organizationId, rejected ?? record?.token ?? '');
  }

  #get(
    resource: string | undefined,
    organizationId: string | undefined,
    stale: string | undefined,
  ): Promise<string> {
    const key = tokenKey(resource, organizationId);
    const session = this.#context.session.current;
    if (!session) return Promise.reject(new LogtoNotAuthenticatedError());
    const cached = this.#freshToken(session, key, stale);
    if (cached !== undefined) return Promise.resolve(cached);

    // A refresh already under way for this key brings a new token: joining it is enough.
    let pending = this.#inflight.get(key);
    if (!pending) {
      const reason =
        stale !== undefined ? 'rejected' : session.accessTokens[key] ? 'expired' : 'missing';
      pending = this.#lock
        .run(() => this.#refreshInLock(key, resource, organizationId, stale, reason))
        .finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    return pending;
  }

  /** Runs `task` while holding the refresh lock, so it cannot race a refresh in any tab. */
  withLock<T>(task: () => Promise<T>): Promise<T> {
    return this.#lock.run(task);
  }

  /** The cached token for `key` when it is fresh and is not `stale`. */
  #freshToken(session: LoadedSession, key: string, stale?: string): string | undefined {
    const record = session.accessTokens[key];
    const { now, config } = this.#context;
    return record &&
      record.token !== stale &&
      isTokenFresh(record, now(), config.refreshLeewaySeconds)
      ? record.token
      : undefined;
  }

  async #refreshInLock(
    key: string,
    resource: string | undefined,
    organizationId: string | undefined,
    stale: string | undefined,
    reason: string,
  ): Promise<string> {
    const { session: store, requestTokens, log } = this.#context;
    const session = await store.reload();
    if (!session) throw new LogtoNotAuthenticatedError();
    const cached = this.#freshToken(session, key, stale);
    if (cached !== undefined) {
      log?.('refresh', 'done by another tab', { resource });
      return cached;
    }
    if (!session.refreshToken) {
      throw new LogtoNotAuthenticatedError(
        'The access token expired and there is no refresh token (sign in with offline_access and prompt=consent).',
      );
    }

    log?.('refresh', reason, { resource, organizationId });
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
      if (error instanceof LogtoTokenEndpointError && error.error === 'invalid_grant') {
        await store.clear();
        const expired = new LogtoSessionExpiredError(error);
        this.#hooks.onExpired(expired);
        throw expired;
      }
      this.#hooks.onFailed(resource, organizationId, error as LogtoError);
      throw error;
    }

    let { clockOffset } = session;
    // Logto sends a new ID token with every refresh; it is verified like the first one.
    if (tokens.idToken) {
      ({ clockOffset } = await this.#context.verifyIdToken(tokens.idToken, {
        subject: session.claims.sub,
        previousIssuedAt: session.claims.iat,
        clockOffset,
      }));
    }
    await store.save({
      issuer: session.issuer,
      appId: session.appId,
      idToken: tokens.idToken ?? session.idToken,
      refreshToken: tokens.refreshToken ?? session.refreshToken,
      accessTokens: { ...session.accessTokens, [key]: tokens.accessToken },
      clockOffset,
    });
    log?.('refresh', 'stored', { resource, organizationId });
    this.#hooks.onRefreshed(resource, organizationId);
    return tokens.accessToken.token;
  }
}
