import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProactiveRefresher } from '../../../../src/core/session/ProactiveRefresher.js';
import type { AccessTokenRecord } from '../../../../src/core/protocol/tokenResponse.js';
import { tokenKey } from '../../../../src/core/session/tokenKey.js';

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
      refresh: (resource) => {
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
    refresher.watch(api, undefined);
    refresher.setActive(true);
    await vi.advanceTimersByTimeAsync((3600 - 61) * 1000);
    expect(refreshed).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(refreshed).toEqual([api]);
    // And plans the next one from the new token.
    await vi.advanceTimersByTimeAsync(3600 * 1000);
    expect(refreshed).toEqual([api, api]);
  });

  it('does nothing while nobody is subscribed (inactive)', async () => {
    give(100);
    refresher.watch(api, undefined);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(refreshed).toEqual([]);
  });

  it('refreshes at once when the tab becomes visible with an expired token', async () => {
    give(100);
    refresher.watch(api, undefined);
    refresher.setActive(true);
    refresher.setActive(false); // hidden/asleep: no timers
    vi.setSystemTime(Date.now() + 500_000);
    refresher.setActive(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshed).toEqual([api]);
  });

  it('does not hammer the IdP when refreshes keep failing', async () => {
    give(10);
    let attempts = 0;
    const failing = new ProactiveRefresher({
      now,
      leewaySeconds: 60,
      records: () => records,
      refresh: () => {
        attempts++;
        return Promise.reject(new Error('offline'));
      },
    });
    failing.watch(api, undefined);
    failing.setActive(true);
    await vi.advanceTimersByTimeAsync(60_000);
    failing.dispose();
    // One attempt at expiry, then at most one per 15 s.
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThanOrEqual(5);
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
    refresher.watch(api, undefined);
    refresher.setActive(true);
    // The wall clock steps back 3 ms after the timer was set (NTP, or a timer firing early).
    skew = 0.003;
    await vi.advanceTimersByTimeAsync(31_000);
    refresher.dispose();
    // Due every 5 s (half of a 10 s lifetime): about six refreshes in 31 s, not silence.
    expect(refreshes).toBeGreaterThanOrEqual(5);
  });
});
