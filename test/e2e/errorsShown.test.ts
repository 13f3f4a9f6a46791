import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eBuildDir } from './globalSetup.js';
import { startAppServer } from './support/startAppServer.js';
import { setUpStack } from './support/startStack.js';

const guard = setUpStack({ app: 'guard' });

/** The page's console.error lines from now on. */
function consoleErrors(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') lines.push(message.text());
  });
  return lines;
}

describe('errors a newcomer meets are shown, never an endless "Loading…"', () => {
  it('a page on an origin Logto does not allow: <Protected> names both origins and the possible causes', async () => {
    const { app, idp } = guard.stack();
    const page = await (await guard.browser()).newPage();
    const errors = consoleErrors(page);
    // Same server, but as http://localhost:<port>: an origin the IdP's seed does not register.
    const unregistered = app.origin.replace('127.0.0.1', 'localhost');
    await page.goto(`${unregistered}/protected`);
    const alert = await page.waitForSelector('[role="alert"][data-logto-error="network_error"]', {
      timeout: 10_000,
    });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`${idp.issuer}/.well-known/openid-configuration failed`);
    expect(text).toContain(
      `this page's origin ${unregistered} is not among the app's allowed origins`,
    );
    expect(text).toContain('down or unreachable');
    expect(await page.$('#state')).toBeNull();
    // The development build logs it once (StrictMode mounts twice).
    await page.waitForTimeout(300);
    expect(errors.filter((line) => line.includes('[logto] <Protected>'))).toHaveLength(1);
  });

  it('the demo with an invalid scope shows the configuration error instead of a blank page', async () => {
    const { idp } = guard.stack();
    const demo = await startAppServer({
      root: resolve(e2eBuildDir, 'demo'),
      runtimeConfig: () => ({ endpoint: idp.origin, scopes: ['read products'] }),
    });
    try {
      const page = await (await guard.browser()).newPage();
      await page.goto(`${demo.origin}/`);
      const box = await page.waitForSelector('[data-testid="startup-error"]', { timeout: 10_000 });
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('The Logto configuration is invalid');
      expect(text).toContain('config_invalid');
      expect(text).toContain('scopes[0]');
      expect(await page.textContent('[data-testid="startup-config"]')).toContain('read products');
    } finally {
      await demo.close();
    }
  });
});
