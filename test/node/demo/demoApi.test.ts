import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoApiPaths } from '../../../demo/server/demoApi.js';
import type { DevIdp } from '../../../src/dev-idp/index.js';
import { createTestKey, signJwt } from '../../helpers/testKeys.js';
import { decodeJwt } from '../../support/devIdpClient.js';
import {
  alice,
  bob,
  callApi,
  serveDemoApi,
  shopping,
  signedIn as signedInAt,
  startDemoIdp,
  store,
  type DemoApi,
} from './demoApiHarness.js';

let idp: DevIdp;
let api: DemoApi;

const signedIn = (credentials: typeof alice) => signedInAt(idp, credentials);
const call = (path: string, token?: string, origin = api.origin) => callApi(origin, path, token);

function jwksRequests(): number {
  return idp.requests.filter((request) => request.path === '/oidc/jwks').length;
}

beforeAll(async () => {
  idp = await startDemoIdp();
  api = await serveDemoApi({ issuer: idp.issuer });
});

afterAll(async () => {
  await api.close();
  await idp.close();
});

describe('demo API with tokens from the dev IdP', () => {
  it('answers 200 with products for a shopping token that has read:products', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: shopping });

    const { status, body } = await call(demoApiPaths.shopping, accessToken);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      api: 'Shopping API',
      audience: shopping,
      sub: 'u_alice01',
      scopes: ['read:products', 'write:products'],
      products: expect.arrayContaining([expect.objectContaining({ id: 'p-100' })]),
    });
  });

  it('answers 200 with orders for a store token that has read:orders', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: store });

    const { status, body } = await call(demoApiPaths.store, accessToken);

    expect(status).toBe(200);
    expect(body).toMatchObject({ api: 'Store API', sub: 'u_alice01', scopes: ['read:orders'] });
    expect(body.orders).toHaveLength(2);
  });

  it('refuses a token issued for another API resource (wrong audience) with 401', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: shopping });

    const { status, challenge, body } = await call(demoApiPaths.store, accessToken);

    expect(status).toBe(401);
    expect(challenge).toContain('error="invalid_token"');
    expect(body).toEqual({
      error: 'invalid_token',
      error_description: `The token is not meant for ${store}.`,
    });
  });

  it('answers 403 insufficient_scope for a valid token without the route scope', async () => {
    // bob is only a shopper: his store token carries no scope at all.
    const tokenFor = await signedIn(bob);
    const { accessToken } = await tokenFor({ resource: store });
    expect(decodeJwt(accessToken).payload.scope ?? '').toBe('');

    const { status, challenge, body } = await call(demoApiPaths.store, accessToken);

    expect(status).toBe(403);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="read:orders"');
    expect(body).toMatchObject({ error: 'insufficient_scope', scope: 'read:orders', granted: [] });
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const tokenFor = await signedIn(bob);
    const { accessToken } = await tokenFor({ resource: store });
    const [header = '', , signature = ''] = accessToken.split('.');
    const payload = { ...decodeJwt(accessToken).payload, scope: 'read:orders' };
    const forged = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;

    const { status, body } = await call(demoApiPaths.store, forged);

    expect(status).toBe(401);
    expect(body.error_description).toBe('The token signature does not verify.');
  });

  it('refuses a token whose signature was altered', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: shopping });
    const [header = '', payload = '', signature = ''] = accessToken.split('.');
    const bytes = Buffer.from(signature, 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;

    const { status, body } = await call(
      demoApiPaths.shopping,
      `${header}.${payload}.${bytes.toString('base64url')}`,
    );

    expect(status).toBe(401);
    expect(body.error_description).toBe('The token signature does not verify.');
  });

  it('refuses an expired token', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: shopping });
    const { exp } = decodeJwt(accessToken).payload as { exp: number };
    // The same API, one second past the token's expiry (plus the 5 s tolerance).
    const later = await serveDemoApi({ issuer: idp.issuer, now: () => exp + 6 });
    try {
      const { status, body } = await call(demoApiPaths.shopping, accessToken, later.origin);

      expect(status).toBe(401);
      expect(body.error_description).toBe('The token has expired.');
    } finally {
      await later.close();
    }
  });

  it('refuses garbage, an alg=none token and an ID token, all with 401 invalid_token', async () => {
    const tokenFor = await signedIn(alice);
    const { idToken, accessToken } = await tokenFor({ resource: shopping });
    const [, payload = ''] = accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;

    const garbage = await call(demoApiPaths.shopping, 'garbage');
    const unsigned = await call(demoApiPaths.shopping, none);
    const id = await call(demoApiPaths.shopping, idToken);

    expect(garbage).toMatchObject({
      status: 401,
      body: { error: 'invalid_token', error_description: 'The access token is not a JWT.' },
    });
    expect(unsigned).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(unsigned.body.error_description).toMatch(/not a JWT|algorithm is not accepted/);
    expect(id).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(id.body.error_description).toContain('not an access token');
  });

  it('answers 401 with a bare Bearer challenge when there is no Authorization header', async () => {
    const { status, challenge, body } = await call(demoApiPaths.shopping);

    expect(status).toBe(401);
    expect(challenge).toBe('Bearer realm="logto-spa-demo"');
    expect(body.error).toBe('missing_token');
  });

  it('never puts the token in its answer', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: shopping });

    const ok = await call(demoApiPaths.shopping, accessToken);
    const refused = await call(demoApiPaths.store, accessToken);

    const [, , signature = ''] = accessToken.split('.');
    expect(JSON.stringify(ok)).not.toContain(signature);
    expect(JSON.stringify(refused)).not.toContain(signature);
  });
});

describe('signing keys', () => {
  it('fetches the JWKS once, then refetches once for an unknown kid (after a cooldown)', async () => {
    const cooldownSeconds = 0.5;
    const local = await serveDemoApi({ issuer: idp.issuer, jwksCooldownSeconds: cooldownSeconds });
    try {
      const tokenFor = await signedIn(alice);
      const { accessToken } = await tokenFor({ resource: shopping });
      const stranger = await createTestKey('ES384', 'not-the-idp');
      const { payload } = decodeJwt(accessToken);
      const foreign = await signJwt(stranger, payload, { typ: 'at+jwt' });
      const before = jwksRequests();

      expect((await call(demoApiPaths.shopping, accessToken, local.origin)).status).toBe(200);
      expect((await call(demoApiPaths.shopping, accessToken, local.origin)).status).toBe(200);
      expect(jwksRequests() - before).toBe(1);

      // Right after a fetch, an unknown kid does not fetch again...
      const first = await call(demoApiPaths.shopping, foreign, local.origin);
      expect(first.status).toBe(401);
      expect(first.body.error_description).toBe('The token was signed with an unknown key.');
      expect(jwksRequests() - before).toBe(1);

      // ...after the cooldown it does (a rotation would be picked up), and still refuses a key
      // the IdP does not publish.
      await new Promise((resolve) => setTimeout(resolve, cooldownSeconds * 1000 + 100));
      expect((await call(demoApiPaths.shopping, foreign, local.origin)).status).toBe(401);
      expect(jwksRequests() - before).toBe(2);
    } finally {
      await local.close();
    }
  });

  it('refuses a revoked token with 401 invalid_token, and accepts its replacement', async () => {
    const revoked = new Set<unknown>();
    const local = await serveDemoApi({
      issuer: idp.issuer,
      isRevoked: (claims) => revoked.has(claims.jti),
    });
    try {
      const tokenFor = await signedIn(alice);
      const { accessToken } = await tokenFor({ resource: shopping });
      revoked.add(decodeJwt(accessToken).payload.jti);

      const refused = await call(demoApiPaths.shopping, accessToken, local.origin);
      const { accessToken: replacement } = await tokenFor({ resource: shopping });
      const accepted = await call(demoApiPaths.shopping, replacement, local.origin);

      expect(refused.status).toBe(401);
      expect(refused.challenge).toContain('error="invalid_token"');
      expect(refused.body.error_description).toBe('The token was revoked.');
      expect(accepted.status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('answers 503 when the IdP cannot be reached for its keys', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: shopping });
    const unreachable = await serveDemoApi({ issuer: 'http://127.0.0.1:1/oidc' });
    try {
      const { status, body } = await call(demoApiPaths.shopping, accessToken, unreachable.origin);

      expect(status).toBe(503);
      expect(body.error).toBe('temporarily_unavailable');
    } finally {
      await unreachable.close();
    }
  });
});

describe('routing', () => {
  it('leaves pages (the /api page too) to the next handler; unknown API paths get 404', async () => {
    const page = await fetch(`${api.origin}/profile`);
    const apiPage = await fetch(`${api.origin}/api`);
    const unknown = await call('/api/nothing-here');

    expect(page.status).toBe(418);
    expect(apiPage.status).toBe(418);
    expect(unknown).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('answers 405 to anything but GET', async () => {
    const response = await fetch(`${api.origin}${demoApiPaths.shopping}`, { method: 'POST' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
