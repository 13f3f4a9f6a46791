import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { authState, signInOnDemo } from './support/demoPage.js';
import { setUpStack } from './support/startStack.js';

const { stack, browser: launch } = setUpStack({ app: 'demo' });

/**
 * Counts page loads (document requests) from now on; a redirect loop shows up as many. Cleaning
 * the callback parameters with history.replaceState is not a page load.
 */
function countPageLoads(page: Page): () => number {
  let loads = 0;
  page.on('request', (request) => {
    if (request.resourceType() === 'document' && request.frame() === page.mainFrame()) loads++;
  });
  return () => loads;
}

/** Visits a URL, waits for the callback page's error, and reports how many page loads happened. */
async function visitCallback(
  page: Page,
  url: string,
): Promise<{ code: string | null; navigations: number }> {
  const loads = countPageLoads(page);
  await page.goto(url);
  await page.waitForSelector('[data-testid="callback-error"]');
  // Give a redirect loop the time to show itself.
  await page.waitForTimeout(1500);
  return {
    code: await page.textContent('[data-testid="callback-error-code"]'),
    navigations: loads(),
  };
}

async function expectStillAlice(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  await authState(page, 'signed-in');
  expect(await page.textContent('[data-testid="user-name"]')).toBe('Alice Liddell');
}

describe('hostile callbacks typed into the address bar', () => {
  it('a forged state: readable error, session untouched, no redirect loop', async () => {
    const { app, idp } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    const exchanges = idp.requests.filter((r) => r.grantType === 'authorization_code').length;

    const result = await visitCallback(
      page,
      `${app.origin}/callback?code=stolen&state=forged&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(result.code).toMatch(/^callback_(state_mismatch|no_transaction)$/);
    expect(result.navigations).toBe(1);
    expect(idp.requests.filter((r) => r.grantType === 'authorization_code').length).toBe(exchanges);
    await expectStillAlice(page, app.origin);
  });

  it('a replayed callback URL after sign-in: readable error, session untouched', async () => {
    const { app } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    const callbacks: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('/callback?'))
        callbacks.push(frame.url());
    });
    await signInOnDemo(page, app.origin);
    expect(callbacks).toHaveLength(1);

    const result = await visitCallback(page, callbacks[0] ?? '');
    expect(result.code).toBe('callback_replayed');
    expect(result.navigations).toBe(1);
    await expectStillAlice(page, app.origin);
  });

  it('error=access_denied (the user cancels on the IdP): readable error, no loop', async () => {
    const { app } = stack();
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
    await page.click('[data-testid="sign-in"]');
    await page.waitForSelector('#sign-in-form');
    const loads = countPageLoads(page);
    await page.click('text=Cancel');
    await page.waitForSelector('[data-testid="callback-error"]');
    const loadsAtError = loads();
    await page.waitForTimeout(1500);
    expect(await page.textContent('[data-testid="callback-error-code"]')).toBe(
      'callback_error_response',
    );
    expect(await page.textContent('[data-testid="callback-error"]')).toContain('access_denied');
    // Cancel → the IdP's redirects → /callback, and nothing after it.
    expect(loads() - loadsAtError).toBe(0);
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
  });
});
