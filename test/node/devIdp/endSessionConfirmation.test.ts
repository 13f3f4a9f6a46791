import { describe, expect, it } from 'vitest';

import { findForm } from '../../../src/dev-idp/htmlForm.js';
import { NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import { buildAuthorizeUrl, exchangeCode } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const context = setUpDevIdp();

const appOrigin = 'http://127.0.0.1:5173';
const isApp = (url: string) => url.startsWith(`${appOrigin}/`);
const alice = { username: 'alice', password: 'alice-password' };

/** A browser with an IdP session for alice, and the ID token the app got. */
async function signedInBrowser(): Promise<{ browser: NodeBrowser; idToken: string }> {
  const browser = new NodeBrowser();
  const request = buildAuthorizeUrl(context.idp);
  const page = await browser.navigate(request.url, {}, isApp);
  const form = page.kind === 'page' ? findForm(page.body, page.url, 'sign-in-form') : undefined;
  if (!form) throw new Error('expected the sign-in page');
  const done = await browser.submit(form, alice, isApp);
  if (done.kind !== 'stopped') throw new Error('expected the callback');
  const { json } = await exchangeCode(context.idp, request, done.url);
  return { browser, idToken: json.id_token ?? '' };
}

/** Whether the browser still has an IdP session: prompt=none answers with a code. */
async function hasIdpSession(browser: NodeBrowser): Promise<boolean> {
  const url = buildAuthorizeUrl(context.idp, { prompt: 'none' }).url;
  const navigation = await browser.navigate(url, {}, isApp);
  return navigation.kind === 'stopped' && new URL(navigation.url).searchParams.has('code');
}

function endSessionUrl(params: Record<string, string>): string {
  const url = new URL(`${context.idp.issuer}/session/end`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

describe('end session without a registered app asks for a click (no logout CSRF)', () => {
  it('shows a confirmation form, with no script, to a bare /session/end any site can link to', async () => {
    const { browser } = await signedInBrowser();

    const page = await browser.navigate(endSessionUrl({}), {}, isApp);

    if (page.kind !== 'page') throw new Error('expected the confirmation page');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<button type="submit">Sign out</button>');
    expect(await hasIdpSession(browser)).toBe(true);

    // The click: the form (with oidc-provider's XSRF token) ends the session.
    const form = findForm(page.body, page.url);
    expect(form?.fields.get('xsrf')).toEqual(expect.any(String));
    expect(form?.fields.get('logout')).toBe('yes');
    const done = await browser.submit(
      form ?? { action: '', method: 'POST', fields: new Map() },
      {},
      isApp,
    );
    expect(done.kind === 'page' && done.body.includes('You have been signed out.')).toBe(true);
    expect(await hasIdpSession(browser)).toBe(false);
  });

  it.each<[string, (idToken: string) => Record<string, string>]>([
    ['a client_id but no post_logout_redirect_uri', () => ({ client_id: 'demo-spa' })],
    [
      'a post_logout_redirect_uri but no client_id',
      () => ({ post_logout_redirect_uri: `${appOrigin}/` }),
    ],
    [
      'an id_token_hint and a registered post_logout_redirect_uri but no client_id',
      (idToken) => ({ id_token_hint: idToken, post_logout_redirect_uri: `${appOrigin}/` }),
    ],
  ])('asks for a click for %s', async (_label, params) => {
    const { browser, idToken } = await signedInBrowser();

    const page = await browser.navigate(endSessionUrl(params(idToken)), {}, isApp);

    if (page.kind !== 'page') throw new Error('expected the confirmation page');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<button type="submit">Sign out</button>');
    expect(await hasIdpSession(browser)).toBe(true);
  });

  it("signs the app's sign-out (client_id and a registered post_logout_redirect_uri) out by itself", async () => {
    const { browser } = await signedInBrowser();

    const page = await browser.navigate(
      endSessionUrl({ client_id: 'demo-spa', post_logout_redirect_uri: `${appOrigin}/` }),
      {},
      isApp,
    );

    if (page.kind !== 'page') throw new Error('expected the sign-out page');
    expect(page.body).toContain('document.forms[0].submit()');
  });
});
