/**
 * The demo app in Chromium, Firefox and WebKit: the user's journey, a reload, a hostile callback.
 * Each scenario is written once; forEachEngine runs it per engine.
 */
import { expect, it } from 'vitest';
import { forEachEngine } from '../support/forEachEngine.js';
import { demoAuthState, demoJson, signInOnDemoWindow } from '../support/pageFlows.js';
import { setUpStack, shopping } from '../support/startStack.js';

const { stack } = setUpStack({ app: 'demo' });

forEachEngine((engine) => {
  it('signs in through the IdP form, shows claims and an API token, signs out', async () => {
    const { app, idp } = stack();
    const win = await (await engine.driver()).openWindow();
    idp.clearRequests();
    await signInOnDemoWindow(win, app.origin);
    expect(new URL(await win.url()).pathname).toBe('/');
    expect(await win.text('[data-testid="user-name"]')).toBe('Alice Liddell');
    // React StrictMode runs the callback effect twice: still exactly one code exchange.
    expect(idp.requests.filter((r) => r.grantType === 'authorization_code')).toHaveLength(1);

    await win.click('[data-testid="nav-profile"]');
    expect(await demoJson(win, 'id-token-claims')).toMatchObject({
      username: 'alice',
      iss: idp.issuer,
    });
    await win.click('[data-testid="nav-api"]');
    expect(await demoJson(win, 'api-token-claims-shopping')).toMatchObject({ aud: shopping });
    await win.click('[data-testid="api-call-shopping"]');
    expect(JSON.stringify(await demoJson(win, 'api-result-shopping'))).toContain('u_alice01');

    await win.click('[data-testid="nav-home"]');
    await win.click('[data-testid="sign-out"]');
    await win.waitFor((home) => location.href === home, { arg: `${app.origin}/` });
    await demoAuthState(win, 'signed-out');
    expect(idp.requests.some((r) => r.path === '/oidc/token/revocation')).toBe(true);
    expect(idp.requests.some((r) => r.path === '/oidc/session/end')).toBe(true);
  });

  it('a reload while signed in shows the user with zero requests to the IdP', async () => {
    const { app, idp } = stack();
    const win = await (await engine.driver()).openWindow();
    await signInOnDemoWindow(win, app.origin);
    // Let the sign-in's follow-up requests (userinfo, proactive refresh) settle first.
    await demoAuthState(win, 'signed-in');
    const mark = idp.requests.length;
    await win.reload();
    await win.waitFor('[data-testid="user-name"]');
    const shownAfterMs = await win.evaluate(() => performance.now());
    const oidc = idp.requests.slice(mark).filter((r) => r.path.startsWith('/oidc'));
    console.log(
      `[${engine.name}] reload → user shown after ${shownAfterMs.toFixed(0)} ms; ` +
        `IdP requests: ${oidc.length}`,
    );
    expect(await win.text('[data-testid="user-name"]')).toBe('Alice Liddell');
    expect(oidc.map((r) => r.path)).toEqual([]);
  });

  it('a forged callback: readable error, no token request, no redirect loop, session untouched', async () => {
    const { app, idp } = stack();
    const win = await (await engine.driver()).openWindow();
    await signInOnDemoWindow(win, app.origin);
    const mark = idp.requests.length;

    const forged = `${app.origin}/callback?code=stolen&state=forged&iss=${encodeURIComponent(idp.issuer)}`;
    await win.goto(forged);
    await win.waitFor('[data-testid="callback-error"]');
    expect(await win.text('[data-testid="callback-error-code"]')).toMatch(
      /^callback_(state_mismatch|no_transaction)$/,
    );
    const loadedAt = await win.evaluate(() => performance.timeOrigin);
    // Give a redirect loop the time to show itself: the same document stays on /callback (its
    // parameters cleaned), and the IdP hears nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await win.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    expect(new URL(await win.url()).pathname).toBe('/callback');
    expect(idp.requests.slice(mark).map((r) => r.path)).toEqual([]);

    await win.goto(`${app.origin}/`);
    await demoAuthState(win, 'signed-in');
    expect(await win.text('[data-testid="user-name"]')).toBe('Alice Liddell');
  });
});
