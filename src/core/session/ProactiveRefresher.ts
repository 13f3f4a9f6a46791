import type { AccessTokenRecord } from '../protocol/tokenResponse.js';
import { tokenKey } from './tokenKey.js';
import { refreshTime } from '../protocol/tokenResponse.js';

/** A failed proactive refresh is not retried on its own before this many seconds. */
const retryDelaySeconds = 15;
/** Tokens due this soon are refreshed together with those already due. */
const dueSlackSeconds = 0.5;
/** setTimeout cannot wait longer than about 24.8 days; we re-plan daily anyway. */
const maxDelaySeconds = 86_400;

interface Watched {
  resource: string | undefined;
  organizationId: string | undefined;
}

/** What {@link ProactiveRefresher} works with. */
interface RefresherDeps {
  refresh: (resource?: string, organizationId?: string) => Promise<unknown>;
  records: () => Record<string, AccessTokenRecord> | undefined;
  now: () => number;
  leewaySeconds: number;
}

/**
 * Refreshes the tokens an app uses before it asks: shortly before expiry, and at once when the
 * tab becomes visible again or the network comes back (timers do not run while a laptop sleeps).
 * Only runs while someone is subscribed to the client, i.e. an app is rendering auth state.
 */
export class ProactiveRefresher {
  readonly #watched = new Map<string, Watched>();
  readonly #retryAfter = new Map<string, number>();
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

  /** Marks a token as used by the app, so it is kept fresh. */
  watch(resource: string | undefined, organizationId: string | undefined): void {
    const key = tokenKey(resource, organizationId);
    if (this.#watched.has(key)) return;
    this.#watched.set(key, { resource, organizationId });
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
      if (at > now + dueSlackSeconds) continue;
      const watched = this.#watched.get(key);
      if (!watched) continue;
      this.#retryAfter.set(key, now + retryDelaySeconds);
      this.#deps.refresh(watched.resource, watched.organizationId).then(
        () => {
          this.#retryAfter.delete(key);
          this.schedule();
        },
        // Failures reach the app through the client's events and its next call.
        () => this.schedule(),
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
    for (const key of this.#watched.keys()) {
      const record = records[key];
      const refreshAt = record ? refreshTime(record, this.#deps.leewaySeconds) : 0;
      result.push([key, Math.max(refreshAt, this.#retryAfter.get(key) ?? 0)]);
    }
    return result;
  }
}
