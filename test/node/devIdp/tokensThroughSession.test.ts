/**
 * A browser SDK without a usable refresh token gets API tokens through the IdP's session:
 * `prompt=none` with `resource`, then the code exchange with `resource`. Measured against Logto
 * OSS 1.37 (DESIGN.md §10, "Tokens through Logto's session").
 */
import { describe, expect, it } from 'vitest';

import { NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import { httpRequest } from '../../../src/dev-idp/httpRequest.js';
import { verifyJwt } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';
import { authorizeInBrowser, redeemCode, signInWithBrowser } from './browserSession.js';

const context = setUpDevIdp();

const shopping = 'https://api.example.com/shopping';
const shoppingScopes = ['read:products', 'write:products'];
const store = 'https://api.example.com/store';

/** A browser signed in the way the Logto SDK signs in: the API and its scopes, prompt=consent. */
async function signedInBrowser(scopes = shoppingScopes) {
  const browser = new NodeBrowser();
  const { request, callbackUrl } = await signInWithBrowser(context.idp, browser, {
    scopes,
    resources: [shopping],
  });
  const { json: tokens } = await redeemCode(context.idp, request, callbackUrl);
  return { browser, refreshToken: tokens.refresh_token ?? '' };
}

/** Asks for a token for `resource` through the session, as a hidden iframe would. */
function silently(browser: NodeBrowser, resource: string, scope: string) {
  return authorizeInBrowser(context.idp, browser, {
    prompt: 'none',
    resources: [resource],
    scope,
  });
}

function callbackParams(navigation: { kind: string; url: string }) {
  expect(navigation.kind).toBe('stopped');
  return new URL(navigation.url).searchParams;
}

describe('prompt=none for an API the sign-in consented to', () => {
  it('answers at once with a code; the exchange with resource gives that API a JWT and no refresh token', async () => {
    const { browser } = await signedInBrowser();

    const { request, navigation } = await silently(
      browser,
      shopping,
      `openid ${shoppingScopes.join(' ')}`,
    );

    const params = callbackParams(navigation);
    expect(params.get('error')).toBeNull();
    expect(params.get('state')).toBe(request.state);
    const { status, json } = await redeemCode(context.idp, request, navigation.url, {
      resource: shopping,
    });
    expect(status).toBe(200);
    expect(json.refresh_token).toBeUndefined();
    const accessToken = await verifyJwt(context.idp, json.access_token);
    expect(accessToken.header.typ).toBe('at+jwt');
    expect(accessToken.payload).toMatchObject({
      aud: shopping,
      sub: 'u_alice01',
      scope: 'read:products write:products',
      client_id: 'demo-spa',
    });
    expect(json.scope.split(' ').sort()).toEqual(shoppingScopes);
  });

  it('gives no refresh token with offline_access in the scope either (Logto needs prompt=consent for it)', async () => {
    const { browser } = await signedInBrowser();

    const { request, navigation } = await silently(
      browser,
      shopping,
      'openid offline_access read:products',
    );

    expect(callbackParams(navigation).get('error')).toBeNull();
    const { status, json } = await redeemCode(context.idp, request, navigation.url, {
      resource: shopping,
    });
    expect(status).toBe(200);
    expect(json.refresh_token).toBeUndefined();
    expect((await verifyJwt(context.idp, json.access_token)).payload).toMatchObject({
      aud: shopping,
      scope: 'read:products',
    });
  });

  it('ignores organization_id on the code exchange, like Logto (no organization token from a code)', async () => {
    const browser = new NodeBrowser();
    const scopes = ['read:orders', 'urn:logto:scope:organizations'];
    const signIn = await signInWithBrowser(context.idp, browser, {
      scopes,
      resources: [store, 'urn:logto:resource:organizations'],
    });
    await redeemCode(context.idp, signIn.request, signIn.callbackUrl);
    const scope = `openid ${scopes.join(' ')}`;
    const withOrganization = await silently(browser, store, scope);
    const withoutOrganization = await silently(browser, store, scope);

    const organizationExchange = await redeemCode(
      context.idp,
      withOrganization.request,
      withOrganization.navigation.url,
      { resource: store, organization_id: 'acme' },
    );
    const plainExchange = await redeemCode(
      context.idp,
      withoutOrganization.request,
      withoutOrganization.navigation.url,
      { resource: store },
    );

    // oidc-provider keeps only the parameters of the authorization_code grant, and Logto adds
    // organization_id to the refresh grant only: the same API token, with no organization claim.
    expect(organizationExchange.status).toBe(200);
    const token = (await verifyJwt(context.idp, organizationExchange.json.access_token)).payload;
    const plain = (await verifyJwt(context.idp, plainExchange.json.access_token)).payload;
    expect(token).not.toHaveProperty('organization_id');
    expect(token.aud).toBe(store);
    expect(token.scope).toBe(plain.scope);
    expect(organizationExchange.json.refresh_token).toBeUndefined();
  });
});

describe('prompt=none for what the grant does not hold', () => {
  it('answers consent_required for an API scope never consented', async () => {
    const { browser } = await signedInBrowser(['read:products']);

    const { request, navigation } = await silently(browser, shopping, 'openid write:products');

    const params = callbackParams(navigation);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('error_description')).toBe('requested scopes not granted');
    expect(params.get('state')).toBe(request.state);
    expect(params.get('code')).toBeNull();
  });

  it('answers consent_required for an API the sign-in never asked for', async () => {
    const { browser } = await signedInBrowser();

    const { navigation } = await silently(browser, store, 'openid read:orders');

    expect(callbackParams(navigation).get('error')).toBe('consent_required');
  });

  it('answers consent_required for an OpenID scope never consented', async () => {
    const { browser } = await signedInBrowser();

    const { navigation } = await silently(browser, shopping, 'openid email read:products');

    expect(callbackParams(navigation).get('error')).toBe('consent_required');
  });

  it('answers consent_required once the refresh token was revoked (revocation revokes the whole grant)', async () => {
    const { browser, refreshToken } = await signedInBrowser();
    const scope = `openid ${shoppingScopes.join(' ')}`;
    const before = await silently(browser, shopping, scope);
    expect(callbackParams(before.navigation).get('code')).not.toBeNull();

    const revocation = await httpRequest(`${context.idp.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: context.idp.seed.app.appId,
        token: refreshToken,
      }).toString(),
    });
    const { request, navigation } = await silently(browser, shopping, scope);

    expect(revocation.status).toBe(200);
    const params = callbackParams(navigation);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('state')).toBe(request.state);
  });

  it('answers login_required without an IdP session (no cookie)', async () => {
    const { request, navigation } = await silently(
      new NodeBrowser(),
      shopping,
      `openid ${shoppingScopes.join(' ')}`,
    );

    const params = callbackParams(navigation);
    expect(params.get('error')).toBe('login_required');
    expect(params.get('state')).toBe(request.state);
  });
});
