import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInOnTab } from './support/fixturePage.js';
import { shopping, setUpStack } from './support/startStack.js';

const tokenLifetime = 5;
const { stack, browser: launch } = setUpStack({
  app: 'fixture',
  resourceTtl: tokenLifetime,
  idp: {
    ttl: { accessToken: tokenLifetime, organizationToken: tokenLifetime },
    refreshTokenReuseGraceSeconds: 0,
  },
});

/** Headless Chromium always reports `visible`; the test sets the state the OS would. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

describe('a tab that sleeps past token expiry', () => {
  it('refreshes the token it uses as soon as it is visible again, before the app asks', async () => {
    const browser = await launch();
    const page = await browser.newPage();
    await signInOnTab(page, stack().app.origin);
    const firstToken = await page.evaluate(
      (resource) => window.e2e.client.getAccessToken(resource),
      shopping,
    );

    // The laptop sleeps: the tab is hidden and its JavaScript stops (no timer runs) for longer
    // than the token lives. The debugger pause is what stops it: headless Chromium keeps running
    // timers of hidden, even "frozen", pages.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Debugger.enable');
    await setVisibility(page, 'hidden');
    const sleptAt = Date.now();
    await cdp.send('Debugger.pause');
    await new Promise((resolve) => setTimeout(resolve, (tokenLifetime + 1) * 1000));
    const refreshesWhileAsleep = stack().idp.requests.filter(
      (r) => r.grantType === 'refresh_token' && r.time >= sleptAt,
    );

    await cdp.send('Debugger.resume');
    const wokeAt = Date.now();
    await setVisibility(page, 'visible');

    await page.waitForFunction(
      ([resource, since]) =>
        window.e2e.refreshed.some((event) => event.resource === resource && event.at >= since),
      [shopping, wokeAt] as const,
      { timeout: 2000 },
    );
    const refreshedAfter = stack().idp.requests.filter(
      (r) => r.grantType === 'refresh_token' && r.time >= wokeAt,
    );
    console.log(
      `[scenario 8] refreshed ${refreshedAfter[0] ? refreshedAfter[0].time - wokeAt : '?'} ms after the tab became visible`,
    );
    expect(refreshesWhileAsleep).toEqual([]);
    expect(
      refreshedAfter.some((request) => request.resource === shopping && request.status === 200),
    ).toBe(true);
    // The app now gets the renewed token from the cache, with no request of its own.
    const requestsBefore = stack().idp.requests.length;
    const renewed = await page.evaluate(
      (resource) => window.e2e.client.getAccessToken(resource),
      shopping,
    );
    expect(renewed).not.toBe(firstToken);
    expect(stack().idp.requests.length).toBe(requestsBefore);
  });
});
