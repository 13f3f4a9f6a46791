import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { authState, jsonOf, openNav, signInOnDemo } from './support/demoPage.js';
import { setUpStack, shopping } from './support/startStack.js';

const { stack, browser: launch } = setUpStack({ app: 'demo' });

/** How the page's IndexedDB misbehaves, installed before any script of the page runs. */
type Breakage = 'open-throws' | 'open-never-answers';

async function openBrokenPage(breakage: Breakage): Promise<{ page: Page; warnings: string[] }> {
  const browser = await launch();
  await browser.context.addInitScript((mode: Breakage) => {
    IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
      // Blocked site data throws; some locked-down modes hand back a request that never settles.
      if (mode === 'open-throws') throw new DOMException('blocked by policy', 'SecurityError');
      return new EventTarget() as IDBOpenDBRequest;
    };
  }, breakage);
  const page = await browser.newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('[logto-spa]'))
      warnings.push(message.text());
  });
  return { page, warnings };
}

/** What the tab holds: its sessionStorage keys, and whether the SDK's database exists. */
function storageOf(page: Page) {
  return page.evaluate(async () => ({
    sessionKeys: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((database) => database.name),
  }));
}

describe('the demo in a browser whose IndexedDB is blocked', () => {
  it('signs in through the IdP form, shows claims, gets an API token, reloads signed in, signs out', async () => {
    const { app, idp } = stack();
    const { page, warnings } = await openBrokenPage('open-throws');

    await signInOnDemo(page, app.origin);
    const stored = await storageOf(page);
    expect(stored.sessionKeys).toContain('logto:demo-spa:session');
    expect(stored.databases).not.toContain('logto-spa');

    await openNav(page, 'profile');
    expect(await jsonOf(page, 'id-token-claims')).toMatchObject({
      username: 'alice',
      iss: idp.issuer,
    });
    await openNav(page, 'api');
    expect(await jsonOf(page, 'api-token-claims-shopping')).toMatchObject({ aud: shopping });
    await page.click('[data-testid="api-call-shopping"]');
    expect(JSON.stringify(await jsonOf(page, 'api-result-shopping'))).toContain('u_alice01');

    await page.reload();
    await authState(page, 'signed-in');

    await openNav(page, 'home');
    await page.click('[data-testid="sign-out"]');
    await page.waitForURL(`${app.origin}/`);
    await authState(page, 'signed-out');
    expect(idp.requests.some((request) => request.path === '/oidc/token/revocation')).toBe(true);
    expect((await storageOf(page)).sessionKeys).not.toContain('logto:demo-spa:session');

    // One warning per page load (home, IdP round trip back to the callback, reload, post-logout),
    // naming the fallback, never carrying a token.
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      expect(warning).toContain("this tab's sessionStorage");
      expect(warning).toContain('SecurityError');
      expect(warning).not.toMatch(/eyJ|refresh_token|code=/);
    }
    console.log(
      `[no IndexedDB] journey (sign-in → callback → claims → API token → reload → sign-out) passed; ` +
        `${warnings.length} console warnings over the journey's page loads`,
    );
  });

  it('does not hang when indexedDB.open never answers: sign-in completes on the fallback', async () => {
    const { app } = stack();
    const { page, warnings } = await openBrokenPage('open-never-answers');
    const started = Date.now();
    await signInOnDemo(page, app.origin);
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Alice Liddell');
    expect(warnings[0]).toContain('did not answer within');
    console.log(
      `[no IndexedDB] open never answers: signed in after ${Date.now() - started} ms ` +
        '(two page loads, each waiting out the probe timeout)',
    );
  });
});
