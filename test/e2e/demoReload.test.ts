import { describe, expect, it } from 'vitest';
import { signInOnDemo } from './support/demoPage.js';
import { setUpStack } from './support/startStack.js';

const { stack, browser: launch } = setUpStack({ app: 'demo' });

describe('reloading while signed in', () => {
  it('shows the signed-in state from stored claims with zero requests to the IdP', async () => {
    const { app, idp } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);

    const browserStart = browser.requests.length;
    const idpStart = idp.requests.length;
    // Every state the auth badge shows from the first paint on, with when (ms after navigation).
    await page.addInitScript(() => {
      const seen: [string, number][] = [];
      (window as unknown as { badgeStates: [string, number][] }).badgeStates = seen;
      new MutationObserver(() => {
        const state = document
          .querySelector('[data-testid="auth-state"]')
          ?.getAttribute('data-state');
        if (state && state !== seen.at(-1)?.[0]) seen.push([state, performance.now()]);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.reload();
    await page.waitForSelector('[data-testid="user-name"]');
    const shownAfterMs = await page.evaluate(() => performance.now());
    const browserToIdp = browser.requests
      .slice(browserStart)
      .map((request) => new URL(request.url()))
      .filter((url) => url.origin === idp.origin);
    const oidcRequests = idp.requests
      .slice(idpStart)
      .filter((request) => request.path.startsWith('/oidc'));

    console.log(
      `[scenario 3] reload → signed-in page with the user's name after ${shownAfterMs.toFixed(0)} ms ` +
        `(from navigation start); requests to /oidc: ${oidcRequests.length}; ` +
        `other requests to the IdP host: ${browserToIdp.map((url) => url.pathname).join(', ') || 'none'}`,
    );
    const badgeStates = await page.evaluate(
      () => (window as unknown as { badgeStates: [string, number][] }).badgeStates,
    );
    console.log(
      `[scenario 3] auth badge after reload: ${badgeStates.map(([state, at]) => `${state} at ${at.toFixed(0)} ms`).join(', ')}`,
    );
    // The first render is already signed in (claims kept for it), never "Loading…".
    expect(badgeStates.map(([state]) => state)).toEqual(['signed-in']);
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Alice Liddell');
    expect(oidcRequests).toEqual([]);
    // The only thing fetched from the IdP host is the user's picture (an <img>), never an OIDC call.
    expect(browserToIdp.every((url) => url.pathname.startsWith('/avatar/'))).toBe(true);
  });
});
