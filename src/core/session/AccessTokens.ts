import { LogtoNotAuthenticatedError } from '../errors/LogtoNotAuthenticatedError.js';
import { refreshTime } from '../protocol/tokenResponse.js';
import type { ClientContext } from './ClientContext.js';
import { requestRefresh } from './requestRefresh.js';
import type { SessionController } from './SessionController.js';
import type { LoadedSession } from './SessionStore.js';
import { tokenKey, type TokenTarget } from './tokenKey.js';

/** What {@link AccessTokens} works with. */
export interface AccessTokensDeps {
  context: Pick<
    ClientContext,
    'config' | 'session' | 'now' | 'log' | 'requestTokens' | 'verifyIdToken'
  >;
  controller: Pick<SessionController, 'current' | 'withLock' | 'applyRefresh'>;
}

/**
 * Access tokens per (resource, organization). A cache hit is answered from memory with no I/O.
 * A miss goes: single-flight per key in this tab → the refresh lock (all keys, all tabs) → re-read
 * storage, since another tab may have refreshed meanwhile → the refresh grant, whose outcome the
 * session controller stores. oidc-client-ts keeps one access token per user and refreshes without
 * resources, organizations or locking, so this part is ours.
 */
export class AccessTokens {
  readonly #deps: AccessTokensDeps;
  readonly #inflight = new Map<string, Promise<string>>();

  constructor(deps: AccessTokensDeps) {
    this.#deps = deps;
  }

  /**
   * A fresh access token for `target`. `stale` is a token an API refused: it is replaced even if
   * it looks fresh, unless another one is cached already (a concurrent call or another tab
   * replaced it), so many callers refused at once cause one refresh.
   */
  get(target: TokenTarget, stale?: string): Promise<string> {
    const key = tokenKey(target.resource, target.organizationId);
    const session = this.#deps.controller.current;
    if (!session) return Promise.reject(new LogtoNotAuthenticatedError());
    const cached = this.#fresh(session, key, stale);
    if (cached !== undefined) return Promise.resolve(cached);
    // A refresh already under way for this key brings a new token: joining it is enough.
    let pending = this.#inflight.get(key);
    if (!pending) {
      const reason =
        stale !== undefined ? 'rejected' : session.accessTokens[key] ? 'expired' : 'missing';
      pending = this.#deps.controller
        .withLock(() => this.#refreshInLock(target, key, stale, reason))
        .finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    return pending;
  }

  async #refreshInLock(
    target: TokenTarget,
    key: string,
    stale: string | undefined,
    reason: string,
  ): Promise<string> {
    const { context, controller } = this.#deps;
    const session = await context.session.reload();
    if (!session) throw new LogtoNotAuthenticatedError();
    const cached = this.#fresh(session, key, stale);
    if (cached !== undefined) {
      context.log?.('refresh', 'done by another tab', { resource: target.resource });
      return cached;
    }
    const { refreshToken } = session;
    if (!refreshToken) {
      // Not "expired": a silent sign-in (prompt=none) never brings a refresh token.
      throw new LogtoNotAuthenticatedError(
        'This session has no refresh token to get a new access token with: sign in again.',
      );
    }
    context.log?.('refresh', reason, { ...target });
    const outcome = await requestRefresh(context, { ...session, refreshToken }, target, key);
    return controller.applyRefresh(outcome, target);
  }

  /** The cached token for `key` when it is fresh and is not `stale`. */
  #fresh(session: LoadedSession, key: string, stale?: string): string | undefined {
    const record = session.accessTokens[key];
    const { now, config } = this.#deps.context;
    return record &&
      record.token !== stale &&
      refreshTime(record, config.refreshLeewaySeconds) > now()
      ? record.token
      : undefined;
  }
}
