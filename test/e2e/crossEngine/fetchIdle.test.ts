/**
 * The fetch helper on the demo in Chromium, Firefox and WebKit: the API page's calls go through
 * `useApiFetch` (a 200; another origin refused before any request).
 */
import { expect, it } from 'vitest';
import { forEachEngine } from '../support/forEachEngine.js';
import { demoJson, signInOnDemoWindow } from '../support/pageFlows.js';
import { setUpStack } from '../support/startStack.js';

const { stack } = setUpStack({ app: 'demo' });

forEachEngine((engine) => {
  it('API calls through useApiFetch: a 200, and another origin refused', async () => {
    const { app } = stack();
    const driver = await engine.driver();
    const first = await driver.openWindow();
    await signInOnDemoWindow(first, app.origin);
    await first.click('[data-testid="nav-api"]');
    // The buttons are enabled once the card has its token.
    await first.waitFor('[data-testid="api-token-claims-shopping-masked"]');
    await first.click('[data-testid="api-call-shopping"]');
    expect(await demoJson(first, 'api-result-shopping')).toMatchObject({ sub: 'u_alice01' });
    // "Send it elsewhere" points the helper at https://collector.example: refused, not sent
    // (sent, it would fail as a network error, there being no network here).
    await first.click('[data-testid="api-call-elsewhere-shopping"]');
    expect(await first.text('[data-testid="api-result-shopping-error-code"]')).toBe(
      'origin_refused',
    );
  });
});
