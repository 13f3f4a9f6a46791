import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProactiveRefresher } from '../../../src/core/ProactiveRefresher.js';
import type { AccessTokenRecord } from '../../../src/core/SessionStore.js';
import { tokenKey } from '../../../src/core/tokenKey.js';

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
