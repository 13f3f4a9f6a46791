/**
 * Idle sign-out on the demo (runtime config `idleTimeoutSeconds`), in two tabs of one Chromium
 * profile: what each tab shows, when, and what Logto sees.
 */
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { DevIdp } from '../../src/dev-idp/index.js';
import { authState, signInOnDemo } from './support/demoPage.js';
import type { E2eBrowser } from './support/launchBrowser.js';
import { setUpStack } from './support/startStack.js';

const timeoutMs = 8000;
const warningMs = 4000;
const { stack, browser: launch } = setUpStack({
  app: 'demo',
  demo: { idleTimeoutSeconds: timeoutMs / 1000, idleWarningSeconds: warningMs / 1000 },
});

/** What a tab showed, with the page's own clock: auth badge states, the dialog, API cards. */
interface Seen {
  what: 'signed-in' | 'signed-out' | 'loading' | 'dialog' | 'protected';
  at: number;
}

/**
 * Records, from the first script of every document of `page` on, each change of the auth badge
 * and the first moment the idle dialog or protected content (the API page's cards) appears.
 * Times are taken in the page when the DOM changes, so a tab that then leaves for Logto's
 * end-session page has already reported.
 */
async function watch(page: Page): Promise<Seen[]> {
  const seen: Seen[] = [];
  await page.exposeBinding('__e2eSeen', (_source, what: Seen['what'], at: number) => {
    seen.push({ what, at });
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { __e2eSeen: (what: string, at: number) => void })
      .__e2eSeen;
    let state: string | undefined;
    const shown = new Set<string>();
    new MutationObserver(() => {
      const now = Date.now();
      const badge = document
        .querySelector('[data-testid="auth-state"]')
        ?.getAttribute('data-state');
      if (badge && badge !== state) report((state = badge), now);
      for (const [what, selector] of [
        ['dialog', '[data-testid="idle-dialog"]'],
        ['protected', '[data-testid^="api-card-"]'],
      ] as const) {
        if (document.querySelector(selector) && !shown.has(what)) {
          shown.add(what);
          report(what, now);
        }
        if (!document.querySelector(selector)) shown.delete(what);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  return seen;
}

const firstAt = (seen: Seen[], what: Seen['what'], after = 0) =>
  seen.find((entry) => entry.what === what && entry.at >= after)?.at;

/** When the tabs' shared deadline falls: the last activity they shared, plus the timeout. */
async function sharedDeadline(page: Page): Promise<number> {
  const last = await page.evaluate(() =>
    Number(localStorage.getItem('logto:demo-spa:last-activity')),
  );
  expect(last).toBeGreaterThan(0);
  return last + timeoutMs;
}

/** Revocations and end-session visits Logto saw since `since`. */
function logtoEnds(idp: DevIdp, since: number) {
  const after = idp.requests.filter((request) => request.time >= since);
  return {
    revocations: after.filter((r) => r.method === 'POST' && r.path === '/oidc/token/revocation')
      .length,
    endSessions: after.filter((r) => r.method === 'GET' && r.path === '/oidc/session/end').length,
    refreshes: after.filter((r) => r.grantType === 'refresh_token').length,
  };
}

async function twoSignedInTabs(browser: E2eBrowser) {
  const { app } = stack();
  const a = await browser.newPage();
  const b = await browser.newPage();
  const seenA = await watch(a);
  const seenB = await watch(b);
  await signInOnDemo(a, app.origin);
  await b.goto(`${app.origin}/api`);
  await authState(b, 'signed-in');
  return { a, b, seenA, seenB };
}

describe('idle sign-out in two tabs of the demo', () => {
  it('activity in tab A keeps tab B alive; then both sign out within 1 s of the deadline, Logto once', async () => {
    const { idp } = stack();
    const browser = await launch();
    const { a, b, seenA, seenB } = await twoSignedInTabs(browser);
    const bOpenedAt = Date.now();

    // Someone works in tab A only (pointer moves), for longer than the timeout.
    for (let i = 0; Date.now() - bOpenedAt < timeoutMs + 4000; i++) {
      await a.mouse.move(100 + (i % 2) * 200, 300);
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    expect(await b.getAttribute('[data-testid="auth-state"]', 'data-state')).toBe('signed-in');
    expect(firstAt(seenB, 'dialog')).toBeUndefined();
    expect(firstAt(seenB, 'signed-out')).toBeUndefined();

    // Then nobody does anything. Past the throttle window, the last activity is shared.
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const deadline = await sharedDeadline(b);
    await Promise.all([authState(a, 'signed-out', 15_000), authState(b, 'signed-out', 15_000)]);

    const report = [a, b].map((_, index) => {
      const seen = index === 0 ? seenA : seenB;
      return {
        dialogBeforeDeadline: deadline - (firstAt(seen, 'dialog', stoppedAt) ?? NaN),
        signedOutAfterDeadline: (firstAt(seen, 'signed-out', stoppedAt) ?? NaN) - deadline,
      };
    });
    console.log(
      `[idle] tab A: dialog ${report[0]?.dialogBeforeDeadline} ms before the deadline, signed out ${report[0]?.signedOutAfterDeadline} ms after it; ` +
        `tab B: dialog ${report[1]?.dialogBeforeDeadline} ms before, signed out ${report[1]?.signedOutAfterDeadline} ms after`,
    );
    for (const tab of report) {
      // The countdown showed up `warningMs` before the end (each tab checks once a second).
      expect(tab.dialogBeforeDeadline).toBeGreaterThan(warningMs - 1000);
      expect(tab.dialogBeforeDeadline).toBeLessThanOrEqual(warningMs);
      expect(tab.signedOutAfterDeadline).toBeGreaterThanOrEqual(0);
      expect(tab.signedOutAfterDeadline).toBeLessThan(1000);
    }
    // One tab revoked the refresh token and took Logto's end-session page; the other did not.
    await expect.poll(() => logtoEnds(idp, stoppedAt).endSessions).toBe(1);
    expect(logtoEnds(idp, stoppedAt)).toEqual({ revocations: 1, endSessions: 1, refreshes: 0 });
    // Both say why, also the one back from Logto's end-session page.
    for (const page of [a, b]) {
      await page.waitForSelector('[data-testid="idle-signed-out"]', { timeout: 5000 });
      expect(await page.textContent('[data-testid="idle-signed-out"]')).toContain('after 8 s');
    }

    // Logto's session ended too: signing in again asks for the password.
    await b.goto(`${stack().app.origin}/`);
    await b.click('[data-testid="sign-in"]');
    await b.waitForSelector('#sign-in-form', { timeout: 10_000 });
  });

  it('the countdown shows in both tabs; activity in one, or "Stay signed in" from the keyboard, ends it in both', async () => {
    const browser = await launch();
    const { a, b, seenB } = await twoSignedInTabs(browser);
    await b.waitForSelector('[data-testid="idle-dialog"]', { timeout: timeoutMs });
    await a.waitForSelector('[data-testid="idle-dialog"]', { timeout: 1000 });
    expect(await b.textContent('[data-testid="idle-dialog"]')).toMatch(
      /You will be signed out in [1-4] s/,
    );

    // Any activity counts, so the pointer on its way to the button already ends the warning.
    const box = await a.locator('[data-testid="idle-stay"]').boundingBox();
    await a.mouse.move((box?.x ?? 0) + 10, (box?.y ?? 0) + 10, { steps: 5 });
    await b.waitForSelector('[data-testid="idle-dialog"]', { state: 'detached', timeout: 1500 });
    await a.waitForSelector('[data-testid="idle-dialog"]', { state: 'detached', timeout: 500 });

    // A new period: the countdown comes back, past the deadline it had reached; from the
    // keyboard this time (the dialog puts the focus on its button).
    await a.waitForSelector('[data-testid="idle-dialog"]', { timeout: timeoutMs });
    expect(await a.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'idle-stay',
    );
    await a.keyboard.press('Enter');
    await b.waitForSelector('[data-testid="idle-dialog"]', { state: 'detached', timeout: 1500 });
    expect(await a.isVisible('[data-testid="idle-dialog"]')).toBe(false);
    expect(firstAt(seenB, 'signed-out')).toBeUndefined();
    expect(await b.getAttribute('[data-testid="auth-state"]', 'data-state')).toBe('signed-in');
  });

  it('tabs asleep past the deadline sign out on wake; the one that was opening a page never shows it', async () => {
    const { app, idp } = stack();
    const browser = await launch();
    const a = await browser.newPage();
    const seenA = await watch(a);
    await signInOnDemo(a, app.origin);
    await a.click('[data-testid="nav-api"]');
    await a.waitForSelector('[data-testid="api-card-shopping"]');

    // Tab B is opening the API page when the laptop sleeps: its scripts stop before the app's
    // first line. A `debugger` statement with the debugger attached is what stops it (headless
    // Chromium keeps running the timers of hidden, even frozen, pages).
    const b = await browser.newPage();
    const seenB = await watch(b);
    const cdpB = await browser.context.newCDPSession(b);
    await cdpB.send('Debugger.enable');
    await b.addInitScript(() => {
      debugger; // eslint-disable-line no-debugger
    });
    const bPaused = paused(cdpB);
    await b.goto(`${app.origin}/api`, { waitUntil: 'commit' });
    await bPaused;

    // Tab A, showing the API page, sleeps too.
    const deadline = await sharedDeadline(a);
    const cdpA = await browser.context.newCDPSession(a);
    await cdpA.send('Debugger.enable');
    const aPaused = paused(cdpA);
    await cdpA.send('Debugger.pause');
    await aPaused;
    const sleptAt = Date.now();
    expect(sleptAt).toBeLessThan(deadline - 1000);
    await new Promise((resolve) => setTimeout(resolve, deadline + 1500 - Date.now()));

    // Wake up.
    const wokeAt = Date.now();
    await Promise.all([cdpA.send('Debugger.resume'), cdpB.send('Debugger.resume')]);
    await Promise.all([authState(a, 'signed-out', 10_000), authState(b, 'signed-out', 10_000)]);

    const aSignedOut = (firstAt(seenA, 'signed-out', wokeAt) ?? NaN) - wokeAt;
    const bSignedOut = (firstAt(seenB, 'signed-out', wokeAt) ?? NaN) - wokeAt;
    console.log(
      `[idle] asleep ${wokeAt - sleptAt} ms, woke ${wokeAt - deadline} ms past the deadline; signed out ${aSignedOut} ms (tab A) and ${bSignedOut} ms (tab B) after waking`,
    );
    expect(aSignedOut).toBeLessThan(1000);
    expect(bSignedOut).toBeLessThan(2000);
    // Tab B went from loading to signed out: its protected content never appeared.
    expect(seenB.map((entry) => entry.what)).not.toContain('protected');
    expect(seenB.map((entry) => entry.what)).not.toContain('signed-in');
    expect(await b.isVisible('[data-testid="sign-in-prompt"]')).toBe(true);
    // No token was renewed on waking, and Logto's session was ended once.
    await expect.poll(() => logtoEnds(idp, wokeAt).endSessions).toBe(1);
    expect(logtoEnds(idp, wokeAt)).toEqual({ revocations: 1, endSessions: 1, refreshes: 0 });
  });
});

/** Resolves when the debugger of `cdp`'s page has stopped its scripts. */
function paused(cdp: CDPSession): Promise<void> {
  return new Promise((resolve) => cdp.once('Debugger.paused', () => resolve()));
}
