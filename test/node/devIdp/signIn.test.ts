import { describe, expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { completeSignIn } from '../../../src/dev-idp/index.js';
import { findLink } from '../../../src/dev-idp/htmlForm.js';
import { NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import { buildAuthorizeUrl, decodeJwt, exchangeCode, signIn } from '../../support/devIdpClient.js';

const context = setUpDevIdp();

const isCallback = (url: string) => url.startsWith('http://127.0.0.1:5173/callback');

/** Opens the authorization URL in a fresh browser and returns the first page. */
async function openFirstPage(url: string, browser = new NodeBrowser()) {
  const page = await browser.navigate(url, {}, isCallback);
  if (page.kind !== 'page') throw new Error(`expected a page, went to ${page.url}`);
  return { url: page.url, html: page.body, status: page.status, browser };
}

describe('sign-in page', () => {
  it('is plain offline HTML with the sign-in form and a link to sign-up', async () => {
    const { html, status } = await openFirstPage(buildAuthorizeUrl(context.idp).url);

    expect(status).toBe(200);
    expect(html).toContain('<title>Sign in – logto-spa dev IdP</title>');
    expect(html).toMatch(
      /<form id="sign-in-form" method="post" action="\/interaction\/[^"]+\/sign-in">/,
    );
    expect(html).toContain('<input id="username" name="username"');
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toMatch(/<a href="\/interaction\/[^"]+\/sign-up">/);
    // Nothing loaded from anywhere: no external scripts, stylesheets, fonts or images.
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
  });

  it('pre-fills the username from login_hint', async () => {
    const request = buildAuthorizeUrl(context.idp, { extraParams: { login_hint: 'bob' } });

    const { html } = await openFirstPage(request.url);

    expect(html).toContain(
      'name="username" autocomplete="username" autocapitalize="none" value="bob"',
    );
  });

  it('signs a seeded user in and consents automatically, straight back to the app', async () => {
    const request = buildAuthorizeUrl(context.idp);

    const callback = await completeSignIn(request.url, {
      username: 'alice',
      password: 'alice-password',
    });

    const url = new URL(callback);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:5173/callback');
    expect(url.searchParams.get('state')).toBe(request.state);
    const { status, json } = await exchangeCode(context.idp, request, callback);
    expect(status).toBe(200);
    expect(decodeJwt(json.id_token ?? '').payload).toMatchObject({
      sub: 'u_alice01',
      nonce: request.nonce,
    });
  });

  it('shows an error on the page for a wrong password and does not redirect', async () => {
    const request = buildAuthorizeUrl(context.idp);

    await expect(
      completeSignIn(request.url, { username: 'alice', password: 'wrong' }),
    ).rejects.toThrow('The username or password is incorrect.');
    await expect(
      completeSignIn(request.url, { username: 'nobody', password: 'alice-password' }),
    ).rejects.toThrow('The username or password is incorrect.');
  });

  it('answers a post that is not a form with 400, leaving the sign-in open', async () => {
    const { url, browser } = await openFirstPage(buildAuthorizeUrl(context.idp).url);

    const post = await browser.navigate(`${url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"alice"}',
    });
    const retry = await browser.navigate(url, {}, isCallback);

    expect(post.kind === 'page' && post.status).toBe(400);
    expect(retry.kind === 'page' && retry.body.includes('id="sign-in-form"')).toBe(true);
  });

  it('returns access_denied to the app when the user cancels', async () => {
    const { url, html, browser } = await openFirstPage(buildAuthorizeUrl(context.idp).url);
    const cancel = findLink(html, url, '/abort') ?? '';

    const end = await browser.navigate(cancel, {}, isCallback);

    expect(end.kind).toBe('stopped');
    expect(new URL(end.url).searchParams.get('error')).toBe('access_denied');
  });
});

describe('sign-up page', () => {
  it.each([
    ['first_screen=register', { first_screen: 'register' }],
    ['interaction_mode=signUp', { interaction_mode: 'signUp' }],
  ])('is the first screen with %s', async (_label, extraParams) => {
    const { html } = await openFirstPage(buildAuthorizeUrl(context.idp, { extraParams }).url);

    expect(html).toContain('<title>Create account – logto-spa dev IdP</title>');
    expect(html).toMatch(
      /<form id="sign-up-form" method="post" action="\/interaction\/[^"]+\/sign-up">/,
    );
    for (const field of ['username', 'password', 'name', 'email']) {
      expect(html).toContain(`name="${field}"`);
    }
  });

  it('creates the user in memory, signs them in, and lets them sign in again later', async () => {
    const tokens = await signIn(
      context.idp,
      {
        signUp: { username: 'carol', password: 'carol-pw', name: 'Carol', email: 'c@example.com' },
      },
      { scopes: ['email'], extraParams: { first_screen: 'register' } },
    );

    const claims = decodeJwt(tokens.id_token ?? '').payload;
    expect(claims).toMatchObject({ username: 'carol', name: 'Carol', email: 'c@example.com' });
    expect(claims.sub).toMatch(/^u_/);
    const again = await signIn(context.idp, { username: 'carol', password: 'carol-pw' });
    expect(decodeJwt(again.id_token ?? '').payload.sub).toBe(claims.sub);
  });

  it('is reachable from the sign-in page link', async () => {
    const tokens = await signIn(context.idp, { signUp: { username: 'dave', password: 'dave-pw' } });

    expect(decodeJwt(tokens.id_token ?? '').payload).toMatchObject({
      username: 'dave',
      name: null,
    });
  });

  it('refuses a username that is taken, on the page', async () => {
    const request = buildAuthorizeUrl(context.idp, { extraParams: { interaction_mode: 'signUp' } });

    await expect(
      completeSignIn(request.url, { signUp: { username: 'alice', password: 'x' } }),
    ).rejects.toThrow('The username "alice" is already taken.');
  });
});
