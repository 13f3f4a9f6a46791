import { describe, expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { findForm } from '../../../src/dev-idp/htmlForm.js';
import { NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import {
  buildAuthorizeUrl,
  decodeJwt,
  exchangeCode,
  type AuthorizeOptions,
} from '../../support/devIdpClient.js';

const context = setUpDevIdp();

const isCallback = (url: string) => url.startsWith('http://127.0.0.1:5173/callback');
const alice = { username: 'alice', password: 'alice-password' };

/** Signs alice in through the pages of `browser`, which keeps the IdP's session cookie. */
async function signInWith(browser: NodeBrowser, options: AuthorizeOptions = {}) {
  const request = buildAuthorizeUrl(context.idp, options);
  const page = await browser.navigate(request.url, {}, isCallback);
  if (page.kind !== 'page') throw new Error(`expected the sign-in page, went to ${page.url}`);
  const form = findForm(page.body, page.url, 'sign-in-form');
  if (!form) throw new Error('no sign-in form');
  const done = await browser.submit(form, alice, isCallback);
  if (done.kind !== 'stopped') throw new Error(`expected the callback, got ${done.url}`);
  const { json } = await exchangeCode(context.idp, request, done.url);
  return { request, callback: new URL(done.url), idToken: json.id_token ?? '', json };
}

/** Loads an authorization URL in `browser`; returns the page or the callback it went to. */
async function authorize(browser: NodeBrowser, options: AuthorizeOptions) {
  const request = buildAuthorizeUrl(context.idp, options);
  return { request, navigation: await browser.navigate(request.url, {}, isCallback) };
}

describe('session cookies', () => {
  it('are SameSite=Lax and HttpOnly, like Logto (a cross-site iframe gets none)', async () => {
    const browser = new NodeBrowser();
    const request = buildAuthorizeUrl(context.idp);
    const response = await fetch(request.url, { redirect: 'manual' });
    const cookies = response.headers.getSetCookie();

    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*samesite=lax/i);
      expect(cookie).toMatch(/;\s*httponly/i);
    }
    // A browser that never signed in has nothing to send.
    expect(browser.jar.header(request.url)).toBe('');
  });
});

describe('prompt=none', () => {
  it('answers with a code at once when the browser has an IdP session, with no page shown', async () => {
    const browser = new NodeBrowser();
    await signInWith(browser);

    const { request, navigation } = await authorize(browser, { prompt: 'none' });

    expect(navigation.kind).toBe('stopped');
    const callback = new URL(navigation.url);
    expect(callback.searchParams.get('state')).toBe(request.state);
    expect(callback.searchParams.get('error')).toBeNull();
    const { status, json } = await exchangeCode(context.idp, request, navigation.url);
    expect(status).toBe(200);
    expect(decodeJwt(json.id_token ?? '').payload).toMatchObject({
      sub: 'u_alice01',
      nonce: request.nonce,
    });
    // Logto strips offline_access without prompt=consent: no refresh token from a silent sign-in.
    expect(json.refresh_token).toBeUndefined();
    expect(json.scope.split(' ')).not.toContain('offline_access');
  });

  it('answers consent_required for scopes and resources the sign-in never asked for, like Logto', async () => {
    const browser = new NodeBrowser();
    await signInWith(browser);

    const { request, navigation } = await authorize(browser, {
      prompt: 'none',
      scopes: ['email'],
      resources: ['https://api.example.com/shopping'],
    });

    expect(navigation.kind).toBe('stopped');
    const callback = new URL(navigation.url);
    expect(callback.searchParams.get('error')).toBe('consent_required');
    expect(callback.searchParams.get('error_description')).toBe('requested scopes not granted');
    expect(callback.searchParams.get('state')).toBe(request.state);
  });

  it('answers error=login_required when the browser has no IdP session', async () => {
    const { request, navigation } = await authorize(new NodeBrowser(), { prompt: 'none' });

    expect(navigation.kind).toBe('stopped');
    const callback = new URL(navigation.url);
    expect(callback.searchParams.get('error')).toBe('login_required');
    expect(callback.searchParams.get('state')).toBe(request.state);
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('answers login_required after the user signed out at the IdP (end-session)', async () => {
    const browser = new NodeBrowser();
    const { idToken } = await signInWith(browser);
    const endSession = new URL(`${context.idp.issuer}/session/end`);
    endSession.searchParams.set('id_token_hint', idToken);
    const confirm = await browser.navigate(endSession.href);
    if (confirm.kind !== 'page') throw new Error('expected the sign-out page');
    const form = findForm(confirm.body, confirm.url);
    if (!form) throw new Error('no sign-out form');
    await browser.submit(form, { logout: 'yes' });

    const { navigation } = await authorize(browser, { prompt: 'none' });

    expect(new URL(navigation.url).searchParams.get('error')).toBe('login_required');
  });
});

describe('step-up', () => {
  it('prompt=login shows the sign-in form even with an IdP session, and auth_time moves on', async () => {
    const browser = new NodeBrowser();
    const first = await signInWith(browser, { extraParams: { max_age: '3600' } });
    const firstAuthTime = Number(decodeJwt(first.idToken).payload.auth_time);
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const second = await signInWith(browser, { prompt: 'login consent' });

    const secondAuthTime = Number(decodeJwt(second.idToken).payload.auth_time);
    expect(firstAuthTime).toBeGreaterThan(0);
    expect(secondAuthTime).toBeGreaterThan(firstAuthTime);
    // prompt=consent alongside login keeps the refresh token.
    expect(second.json.refresh_token).toEqual(expect.any(String));
  });

  it('max_age=0 shows the sign-in form even with an IdP session', async () => {
    const browser = new NodeBrowser();
    await signInWith(browser);

    const { navigation } = await authorize(browser, { extraParams: { max_age: '0' } });

    expect(navigation.kind).toBe('page');
    if (navigation.kind === 'page') expect(navigation.body).toContain('id="sign-in-form"');
  });

  it('puts auth_time in the ID token when max_age is asked (OIDC Core 3.1.2.1)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { idToken } = await signInWith(new NodeBrowser(), { extraParams: { max_age: '600' } });

    const authTime = Number(decodeJwt(idToken).payload.auth_time);
    expect(authTime).toBeGreaterThanOrEqual(before - 1);
    expect(authTime).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });
});
