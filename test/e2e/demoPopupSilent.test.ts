import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { submitIdpSignIn } from './support/fixturePage.js';
import { authState, signInOnDemo } from './support/demoPage.js';
import { setUpStack } from './support/startStack.js';

// The demo tries single sign-on on load here (ClientOptions.signInSilently). The app and the dev
// IdP both listen on 127.0.0.1: same site, so the hidden iframe carries the IdP's Lax cookie.
const { stack, browser: launch } = setUpStack({ app: 'demo', demo: { silentSignIn: true } });

// The same demo without single sign-on on load: what <Protected silent> does on its own.
const plain = setUpStack({ app: 'demo' });

const codeExchanges = () =>
  stack().idp.requests.filter((request) => request.grantType === 'authorization_code').length;

/** The URLs the page's own frame navigates to from now on (a popup's or iframe's are not). */
function topLevelNavigations(page: Page): string[] {
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  return navigations;
}

/** Clicks a demo button that opens a popup; returns the popup page. */
async function clickForPopup(page: Page, testId: string): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.click(`[data-testid="${testId}"]`),
  ]);
  return popup;
}

/** The code shown by the demo's error box under the session card. */
async function shownErrorCode(page: Page): Promise<string | null> {
  return page.textContent('[data-testid="action-error-code"]', { timeout: 10_000 });
}

/** Clicks "Try single sign-on" and returns the error code the demo shows, with the time it took. */
async function silentSignInError(page: Page): Promise<{ code: string | null; elapsed: number }> {
  const started = Date.now();
  await page.click('[data-testid="sign-in-silently"]');
  const code = await shownErrorCode(page);
  return { code, elapsed: Date.now() - started };
}

/** Forgets this app's local session (its IndexedDB) while the IdP's cookie stays. */
async function forgetLocalSession(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // The signed-in hint for the next load lives in localStorage: a browser that forgot the
    // session forgot it too.
    localStorage.clear();
    for (const { name } of await indexedDB.databases())
      if (name)
        await new Promise((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = resolve;
        });
  });
}

describe('popup sign-in on the demo', () => {
  it('signs in through a popup: the page never navigates, one code exchange, the popup closes', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
    const exchanges = codeExchanges();
    const navigations = topLevelNavigations(page);

    const popup = await clickForPopup(page, 'sign-in-popup');
    await submitIdpSignIn(popup);
    await popup.waitForEvent('close', { timeout: 10_000 });

    await page.waitForSelector('[data-testid="user-name"]');
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Alice Liddell');
    expect(navigations).toEqual([]);
    expect(codeExchanges() - exchanges).toBe(1);
    // Another tab follows at once, as after a redirect sign-in.
    const other = await browser.newPage();
    await other.goto(`${app.origin}/`);
    await authState(other, 'signed-in');
    expect(browser.blocked).toEqual([]);
  });

  it('reports popup_closed within about a second when the user closes the popup', async () => {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(`${stack().app.origin}/`);
    await authState(page, 'signed-out');

    const popup = await clickForPopup(page, 'sign-in-popup');
    await popup.waitForSelector('#sign-in-form');
    const closedAt = Date.now();
    await popup.close();

    expect(await shownErrorCode(page)).toBe('popup_closed');
    expect(Date.now() - closedAt).toBeLessThan(1500);
    await authState(page, 'signed-out');
  });

  it('reports popup_blocked when the browser refuses the window, and opens nothing', async () => {
    // Headless Chromium here opens popups even without a user gesture and with its blocker on
    // (measured: playwright's ignoreDefaultArgs ['--disable-popup-blocking'] changes nothing), so
    // the page gets what a blocking browser returns from window.open: null.
    const browser = await launch();
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.goto(`${stack().app.origin}/`);
    await authState(page, 'signed-out');
    let popups = 0;
    browser.context.on('page', () => (popups += 1));
    const requestsBefore = browser.requests.length;

    await page.click('[data-testid="sign-in-popup"]');

    expect(await shownErrorCode(page)).toBe('popup_blocked');
    expect(popups).toBe(0);
    // Blocked before anything else: no sign-in was prepared, nothing was asked of the IdP.
    expect(
      browser.requests.slice(requestsBefore).filter((r) => r.url().includes('/oidc/')),
    ).toEqual([]);
    await authState(page, 'signed-out');
  });

  it('ignores forged callback messages from another window and site; the real one signs in', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
    const exchanges = codeExchanges();
    const popup = await clickForPopup(page, 'sign-in-popup');
    await popup.waitForSelector('#sign-in-form');
    const authorize = browser.requests.findLast(
      (request) => new URL(request.url()).pathname === '/oidc/auth',
    );
    const state = new URL(authorize?.url() ?? 'http://x/').searchParams.get('state');
    if (!state) throw new Error('the popup has no state in its URL');
    const forged = `${app.origin}/callback?code=forged&state=${state}`;

    // From the popup while it shows the IdP (another origin) ...
    await popup.evaluate((url) => {
      (window.opener as Window | null)?.postMessage({ type: 'logto:callback', url }, '*');
    }, forged);
    // ... and from another tab of the app itself, with a state it does not know.
    const intruder = await browser.newPage();
    await intruder.goto(`${app.origin}/`);
    await intruder.evaluate(
      ([url, expected]) => {
        const wrong = new BroadcastChannel('logto:callbackpopup.guessed');
        wrong.postMessage({ type: 'logto:callback', url });
        wrong.close();
        // Right channel, but a URL on another origin.
        const right = new BroadcastChannel(`logto:callback${expected}`);
        right.postMessage({
          type: 'logto:callback',
          url: url.replace(/^http:\/\/[^/]+/, 'http://evil.example'),
        });
        right.close();
      },
      [forged, state] as const,
    );
    await page.waitForTimeout(300);
    expect(codeExchanges()).toBe(exchanges);
    await authState(page, 'signed-out');

    await submitIdpSignIn(popup);
    await page.waitForSelector('[data-testid="user-name"]');
    expect(codeExchanges() - exchanges).toBe(1);
  });
});

describe('silent single sign-on on the demo', () => {
  it('with a Logto session: signed in on load with no click and no visible navigation', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    await forgetLocalSession(page);
    const navigations = topLevelNavigations(page);
    const requestsBefore = browser.requests.length;

    const started = Date.now();
    await page.goto(`${app.origin}/`);
    await page.waitForSelector('[data-testid="user-name"]');
    const elapsed = Date.now() - started;

    // The only top-level navigation is the reload itself; Logto answered inside a hidden iframe.
    expect(navigations).toEqual([`${app.origin}/`]);
    const authorizations = browser.requests
      .slice(requestsBefore)
      .filter((request) => new URL(request.url()).pathname === '/oidc/auth');
    expect(authorizations).toHaveLength(1);
    expect(new URL(authorizations[0]?.url() ?? '').searchParams.get('prompt')).toBe('none');
    expect(authorizations[0]?.frame()).not.toBe(page.mainFrame());
    expect(await page.$$('iframe')).toHaveLength(0);
    console.info(`silent sign-on on load: signed in ${elapsed} ms after navigation started`);
  });

  it('without a Logto session: login_required within 5 s', async () => {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(`${stack().app.origin}/`);
    await authState(page, 'signed-out');

    const { code, elapsed } = await silentSignInError(page);
    expect(code).toBe('login_required');

    expect(elapsed).toBeLessThan(5000);
    await authState(page, 'signed-out');
    console.info(`login_required after ${elapsed} ms`);
  });

  it('cross-site (app on localhost, IdP on 127.0.0.1): silent_sign_in_unavailable within 5 s, no hang', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    // A Logto session exists, but its Lax cookie would not reach a cross-site iframe.
    await signInOnDemo(page, app.origin);
    const crossSite = await browser.newPage();
    await crossSite.goto(app.origin.replace('127.0.0.1', 'localhost') + '/');
    await authState(crossSite, 'signed-out');

    const { code, elapsed } = await silentSignInError(crossSite);
    expect(code).toBe('silent_sign_in_unavailable');

    expect(elapsed).toBeLessThan(5000);
    console.info(`silent_sign_in_unavailable after ${elapsed} ms`);
  });
});

describe('session check and step-up on the demo', () => {
  it('a sign-out at the IdP (another window) ends the session in every tab on checkSession()', async () => {
    const browser = await launch();
    const { app, idp } = stack();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    const other = await browser.newPage();
    await other.goto(`${app.origin}/`);
    await authState(other, 'signed-in');
    await page.click('[data-testid="check-session"]');
    await page.waitForSelector('[data-testid="session-alive"]');

    // Another app (here: the IdP's own end-session page in another window) signs the user out.
    const elsewhere = await browser.newPage();
    // Opened by no app, the dev IdP's end-session page asks for a click (logout CSRF).
    await elsewhere.goto(`${idp.issuer}/session/end`);
    await elsewhere.click('button:has-text("Sign out")');
    await elsewhere.waitForSelector('text=You have been signed out');
    await authState(page, 'signed-in');

    await page.click('[data-testid="check-session"]');

    await authState(page, 'signed-out');
    await authState(other, 'signed-out');
  });

  it('reauthenticate() forces the sign-in form in a popup and yields a newer auth_time', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    await page.waitForTimeout(1100);
    const clickedAt = Math.floor(Date.now() / 1000);
    const exchanges = codeExchanges();

    const popup = await clickForPopup(page, 'reauthenticate');
    // The IdP has a session, yet shows its form: prompt=login, max_age=0.
    await submitIdpSignIn(popup);
    await popup.waitForEvent('close', { timeout: 10_000 });

    const authTime = Number(
      await page.getAttribute('[data-testid="auth-time"]', 'data-auth-time', { timeout: 10_000 }),
    );
    expect(authTime).toBeGreaterThanOrEqual(clickedAt);
    expect(codeExchanges() - exchanges).toBe(1);
    await authState(page, 'signed-in');
  });
});

describe('<Protected silent> on the demo (no single sign-on on load)', () => {
  /** The authorization requests the browser made from `from` on, with the frame that made them. */
  const authorizations = (requests: Request[], from: number) =>
    requests
      .slice(from)
      .filter((request) => new URL(request.url()).pathname === '/oidc/auth')
      .map((request) => ({
        prompt: new URL(request.url()).searchParams.get('prompt'),
        topLevel: request.frame() === request.frame().page().mainFrame(),
      }));

  it('with a Logto session: the protected page signs in on the spot, with no redirect', async () => {
    const browser = await plain.browser();
    const { app } = plain.stack();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    await forgetLocalSession(page);
    const navigations = topLevelNavigations(page);
    const requestsBefore = browser.requests.length;

    const started = Date.now();
    await page.goto(`${app.origin}/protected`);
    await page.waitForSelector('[data-testid="protected-content"]');
    const elapsed = Date.now() - started;

    expect(await page.textContent('[data-testid="protected-content"]')).toContain('Alice');
    expect(navigations).toEqual([`${app.origin}/protected`]);
    expect(authorizations(browser.requests, requestsBefore)).toEqual([
      { prompt: 'none', topLevel: false },
    ]);
    expect(await page.$$('iframe')).toHaveLength(0);
    console.info(`<Protected silent>: content shown ${elapsed} ms after navigation started`);
  });

  it('without a Logto session: one silent try, then the sign-in form, and back to the page', async () => {
    const browser = await plain.browser();
    const { app } = plain.stack();
    const page = await browser.newPage();
    const requestsBefore = browser.requests.length;

    await page.goto(`${app.origin}/protected`);
    await submitIdpSignIn(page);
    await page.waitForSelector('[data-testid="protected-content"]');

    expect(new URL(page.url()).pathname).toBe('/protected');
    expect(authorizations(browser.requests, requestsBefore)).toEqual([
      { prompt: 'none', topLevel: false },
      { prompt: 'consent', topLevel: true },
    ]);
  });
});
