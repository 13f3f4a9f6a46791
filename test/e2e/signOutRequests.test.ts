import { describe, expect, it } from 'vitest';
import { authState, signInOnDemo } from './support/demoPage.js';
import { setUpStack } from './support/startStack.js';

const demo = setUpStack({ app: 'demo' });

describe('sign-out in the demo (Chromium)', () => {
  it('no request of the page fails (no red net::ERR_ABORTED in DevTools), and the refresh token is revoked', async () => {
    const { app, idp } = demo.stack();
    const page = await (await demo.browser()).newPage();
    await signInOnDemo(page, app.origin);
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? '?'}`);
    });
    const mark = idp.requests.length;
    await page.click('[data-testid="sign-out"]');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${app.origin}/`);
    await authState(page, 'signed-out');
    await page.waitForTimeout(300);
    expect(failed).toEqual([]);
    const revocations = idp.requests
      .slice(mark)
      .filter((r) => r.method === 'POST' && r.path === '/oidc/token/revocation');
    expect(revocations.map((r) => r.status)).toEqual([200]);
  });
});
