import { LogtoDiscoveryError } from '../errors/LogtoDiscoveryError.js';
import { LogtoLockTimeoutError } from '../errors/LogtoLockTimeoutError.js';
import { LogtoNetworkError } from '../errors/LogtoNetworkError.js';
import { LogtoTokenEndpointError } from '../errors/LogtoTokenEndpointError.js';
import type { AccessTokenRecord } from '../protocol/tokenResponse.js';
import { refreshTime } from '../protocol/tokenResponse.js';
import { tokenKey, type TokenTarget } from './tokenKey.js';

/** The first wait after a refresh that failed for a passing reason; doubled each time. */
const firstRetrySeconds = 15;
/** The longest wait between retries. */
const maxRetrySeconds = 600;
/** A token the app has not asked for in this long is no longer kept fresh. */
export const unwatchAfterSeconds = 3600;
/** Tokens due this soon are refreshed together with those already due. */
const dueSlackSeconds = 0.5;
/** setTimeout cannot wait longer than about 24.8 days; we re-plan daily anyway. */
const maxDelaySeconds = 86_400;

interface Watched {
  target: TokenTarget;
  /** When the app last asked for this token (epoch seconds). */
  askedAt: number;
  /** Failed refreshes in a row, for the back-off. */
  failures: number;
  /** No refresh before this time (epoch seconds), after a failure. */
  retryAfter: number;
}

/** What {@link ProactiveRefresher} works with. */
export interface RefresherDeps {
  /** Refreshes the token for `target` (without counting as the app asking for it). */
  refresh: (target: TokenTarget) => Promise<unknown>;
  records: () => Record<string, AccessTokenRecord> | undefined;
  now: () => number;
  leewaySeconds: number;
}

/**
 * Whether a failed refresh may succeed later on its own (the network, a busy lock, the server's
 * 5xx) rather than being refused for good (a 4xx, a dead session, a bad configuration).
 */
function isPassing(error: unknown): boolean {
  if (error instanceof LogtoNetworkError || error instanceof LogtoLockTimeoutError) return true;
  if (error instanceof LogtoTokenEndpointError) return error.status >= 500;
  return error instanceof LogtoDiscoveryError && (error.status ?? 500) >= 500;
}

/**
 * Refreshes the tokens an app uses before it asks: shortly before expiry, and at once when the
 * tab becomes visible again or the network comes back (timers do not run while a laptop sleeps).
 * Only runs while someone is subscribed to the client, i.e. an app is rendering auth state.
 * A token is watched from the app's first request for it until an hour after its last one, the
 * session ends or changes hands ({@link reset}), or a refresh is refused for good; refreshes that
 * fail for a passing reason are retried after 15 s, 30 s, 60 s... up to 10 minutes apart.
 */
export class ProactiveRefresher {
  readonly #watched = new Map<string, Watched>();
  readonly #deps: RefresherDeps;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #active = false;
  readonly #onWake = (): void => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible')
      this.refreshDue();
  };

  constructor(deps: RefresherDeps) {
    this.#deps = deps;
  }

  /** The app asked for this token: keep it fresh from now on. */
  watch(target: TokenTarget): void {
    const key = tokenKey(target.resource, target.organizationId);
    const known = this.#watched.get(key);
    const askedAt = this.#deps.now();
    if (known) {
      known.askedAt = askedAt;
      return;
    }
    this.#watched.set(key, { target, askedAt, failures: 0, retryAfter: 0 });
    this.schedule();
  }

  /** Stops keeping any token fresh (the session ended, or another user signed in). */
  reset(): void {
    this.#watched.clear();
    this.schedule();
  }

  /** Starts or stops the timers and page listeners. */
  setActive(active: boolean): void {
    if (active === this.#active || typeof window === 'undefined') return;
    this.#active = active;
    const method = active ? 'addEventListener' : 'removeEventListener';
    document[method]('visibilitychange', this.#onWake);
    window[method]('online', this.#onWake);
    window[method]('focus', this.#onWake);
    this.schedule();
  }

  /** Plans the next wake-up from the current tokens. Call after tokens change. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#active) return;
    const due = this.#dueTimes();
    if (due.length === 0) return;
    const delay = Math.min(
      Math.max(0, Math.min(...due.map(([, at]) => at)) - this.#deps.now()),
      maxDelaySeconds,
    );
    this.#timer = setTimeout(() => this.refreshDue(), delay * 1000);
  }

  /** Refreshes every watched token that is due now. */
  refreshDue(): void {
    const now = this.#deps.now();
    for (const [key, at] of this.#dueTimes()) {
      // Timers and clocks disagree by a few milliseconds: what is due within the slack is due now.
      const watched = this.#watched.get(key);
      if (!watched || at > now + dueSlackSeconds) continue;
      if (now - watched.askedAt > unwatchAfterSeconds) {
        this.#watched.delete(key);
        continue;
      }
      // Until it settles, the next wake-up must not start a second one.
      watched.retryAfter = now + firstRetrySeconds;
      this.#deps.refresh(watched.target).then(
        () => {
          watched.failures = 0;
          watched.retryAfter = 0;
          this.schedule();
        },
        // Failures reach the app through the client's events and its next call.
        (error: unknown) => {
          if (isPassing(error)) {
            watched.failures += 1;
            const wait = Math.min(firstRetrySeconds * 2 ** (watched.failures - 1), maxRetrySeconds);
            watched.retryAfter = this.#deps.now() + wait;
          } else if (this.#watched.get(key) === watched) this.#watched.delete(key);
          this.schedule();
        },
      );
    }
    // Always plan the next wake-up, or a timer that fired a hair early would stop the refresher.
    this.schedule();
  }

  /** Stops everything. */
  dispose(): void {
    this.setActive(false);
    this.#watched.clear();
  }

  #dueTimes(): [string, number][] {
    const records = this.#deps.records();
    if (!records) return [];
    const result: [string, number][] = [];
    for (const [key, watched] of this.#watched) {
      const record = records[key];
      const refreshAt = record ? refreshTime(record, this.#deps.leewaySeconds) : 0;
      result.push([key, Math.max(refreshAt, watched.retryAfter)]);
    }
    return result;
  }
}
