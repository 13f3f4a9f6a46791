import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSeed, startDevIdp, type DevIdp } from '../../../src/dev-idp/index.js';
import { findForm } from '../../../src/dev-idp/htmlForm.js';
import { httpRequest } from '../../../src/dev-idp/httpRequest.js';
import { NodeBrowser } from '../../../src/dev-idp/NodeBrowser.js';
import {
  buildAuthorizeUrl,
  decodeJwt,
  getJson,
  refresh,
  signIn,
  tokenRequest,
} from '../../support/devIdpClient.js';

const appOrigin = 'http://127.0.0.1:5173';
const extraOrigin = 'http://localhost:4000';
const foreignOrigin = 'http://evil.example';
const alice = { username: 'alice', password: 'alice-password' };
let idp: DevIdp;

beforeAll(async () => {
  const seed = await loadSeed('demo/idp.seed.json');
  seed.app.corsOrigins = [extraOrigin];
  idp = await startDevIdp({
    seed,
    port: 0,
    quiet: true,
    refreshTokenReuseGraceSeconds: 0,
    ttl: { accessToken: 30, idToken: 90 },
  });
});

afterAll(async () => {
  await idp.close();
});

describe('discovery', () => {
  it('puts every endpoint where a Logto tenant has it, signing with ES384', async () => {
    const { json } = await getJson(`${idp.issuer}/.well-known/openid-configuration`);

    expect(json).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/auth`,
      token_endpoint: `${idp.issuer}/token`,
      userinfo_endpoint: `${idp.issuer}/me`,
      revocation_endpoint: `${idp.issuer}/token/revocation`,
      end_session_endpoint: `${idp.issuer}/session/end`,
      jwks_uri: `${idp.issuer}/jwks`,
      id_token_signing_alg_values_supported: ['ES384'],
      code_challenge_methods_supported: ['S256'],
    });
    const { json: jwks } = await getJson(`${idp.issuer}/jwks`);
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-384', alg: 'ES384', kid: expect.any(String) }),
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it.each([
    ['without a code challenge', { code_challenge: '' }],
    ['with the plain method', { code_challenge_method: 'plain' }],
  ])(
    'requires PKCE S256: an authorization request %s goes back with an error',
    async (_l, change) => {
      const url = new URL(buildAuthorizeUrl(idp).url);
      for (const [key, value] of Object.entries(change)) {
        if (value === '') url.searchParams.delete(key);
        else url.searchParams.set(key, value);
      }

      const response = await httpRequest(url.href);

      const location = new URL(response.headers.location ?? '', url);
      expect(location.origin).toBe(appOrigin);
      expect(location.searchParams.get('error')).toBe('invalid_request');
    },
  );
});

describe('end session', () => {
  const isApp = (url: string) => url.startsWith(`${appOrigin}/`);

  it('signs out and goes to a registered post_logout_redirect_uri without a confirmation click', async () => {
    const browser = new NodeBrowser();
    const signInPage = await browser.navigate(buildAuthorizeUrl(idp).url, {}, isApp);
    const signInForm =
      signInPage.kind === 'page' ? findForm(signInPage.body, signInPage.url) : undefined;
    expect(signInForm).toBeDefined();
    await browser.submit(
      signInForm ?? { action: '', method: 'POST', fields: new Map() },
      alice,
      isApp,
    );
    const endSession = new URL(`${idp.issuer}/session/end`);
    endSession.searchParams.set('client_id', 'demo-spa');
    endSession.searchParams.set('post_logout_redirect_uri', `${appOrigin}/`);

    const page = await browser.navigate(endSession.href, {}, isApp);

    if (page.kind !== 'page') throw new Error('expected the sign-out page');
    expect(page.body).toContain('document.forms[0].submit()');
    expect(page.body).not.toMatch(/@import|<link|src=/);
    const form = findForm(page.body, page.url);
    expect(form?.fields.get('logout')).toBe('yes');
    const end = await browser.submit(
      form ?? { action: '', method: 'POST', fields: new Map() },
      {},
      isApp,
    );
    expect(end).toEqual({ kind: 'stopped', url: `${appOrigin}/` });
    // The IdP session is gone: the next sign-in asks for credentials again.
    const next = await browser.navigate(buildAuthorizeUrl(idp).url, {}, isApp);
    expect(next.kind === 'page' && next.body.includes('id="sign-in-form"')).toBe(true);
  });

  it('refuses an unregistered post_logout_redirect_uri with 400 invalid_request', async () => {
    const endSession = new URL(`${idp.issuer}/session/end`);
    endSession.searchParams.set('client_id', 'demo-spa');
    endSession.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:5173/elsewhere');

    const json = await httpRequest(endSession.href, { headers: { accept: 'application/json' } });
    const html = await httpRequest(endSession.href, { headers: { accept: 'text/html' } });

    expect(json.status).toBe(400);
    expect(JSON.parse(json.body)).toMatchObject({
      code: 'oidc.invalid_request',
      error: 'invalid_request',
    });
    expect(html.status).toBe(400);
    expect(html.body).toContain('invalid_request');
  });
});

describe('revocation', () => {
  const revoke = (token: string) =>
    httpRequest(`${idp.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'demo-spa', token }).toString(),
    });

  it('answers 200 and the revoked refresh token stops working', async () => {
    const tokens = await signIn(idp, alice);

    const response = await revoke(tokens.refresh_token ?? '');

    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect((await refresh(idp, tokens.refresh_token ?? '')).json.error).toBe('invalid_grant');
  });

  it('answers 200 for an unknown token', async () => {
    expect((await revoke('no-such-token')).status).toBe(200);
  });
});

describe('CORS', () => {
  const discovery = () => `${idp.issuer}/.well-known/openid-configuration`;
  const preflight = (origin: string) =>
    httpRequest(`${idp.issuer}/token`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it.each([appOrigin, extraOrigin])(
    'allows the app origin %s, preflight included',
    async (origin) => {
      const get = await httpRequest(discovery(), { headers: { origin } });
      const options = await preflight(origin);

      expect(get.headers['access-control-allow-origin']).toBe(origin);
      expect(options.status).toBe(204);
      expect(options.headers['access-control-allow-origin']).toBe(origin);
      expect(options.headers['access-control-allow-methods']).toContain('POST');
      expect(options.headers['access-control-allow-headers']).toBe('content-type');
    },
  );

  it('keeps the header on error responses for the app origin', async () => {
    const response = await tokenRequest(
      idp,
      { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: 'nope' },
      { origin: appOrigin },
    );

    expect(response.status).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBe(appOrigin);
  });

  it('gives a foreign origin no Access-Control-Allow-Origin anywhere', async () => {
    const get = await httpRequest(discovery(), { headers: { origin: foreignOrigin } });
    const jwks = await httpRequest(`${idp.issuer}/jwks`, { headers: { origin: foreignOrigin } });
    const options = await preflight(foreignOrigin);
    const token = await tokenRequest(
      idp,
      { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: 'nope' },
      { origin: foreignOrigin },
    );

    for (const response of [get, jwks, options, token]) {
      expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    }
    expect(token.status).toBe(400);
  });
});

describe('CORS beyond the OIDC routes', () => {
  // A wrong `endpoint` (e.g. with /oidc twice) must read as a 404 in the browser, not as a CORS
  // failure that hides the status.
  const paths = [
    ['a wrong endpoint path', '/wrong/oidc/.well-known/openid-configuration', 404],
    ['an unknown path under /oidc', '/oidc/nothing-here', 404],
    ['the home page', '/', 200],
    ['an avatar', '/avatar/alice.svg', 200],
    ['an unknown interaction', '/interaction/no-such-uid', 400],
  ] as const;

  it.each(paths)('answers %s (%s) with the app origin allowed', async (_name, path, status) => {
    const response = await httpRequest(`${idp.origin}${path}`, { headers: { origin: appOrigin } });

    expect(response.status).toBe(status);
    expect(response.headers['access-control-allow-origin']).toBe(appOrigin);
    expect(response.headers.vary).toMatch(/\bOrigin\b/i);
  });

  it.each(paths)(
    'answers %s (%s) with no CORS header for a foreign origin',
    async (_name, path) => {
      const response = await httpRequest(`${idp.origin}${path}`, {
        headers: { origin: foreignOrigin },
      });

      expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    },
  );

  it('answers a preflight to a wrong path for the app origin only, never with *', async () => {
    const preflight = (origin: string) =>
      httpRequest(`${idp.origin}/wrong/oidc/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });

    const allowed = await preflight(appOrigin);
    const refused = await preflight(foreignOrigin);

    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(appOrigin);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    expect(refused.headers).not.toHaveProperty('access-control-allow-origin');
  });
});

describe('lifetimes and availability', () => {
  it('uses the configured access-token and ID-token lifetimes', async () => {
    const tokens = await signIn(idp, alice);

    const { payload } = decodeJwt(tokens.id_token ?? '');

    expect(tokens.expires_in).toBe(30);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(90);
  });

  it('keeps every grant across suspend() and resume(), unreachable in between', async () => {
    const tokens = await signIn(idp, alice);

    await idp.suspend();
    const during = httpRequest(`${idp.issuer}/jwks`);
    await expect(during).rejects.toThrow(/ECONNREFUSED/);
    await idp.resume();

    const { status } = await refresh(idp, tokens.refresh_token ?? '');
    expect(status).toBe(200);
  });
});

describe('static files', () => {
  it('answers /favicon.ico with an empty 204 (no 404 in browser consoles) and unknown paths with 404', async () => {
    const favicon = await httpRequest(`${idp.origin}/favicon.ico`);
    expect(favicon.status).toBe(204);
    expect(favicon.body).toBe('');
    expect((await httpRequest(`${idp.origin}/nothing-here`)).status).toBe(404);
  });
});
