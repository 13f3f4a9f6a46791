import { describe, expect, it } from 'vitest';
import { openTab, signInOnTab, tabState } from './support/fixturePage.js';
import { shopping, setUpStack, store } from './support/startStack.js';

const tokenLifetime = 5;
const pollForMs = 30_000;

const { stack, browser: launch } = setUpStack({
  app: 'fixture',
  resourceTtl: tokenLifetime,
  idp: {
    ttl: { accessToken: tokenLifetime, organizationToken: tokenLifetime },
    // Any reuse of a refresh token kills the session at once: the strictest setting.
    refreshTokenReuseGraceSeconds: 0,
  },
});

describe('three tabs refreshing short-lived tokens for 30 s', () => {
  it('never reuses a refresh token, keeps every tab signed in, refreshes once per pair per period', async () => {
    const browser = await launch();
    const first = await browser.newPage();
    const second = await browser.newPage();
    const third = await browser.newPage();
    await signInOnTab(first, stack().app.origin);
    await openTab(second, stack().app.origin);
    await openTab(third, stack().app.origin);
    expect(await tabState(second)).toBe('signed-in');
    stack().idp.clearRequests();

    const targets: [string | null, string | null][] = [
      [shopping, null],
      [store, null],
      [null, 'acme'],
    ];
    const stats = await Promise.all(
      [first, second, third].map((page) =>
        page.evaluate(([t, ms]) => window.e2e.poll(t, 200, ms), [targets, pollForMs] as const),
      ),
    );

    // A refresh may still be on its way when the polling stops (status 0 until answered): it is
    // judged once answered, not counted as failed.
    const inFlight = () =>
      stack().idp.requests.filter((r) => r.path === '/oidc/token' && r.status === 0).length;
    await expect.poll(inFlight, { timeout: 10_000 }).toBe(0);
    const tokenRequests = stack().idp.requests.filter((request) => request.path === '/oidc/token');
    const failed = tokenRequests.filter((request) => request.status !== 200);
    const perPair = new Map<string, number>();
    for (const request of tokenRequests) {
      const key = `${request.resource ?? '-'} | ${request.organizationId ?? '-'}`;
      perPair.set(key, (perPair.get(key) ?? 0) + 1);
    }
    // A token is fresh for lifetime − leeway, the leeway being capped at half the lifetime.
    const period = tokenLifetime / 2;
    const allowed = Math.ceil(pollForMs / 1000 / period) + 1;
    console.log(
      `[scenario 5] 3 tabs × 3 tokens every 200 ms for ${pollForMs / 1000} s, tokens live ${tokenLifetime} s\n` +
        `  getAccessToken calls per tab: ${stats.map((s) => s.calls).join(', ')} (ok: ${stats.map((s) => s.ok).join(', ')})\n` +
        `  refresh requests per (resource | organization), all tabs: ${JSON.stringify(Object.fromEntries(perPair))}\n` +
        `  total ${tokenRequests.length}, failed ${failed.length}, allowed per pair ${allowed}`,
    );

    expect(failed).toEqual([]);
    for (const tabStats of stats) {
      expect(tabStats.errors).toEqual({});
      expect(tabStats.ok).toBe(tabStats.calls);
    }
    expect(perPair.size).toBe(3);
    for (const count of perPair.values()) {
      expect(count).toBeGreaterThanOrEqual(Math.floor(pollForMs / 1000 / tokenLifetime));
      expect(count).toBeLessThanOrEqual(allowed);
    }
    for (const page of [first, second, third]) expect(await tabState(page)).toBe('signed-in');
    expect(browser.blocked).toEqual([]);
  });
});
