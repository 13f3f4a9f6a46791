/**
 * The fetch helper and idle sign-out on the demo in Chromium, Firefox and WebKit: the API page's
 * calls go through `useApiFetch` (a 200; another origin refused before any request), and two
 * windows left alone sign out together, ending Logto's session once.
 */
import { expect, it } from 'vitest';
import { forEachEngine } from '../support/forEachEngine.js';
import { demoAuthState, demoJson, signInOnDemoWindow } from '../support/pageFlows.js';
import { setUpStack } from '../support/startStack.js';

const timeoutSeconds = 6;
const { stack } = setUpStack({
  app: 'demo',
  demo: { idleTimeoutSeconds: timeoutSeconds, idleWarningSeconds: 3 },
});

forEachEngine((engine) => {
  it('API calls through useApiFetch; two idle windows sign out together, Logto once', async () => {
    const { app, idp } = stack();
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

    const second = await driver.openWindow();
    await second.goto(`${app.origin}/api`);
    await demoAuthState(second, 'signed-in');
    // Nobody touches anything from here on.
    const idleFrom = Date.now();
    const mark = idp.requests.length;
    await Promise.all([
      second.waitFor('[data-testid="idle-dialog"]', { timeout: timeoutSeconds * 1000 }),
      first.waitFor('[data-testid="idle-dialog"]', { timeout: timeoutSeconds * 1000 }),
    ]);
    const signedOutAfter = await Promise.all(
      [first, second].map(async (win) => {
        await demoAuthState(win, 'signed-out', (timeoutSeconds + 5) * 1000);
        return Date.now() - idleFrom;
      }),
    );
    console.log(
      `[${engine.name}] idle windows signed out ${signedOutAfter.join(' and ')} ms after the second one loaded (timeout ${timeoutSeconds} s)`,
    );
    const count = (path: string) => idp.requests.slice(mark).filter((r) => r.path === path).length;
    await expect.poll(() => count('/oidc/session/end')).toBe(1);
    expect(count('/oidc/token/revocation')).toBe(1);
    for (const win of [first, second]) await win.waitFor('[data-testid="idle-signed-out"]');
  });
});
