import { describe, expect, it } from 'vitest';
import { authState, signInOnDemo } from './support/demoPage.js';
import { submitIdpForm } from './support/pageFlows.js';
import { playwrightWindow } from './support/engines/chromiumEngine.js';
import { setUpStack } from './support/startStack.js';

const { stack, browser: launch } = setUpStack({ app: 'demo' });

/** The chunk with the sign-in steps and oidc-client-ts, as the demo's Vite build names it. */
const isSignInCode = (url: string): boolean =>
  /\/SignInSteps-[^/]*\.js$/.test(new URL(url).pathname);

describe('the sign-in code (oidc-client-ts and the callback steps) loads only for a sign-in', () => {
  it('is downloaded when the user signs in, and not when a signed-in user reloads', async () => {
    const { app } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
    expect(browser.requests.map((request) => request.url()).filter(isSignInCode)).toEqual([]);

    await signInOnDemo(page, app.origin);
    expect(browser.requests.map((request) => request.url()).filter(isSignInCode)).not.toEqual([]);

    const reloadStart = browser.requests.length;
    await page.reload();
    await page.waitForSelector('[data-testid="user-name"]');
    const reload = browser.requests.slice(reloadStart).map((request) => request.url());
    expect(reload.some((url) => new URL(url).pathname.endsWith('.js'))).toBe(true);
    expect(reload.filter(isSignInCode)).toEqual([]);
  });

  it('when it cannot be downloaded, Sign in shows network_error naming it, and works on the next click', async () => {
    const { app } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await page.route(
      (url) => isSignInCode(url.href),
      (route) => route.abort('internetdisconnected'),
    );
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');

    await page.click('[data-testid="sign-in"]');
    const alert = await page.waitForSelector('[data-testid="action-error"]');
    expect(await page.textContent('[data-testid="action-error-code"]')).toBe('network_error');
    const message = (await alert.textContent()) ?? '';
    expect(message).toMatch(new RegExp(`${app.origin}/assets/SignInSteps-[^ ]*\\.js failed`));
    expect(message).toContain('reload the page if the app was updated');
    expect(new URL(page.url()).origin).toBe(app.origin);

    await page.unrouteAll();
    await page.click('[data-testid="sign-in"]');
    await submitIdpForm(playwrightWindow(page));
    await page.waitForSelector('[data-testid="user-name"]');
  });
});
