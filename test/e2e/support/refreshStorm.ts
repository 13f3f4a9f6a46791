import { expect } from 'vitest';
import type { BrowserDriver } from './BrowserDriver.js';
import { fixtureState, openFixture, signInOnFixture } from './pageFlows.js';
import { shopping, store, type Stack } from './startStack.js';

/** Token lifetime of the storm's IdP (resource and organization tokens), in seconds. */
export const stormTokenLifetime = 3;

/** The IdP settings for a storm: short tokens and no grace, so one reuse kills the session. */
export const stormIdp = {
  resourceTtl: stormTokenLifetime,
  idp: {
    ttl: { accessToken: stormTokenLifetime, organizationToken: stormTokenLifetime },
    refreshTokenReuseGraceSeconds: 0,
  },
} as const;

const targets: [string | null, string | null][] = [
  [shopping, null],
  [store, null],
  [null, 'acme'],
];

export interface StormFigures {
  /** Refresh requests the IdP answered, all windows together. */
  refreshes: number;
  /** Refresh requests per (resource | organization). */
  perPair: Record<string, number>;
  /** getAccessToken calls per window. */
  calls: number[];
}

/**
 * Two windows of one profile ask for three short-lived tokens every `everyMs` for `forMs`, so
 * both keep racing to refresh the same tokens with one rotating refresh token. Asserts what a user
 * needs: every call succeeded, the IdP refused nothing (with no reuse grace, a refresh token
 * presented twice revokes the grant and fails), both windows are still signed in, and each token
 * was refreshed about once per period rather than once per window. Returns the figures.
 */
export async function runRefreshStorm(
  driver: BrowserDriver,
  stack: Stack,
  { everyMs = 250, forMs = 15_000 } = {},
): Promise<StormFigures> {
  const { app, idp } = stack;
  const windows = [await driver.openWindow(), await driver.openWindow()];
  const [first, second] = windows as [(typeof windows)[0], (typeof windows)[0]];
  await signInOnFixture(first, app.origin);
  await openFixture(second, app.origin);
  expect(await fixtureState(second)).toBe('signed-in');
  idp.clearRequests();

  for (const win of windows) {
    await win.evaluate(([t, every, ms]) => window.e2e.startPoll(t, every, ms), [
      targets,
      everyMs,
      forMs,
    ] as const);
  }
  const stats = [];
  for (const win of windows) stats.push(await win.evaluate(() => window.e2e.pollDone));

  // A proactive refresh may still be on its way when the polls end: let the IdP answer it.
  await expect
    .poll(() => idp.requests.filter((request) => request.status === 0), { timeout: 5000 })
    .toEqual([]);
  const refreshes = idp.requests.filter((request) => request.path === '/oidc/token');
  const perPair: Record<string, number> = {};
  for (const request of refreshes) {
    const key = `${request.resource ?? '-'} | ${request.organizationId ?? '-'}`;
    perPair[key] = (perPair[key] ?? 0) + 1;
  }
  expect(
    refreshes
      .filter((request) => request.status !== 200)
      .map(({ status, grantType, resource, organizationId }) => ({
        status,
        grantType,
        resource,
        organizationId,
      })),
  ).toEqual([]);
  for (const tab of stats) {
    expect(tab?.errors).toEqual({});
    expect(tab?.ok).toBe(tab?.calls);
  }
  // A token counts as fresh for lifetime − leeway, the leeway being capped at half the lifetime.
  const period = stormTokenLifetime / 2;
  expect(Object.keys(perPair)).toHaveLength(targets.length);
  for (const count of Object.values(perPair)) {
    expect(count).toBeGreaterThanOrEqual(Math.floor(forMs / 1000 / stormTokenLifetime));
    expect(count).toBeLessThanOrEqual(Math.ceil(forMs / 1000 / period) + 1);
  }
  for (const win of windows) expect(await fixtureState(win)).toBe('signed-in');
  return { refreshes: refreshes.length, perPair, calls: stats.map((tab) => tab?.calls ?? 0) };
}
