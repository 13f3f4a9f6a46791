import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { authState, jsonOf, openNav, signInOnDemo } from './support/demoPage.js';
import { setUpStack, shopping, store } from './support/startStack.js';

/**
 * API tokens live 5 minutes: shorter than the skew, so a client that judged token expiry by the
 * device clock against the server's `exp` would find every token already dead (clock ahead) and
 * refresh it again and again.
 */
const { stack, browser: launch } = setUpStack({ app: 'demo', resourceTtl: 300 });

const windowMs = 10_000;

/**
 * A page whose clock is `skewSeconds` off, like a badly set device: `Date` and `Date.now()` are
 * shifted before any script runs, and time keeps flowing. Timers and `performance.now()` are
 * relative and stay as they are, as they do on a real device.
 */
async function skewedPage(skewSeconds: number): Promise<Page> {
  const browser = await launch();
  await browser.context.addInitScript((shiftMs: number) => {
    const RealDate = Date;
    const skewedNow = () => RealDate.now() + shiftMs;
    globalThis.Date = new Proxy(RealDate, {
      construct: (target, args: unknown[], newTarget: (...args: unknown[]) => unknown) =>
        Reflect.construct(target, args.length === 0 ? [skewedNow()] : args, newTarget) as object,
      apply: () => new RealDate(skewedNow()).toString(),
      get: (target, property, receiver: unknown) =>
        property === 'now' ? skewedNow : (Reflect.get(target, property, receiver) as unknown),
    });
  }, skewSeconds * 1000);
  return browser.newPage();
}

describe('the demo on a device whose clock is 10 minutes off', () => {
  it.each([600, -600])(
    'with the clock %i s off: signs in, API tokens come, no refresh storm',
    async (skew) => {
      const { app, idp } = stack();
      const page = await skewedPage(skew);
      await page.goto(`${app.origin}/`);
      const pageSkew = (await page.evaluate(() => Date.now())) / 1000 - Date.now() / 1000;
      expect(Math.abs(pageSkew - skew)).toBeLessThan(5);

      await signInOnDemo(page, app.origin);
      const signedInAt = Date.now();

      await openNav(page, 'api');
      expect(await jsonOf(page, 'api-token-claims-shopping')).toMatchObject({ aud: shopping });
      expect(await jsonOf(page, 'api-token-claims-store')).toMatchObject({ aud: store });
      await page.click('[data-testid="api-call-shopping"]');
      expect(JSON.stringify(await jsonOf(page, 'api-result-shopping'))).toContain('u_alice01');

      // Stay on the page that keeps both tokens fresh for the rest of the window.
      await page.waitForTimeout(Math.max(0, signedInAt + windowMs - Date.now()));
      const tokenRequests = idp.requests.filter(
        (request) =>
          request.path === '/oidc/token' &&
          request.time >= signedInAt &&
          request.time < signedInAt + windowMs,
      );
      const perToken = new Map<string, number>();
      for (const request of tokenRequests) {
        const key = `${request.grantType}:${request.resource ?? ''}`;
        perToken.set(key, (perToken.get(key) ?? 0) + 1);
      }
      console.log(
        `[clock ${skew > 0 ? '+' : ''}${skew / 60} min] token requests in the ${windowMs / 1000} s ` +
          `after sign-in: ${tokenRequests.length} (${[...perToken].map(([key, count]) => `${key} ×${count}`).join(', ')})`,
      );
      // One refresh per API token the page shows, none repeated: no storm.
      expect(tokenRequests.every((request) => request.status === 200)).toBe(true);
      expect([...perToken.values()].every((count) => count <= 1)).toBe(true);
      expect(tokenRequests.map((request) => request.resource).sort()).toEqual([shopping, store]);
      await authState(page, 'signed-in');
    },
  );
});
