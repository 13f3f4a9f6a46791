import { describe, expect, it } from 'vitest';
import { submitIdpSignIn } from './support/fixturePage.js';
import { authState, jsonOf, openNav, signInOnDemo } from './support/demoPage.js';
import { setUpStack, shopping } from './support/startStack.js';

const { stack, browser: launch } = setUpStack({ app: 'demo' });

describe('the demo, as a user goes through it', () => {
  it('signs in, shows profile and userinfo, API and organization tokens, the protected page, signs out', async () => {
    const browser = await launch();
    const { app, idp } = stack();
    const page = await browser.newPage();
    await signInOnDemo(page, app.origin);
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Alice Liddell');
    // React StrictMode runs the callback effect twice: still exactly one code exchange.
    expect(
      idp.requests.filter((request) => request.grantType === 'authorization_code'),
    ).toHaveLength(1);

    await openNav(page, 'profile');
    expect(await jsonOf(page, 'id-token-claims')).toMatchObject({
      username: 'alice',
      iss: idp.issuer,
    });
    const userInfo = await jsonOf(page, 'userinfo');
    expect(userInfo).toHaveProperty('custom_data');
    expect(userInfo.organization_data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'acme' })]),
    );

    await openNav(page, 'api');
    expect(await jsonOf(page, 'api-token-claims-shopping')).toMatchObject({ aud: shopping });
    await page.click('[data-testid="api-call-shopping"]');
    const answer = await jsonOf(page, 'api-result-shopping');
    expect(JSON.stringify(answer)).toContain('u_alice01');

    await openNav(page, 'organizations');
    await page.click('[data-testid="org-option-acme"]');
    expect(await jsonOf(page, 'org-token-claims')).toMatchObject({
      aud: 'urn:logto:organization:acme',
    });

    await openNav(page, 'protected');
    await page.waitForSelector('[data-testid="protected-content"]');

    await openNav(page, 'home');
    await page.click('[data-testid="sign-out"]');
    await page.waitForURL(`${app.origin}/`);
    await authState(page, 'signed-out');
    expect(idp.requests.some((request) => request.path === '/oidc/token/revocation')).toBe(true);
    // Nothing but loopback was ever contacted (no fonts, no scripts from the web).
    expect(browser.blocked).toEqual([]);
  });

  it('signs up on the dev IdP registration page and ends signed in', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
    await page.click('[data-testid="sign-up"]');
    await page.waitForSelector('#sign-up-form');
    expect(new URL(page.url()).pathname).not.toContain('/oidc/auth');
    await page.fill('#sign-up-form input[name="username"]', 'dana');
    await page.fill('#sign-up-form input[name="password"]', 'dana-password-1');
    await page.fill('#sign-up-form input[name="name"]', 'Dana Scully');
    await page.click('#sign-up-form button[type="submit"]');
    await page.waitForSelector('[data-testid="user-name"]');
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Dana Scully');
  });

  it('a wrong password shows an error on the IdP page, then the right one signs in', async () => {
    const browser = await launch();
    const { app } = stack();
    const page = await browser.newPage();
    await page.goto(`${app.origin}/`);
    await authState(page, 'signed-out');
    await page.click('[data-testid="sign-in"]');
    await submitIdpSignIn(page, { username: 'bob', password: 'not-bobs-password' });
    expect(await page.textContent('[role="alert"]')).toBeTruthy();
    await submitIdpSignIn(page, { username: 'bob', password: 'bob-password' });
    await page.waitForSelector('[data-testid="user-name"]');
  });
});
