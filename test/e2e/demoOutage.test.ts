import { describe, expect, it } from 'vitest';
import { authState, jsonOf, openNav, signInOnDemo } from './support/demoPage.js';
import { setUpStack, shopping } from './support/startStack.js';

const tokenLifetime = 4;
const { stack, browser: launch } = setUpStack({ app: 'demo', resourceTtl: tokenLifetime });

describe('the IdP goes away while the user is signed in', () => {
  it('shows a network error but stays signed in; when the IdP is back the next action works, no reload', async () => {
    const { app, idp } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    await openNav(page, 'api');
    const before = await jsonOf(page, 'api-token-claims-shopping');
    expect(before).toMatchObject({ aud: shopping });
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });

    // Go down right after a proactive refresh has completed, not in the middle of one: a refresh
    // the IdP performs but whose answer is lost leaves the browser with a used refresh token.
    const mark = idp.requests.length;
    await expect
      .poll(
        () =>
          idp.requests
            .slice(mark)
            .some(
              (r) => r.grantType === 'refresh_token' && r.resource === shopping && r.status === 200,
            ),
        { timeout: tokenLifetime * 2000, interval: 20 },
      )
      .toBe(true);
    await idp.suspend();
    try {
      await page.waitForTimeout(tokenLifetime * 1000);
      await page.click('[data-testid="api-token-refetch-shopping"]');
      await page.waitForSelector('[data-testid="api-token-error-shopping"]');
      expect(await page.textContent('[data-testid="api-token-error-shopping-code"]')).toBe(
        'network_error',
      );
      await authState(page, 'signed-in');
    } finally {
      await idp.resume();
    }

    await page.click('[data-testid="api-token-refetch-shopping"]');
    await page.waitForSelector('[data-testid="api-token-claims-shopping"]');
    const after = await jsonOf(page, 'api-token-claims-shopping');
    expect(after.aud).toBe(shopping);
    expect(after.exp).not.toBe(before.exp);
    await authState(page, 'signed-in');
    expect(navigations).toBe(0);
  });
});
