import { describe, expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { completeSignIn } from '../../../src/dev-idp/index.js';
import {
  buildAuthorizeUrl,
  fetchUserInfo,
  refresh,
  signIn,
  verifyJwt,
} from '../../support/devIdpClient.js';

const shopping = 'https://api.example.com/shopping';
const store = 'https://api.example.com/store';
const alice = { username: 'alice', password: 'alice-password' };
const bob = { username: 'bob', password: 'bob-password' };
const apiScopes = ['read:products', 'write:products', 'read:orders'];
const context = setUpDevIdp({
  ttl: { accessToken: 120 },
});

describe('API resource tokens', () => {
  it('are ES384 JWTs typed at+jwt with aud = indicator and the role scopes ∩ requested', async () => {
    const tokens = await signIn(context.idp, alice, {
      scopes: apiScopes,
      resources: [shopping, store],
    });

    const { status, json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      resource: shopping,
    });

    expect(status).toBe(200);
    expect(json.expires_in).toBe(3600); // the resource's own accessTokenTtl from the seed
    const { header, payload } = await verifyJwt(context.idp, json.access_token);
    expect(header).toMatchObject({ alg: 'ES384', typ: 'at+jwt', kid: expect.any(String) });
    expect(payload).toMatchObject({
      aud: shopping,
      sub: 'u_alice01',
      client_id: 'demo-spa',
      iss: context.idp.issuer,
      scope: 'read:products write:products',
    });
    expect(json.scope).toBe('read:products write:products');
  });

  it('leave out requested scopes that the user has no role for', async () => {
    // bob is only a shopper: read:products, not write:products.
    const tokens = await signIn(context.idp, bob, { scopes: apiScopes, resources: [shopping] });

    const { json } = await refresh(context.idp, tokens.refresh_token ?? '', { resource: shopping });

    expect((await verifyJwt(context.idp, json.access_token)).payload.scope).toBe('read:products');
  });

  it('leave out role scopes that were not requested at sign-in', async () => {
    const tokens = await signIn(context.idp, alice, {
      scopes: ['read:products'],
      resources: [shopping],
    });

    const { json } = await refresh(context.idp, tokens.refresh_token ?? '', { resource: shopping });

    expect((await verifyJwt(context.idp, json.access_token)).payload.scope).toBe('read:products');
  });

  it('are not accepted by userinfo, while the opaque token without resource is', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: apiScopes, resources: [shopping] });
    const { json: api } = await refresh(context.idp, tokens.refresh_token ?? '', {
      resource: shopping,
    });
    const { json: plain } = await refresh(context.idp, api.refresh_token ?? '');

    expect(tokens.access_token.split('.')).toHaveLength(1);
    expect(plain.access_token.split('.')).toHaveLength(1);
    expect(plain.expires_in).toBe(120);
    expect((await fetchUserInfo(context.idp, plain.access_token)).json.sub).toBe('u_alice01');
    expect((await fetchUserInfo(context.idp, api.access_token)).status).toBe(401);
  });
});

describe('invalid_target', () => {
  it('is sent back to the app for an unknown resource at sign-in', async () => {
    const request = buildAuthorizeUrl(context.idp, {
      resources: ['https://api.example.com/unknown'],
    });

    const callback = new URL(await completeSignIn(request.url, alice));

    expect(callback.searchParams.get('error')).toBe('invalid_target');
    expect(callback.searchParams.get('state')).toBe(request.state);
  });

  it('answers a refresh for an unknown resource, and leaves the refresh token usable', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: apiScopes, resources: [shopping] });

    const unknown = await refresh(context.idp, tokens.refresh_token ?? '', {
      resource: 'https://api.example.com/unknown',
    });
    const afterwards = await refresh(context.idp, tokens.refresh_token ?? '', {
      resource: shopping,
    });

    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({
      code: 'oidc.invalid_target',
      message: 'Invalid resource indicator.',
      error: 'invalid_target',
      error_description: expect.any(String),
    });
    expect(afterwards.status).toBe(200);
  });

  it('answers a refresh for a known resource that was not requested at sign-in', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: apiScopes, resources: [shopping] });

    const { status, json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      resource: store,
    });

    expect(status).toBe(400);
    expect(json.error).toBe('invalid_target');
  });
});
