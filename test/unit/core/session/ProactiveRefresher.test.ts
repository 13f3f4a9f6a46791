import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProactiveRefresher } from '../../../../src/core/session/ProactiveRefresher.js';
import type { AccessTokenRecord } from '../../../../src/core/protocol/tokenResponse.js';
import { tokenKey } from '../../../../src/core/session/tokenKey.js';
import { LogtoNetworkError } from '../../../../src/core/errors/LogtoNetworkError.js';
import { LogtoNotAuthenticatedError } from '../../../../src/core/errors/LogtoNotAuthenticatedError.js';
import { LogtoTokenEndpointError } from '../../../../src/core/errors/LogtoTokenEndpointError.js';

const api = 'https://api.example.com';

describe('ProactiveRefresher', () => {
  let records: Record<string, AccessTokenRecord>;
  let refreshed: (string | undefined)[];
  let refresher: ProactiveRefresher;
  const now = () => Date.now() / 1000;

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
    records = {};
    refreshed = [];
    refresher = new ProactiveRefresher({
      now,
      leewaySeconds: 60,
      records: () => records,
      refresh: ({ resource }) => {
        refreshed.push(resource);
        records[tokenKey(resource)] = {
          token: 'new',
          scope: '',
          receivedAt: now(),
          expiresAt: now() + 3600,
        };
        return Promise.resolve();
      },
    });
  });
  afterEach(() => {
    refresher.dispose();
    vi.useRealTimers();
  });

  const give = (lifetime: number) => {
    records[tokenKey(api)] = {
      token: 'old',
      scope: '',
      receivedAt: now(),
      expiresAt: now() + lifetime,
    };
  };

  it('refreshes a watched token one leeway before it expires, while active', async () => {
    give(3600);
    refresher.watch({ resource: api });
    refresher.setActive(true);
    await vi.advanceTimersByTimeAsync((3600 - 61) * 1000);
    expect(refreshed).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(refreshed).toEqual([api]);
    // And plans the next one from the new token, while the app keeps asking for it (a mounted
    // useAccessToken asks again after every refresh).
    refresher.watch({ resource: api });
    await vi.advanceTimersByTimeAsync(3600 * 1000);
    expect(refreshed).toEqual([api, api]);
  });

  it('stops keeping a token fresh an hour after the app last asked for it', async () => {
    give(600);
    refresher.watch({ resource: api });
    refresher.setActive(true);
    // 540 s: first refresh; the next ones at 540 s + 3540 s, ... The app never asks again.
    await vi.advanceTimersByTimeAsync(10 * 3600 * 1000);
    expect(refreshed).toEqual([api]);
    // Asking again starts it again: the long-expired token at once, the next one 3540 s later.
    refresher.watch({ resource: api });
    await vi.advanceTimersByTimeAsync(3000 * 1000);
    expect(refreshed).toEqual([api, api]);
  });

  it('forgets every watched token on reset (sign-out, another user)', async () => {
    give(100);
    refresher.watch({ resource: api });
    refresher.setActive(true);
    refresher.reset();
    records = {}; // as after clearAccessToken: nothing cached
    await vi.advanceTimersByTimeAsync(24 * 3600 * 1000);
    expect(refreshed).toEqual([]);
  });

  it('does nothing while nobody is subscribed (inactive)', async () => {
    give(100);
    refresher.watch({ resource: api });
    await vi.advanceTimersByTimeAsync(200_000);
    expect(refreshed).toEqual([]);
  });

  it('refreshes at once when the tab becomes visible with an expired token', async () => {
    give(100);
    refresher.watch({ resource: api });
    refresher.setActive(true);
    refresher.setActive(false); // hidden/asleep: no timers
    vi.setSystemTime(Date.now() + 500_000);
    refresher.setActive(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshed).toEqual([api]);
  });

  const failingWith = (error: () => Error) => {
    const attempts: number[] = [];
    const failing = new ProactiveRefresher({
      now,
      leewaySeconds: 60,
      records: () => records,
      refresh: () => {
        attempts.push(Math.round(now()));
        return Promise.reject(error());
      },
    });
    failing.watch({ resource: api });
    failing.setActive(true);
    return { attempts, failing };
  };

  it('backs off on network errors: 15 s, 30 s, 60 s... up to 10 minutes apart, never stopping', async () => {
    give(10);
    const start = Math.round(now());
    const { attempts, failing } = failingWith(
      () => new LogtoNetworkError('https://idp.test/oidc/token', new TypeError('offline')),
    );
    await vi.advanceTimersByTimeAsync(3 * 3600 * 1000);
    failing.dispose();
    const gaps = attempts.slice(1).map((at, index) => at - (attempts[index] ?? start));
    // A 10 s token is due half-way through its life.
    expect(attempts[0]).toBe(start + 5);
    expect(gaps.slice(0, 6)).toEqual([15, 30, 60, 120, 240, 480]);
    expect(new Set(gaps.slice(6))).toEqual(new Set([600]));
  });

  it('stops watching a token the IdP refuses (4xx) or that cannot be had (not signed in)', async () => {
    give(10);
    const refused = failingWith(
      () =>
        new LogtoTokenEndpointError({
          status: 400,
          error: 'invalid_target',
          endpoint: 'token',
        }),
    );
    const notSignedIn = failingWith(() => new LogtoNotAuthenticatedError());
    await vi.advanceTimersByTimeAsync(3600 * 1000);
    refused.failing.dispose();
    notSignedIn.failing.dispose();
    expect(refused.attempts).toHaveLength(1);
    expect(notSignedIn.attempts).toHaveLength(1);
  });

  it('retries a server error (5xx) with the back-off', async () => {
    give(10);
    const { attempts, failing } = failingWith(
      () => new LogtoTokenEndpointError({ status: 503, error: 'server_error', endpoint: 'token' }),
    );
    await vi.advanceTimersByTimeAsync(100 * 1000);
    failing.dispose();
    expect(attempts.length).toBe(3); // at 5, 20 and 50 s; the next would be at 110 s
  });
});

describe('ProactiveRefresher when the clock and the timers disagree', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps refreshing when a timer fires a few milliseconds before the clock says the token is due', async () => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
    let skew = 0;
    const now = () => Date.now() / 1000 - skew;
    const records: Record<string, AccessTokenRecord> = {
      [tokenKey(api)]: { token: 'old', scope: '', receivedAt: now(), expiresAt: now() + 10 },
    };
    let refreshes = 0;
    const refresher = new ProactiveRefresher({
      now,
      leewaySeconds: 60,
      records: () => records,
      refresh: () => {
        refreshes++;
        records[tokenKey(api)] = {
          token: 'new',
          scope: '',
          receivedAt: now(),
          expiresAt: now() + 10,
        };
        return Promise.resolve();
      },
    });
    refresher.watch({ resource: api });
    refresher.setActive(true);
    // The wall clock steps back 3 ms after the timer was set (NTP, or a timer firing early).
    skew = 0.003;
    await vi.advanceTimersByTimeAsync(31_000);
    refresher.dispose();
    // Due every 5 s (half of a 10 s lifetime): about six refreshes in 31 s, not silence.
    expect(refreshes).toBeGreaterThanOrEqual(5);
  });
});
