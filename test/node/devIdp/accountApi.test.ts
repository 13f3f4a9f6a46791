import { describe, expect, it } from 'vitest';

import { startDevIdp } from '../../../src/dev-idp/index.js';
import { accountScopes, callAccountApi } from '../../support/accountApiClient.js';
import { fetchUserInfo, refresh, signIn, verifyJwt } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const bob = { username: 'bob', password: 'bob-password' };
const alice = { username: 'alice', password: 'alice-password' };
const context = setUpDevIdp();

describe('Account API authentication', () => {
  it('answers 401 auth.authorization_header_missing without a token, with CORS for any origin', async () => {
    const { status, json, headers } = await callAccountApi(context.idp, 'GET', '/my-account', {
      headers: { origin: 'https://elsewhere.test' },
    });

    expect(status).toBe(401);
    expect(json).toMatchObject({ code: 'auth.authorization_header_missing' });
    expect(json).toHaveProperty('message', expect.any(String));
    expect(headers['access-control-allow-origin']).toBe('https://elsewhere.test');
  });

  it('answers 401 auth.unauthorized for an unknown token and for an API-resource JWT', async () => {
    const tokens = await signIn(context.idp, alice, {
      resources: ['https://api.example.com/shopping'],
    });
    const api = await refresh(context.idp, tokens.refresh_token ?? '', {
      resource: 'https://api.example.com/shopping',
    });

    for (const token of ['not-a-token', api.json.access_token]) {
      const { status, json } = await callAccountApi(context.idp, 'GET', '/my-account', { token });

      expect(status).toBe(401);
      expect(json).toMatchObject({ code: 'auth.unauthorized' });
    }
  });

  it('answers 401 for a revoked grant', async () => {
    const tokens = await signIn(context.idp, bob);
    await refresh(context.idp, tokens.refresh_token ?? '');
    // A reuse of the rotated refresh token revokes the grant and its access tokens.
    await refresh(context.idp, tokens.refresh_token ?? '');

    const { status } = await callAccountApi(context.idp, 'GET', '/my-account', {
      token: tokens.access_token,
    });

    expect(status).toBe(401);
  });

  it('answers a preflight with the headers the client sends', async () => {
    const { status, headers } = await callAccountApi(context.idp, 'OPTIONS', '/my-account', {
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type,logto-verification-id',
      },
    });

    expect(status).toBe(204);
    expect(headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    expect(headers['access-control-allow-methods']).toContain('PATCH');
    expect(headers['access-control-allow-headers']).toBe(
      'authorization,content-type,logto-verification-id',
    );
  });

  it('answers an unknown path 404 and a wrong method 405', async () => {
    const tokens = await signIn(context.idp, bob);

    const unknown = await callAccountApi(context.idp, 'GET', '/my-account/nope', {
      token: tokens.access_token,
    });
    const wrongMethod = await callAccountApi(context.idp, 'PUT', '/my-account', {
      token: tokens.access_token,
    });

    expect(unknown.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
  });
});

describe('GET /api/my-account', () => {
  it('shows what the scopes allow', async () => {
    const narrow = await signIn(context.idp, alice);
    const wide = await signIn(context.idp, alice, { scopes: accountScopes });

    const { status, json } = await callAccountApi(context.idp, 'GET', '/my-account', {
      token: narrow.access_token,
    });
    const full = await callAccountApi(context.idp, 'GET', '/my-account', {
      token: wide.access_token,
    });

    expect(status).toBe(200);
    expect(json).toEqual({
      id: 'u_alice01',
      name: 'Alice Liddell',
      avatar: 'http://127.0.0.1:3001/avatar/alice.svg',
      username: 'alice',
      profile: {},
      lastSignInAt: null,
      createdAt: 1735689600000,
      updatedAt: expect.any(Number),
      applicationId: null,
      isSuspended: false,
      hasPassword: true,
    });
    expect(full.json).toMatchObject({
      primaryEmail: 'alice@example.com',
      primaryPhone: '+15550100',
      customData: { theme: 'dark', plan: 'pro' },
      identities: {},
    });
  });
});

describe('PATCH /api/my-account and /api/my-account/profile', () => {
  it('change the name, avatar and custom data; userinfo and the next ID token see them', async () => {
    const tokens = await signIn(context.idp, bob, { scopes: ['custom_data'] });

    const { status, json } = await callAccountApi(context.idp, 'PATCH', '/my-account', {
      token: tokens.access_token,
      body: {
        name: 'Robert Builder',
        avatar: 'https://example.com/bob.png',
        customData: { plan: 'free' },
      },
    });

    expect(status).toBe(200);
    expect(json).toMatchObject({
      name: 'Robert Builder',
      avatar: 'https://example.com/bob.png',
      customData: { plan: 'free' },
    });
    const userInfo = await fetchUserInfo(context.idp, tokens.access_token);
    expect(userInfo.json).toMatchObject({ name: 'Robert Builder', custom_data: { plan: 'free' } });
    const refreshed = await refresh(context.idp, tokens.refresh_token ?? '');
    const { payload } = await verifyJwt(context.idp, refreshed.json.id_token ?? '');
    expect(payload).toMatchObject({
      name: 'Robert Builder',
      picture: 'https://example.com/bob.png',
    });
    expect(context.idp.seed.users[1]?.name).toBe('Bob Builder');
  });

  it('refuse custom data without the custom_data scope, a taken username and a null username', async () => {
    const tokens = await signIn(context.idp, bob);
    const patch = (body: unknown) =>
      callAccountApi(context.idp, 'PATCH', '/my-account', { token: tokens.access_token, body });

    expect(await patch({ customData: {} })).toMatchObject({
      status: 400,
      json: { code: 'auth.unauthorized' },
    });
    expect(await patch({ username: 'ALICE' })).toMatchObject({
      status: 422,
      json: { code: 'user.username_already_in_use' },
    });
    expect(await patch({ username: null })).toMatchObject({
      status: 400,
      json: { code: 'user.username_required' },
    });
  });

  it('answer 400 guard.invalid_input for a bad body, naming the key and not the value', async () => {
    const tokens = await signIn(context.idp, bob);
    const patch = (body: unknown) =>
      callAccountApi(context.idp, 'PATCH', '/my-account', { token: tokens.access_token, body });

    const wrongType = await patch({ name: 42 });
    const badUsername = await patch({ username: '1secret-value' });
    const notAnObject = await patch(['x']);

    expect(wrongType).toMatchObject({ status: 400, json: { code: 'guard.invalid_input' } });
    expect(JSON.stringify(wrongType.json)).toContain('name');
    expect(badUsername).toMatchObject({ status: 400, json: { code: 'guard.invalid_input' } });
    expect(JSON.stringify(badUsername.json)).not.toContain('secret-value');
    expect(notAnObject.status).toBe(400);
  });

  it('renames the user, who keeps their organizations and signs in with the new name', async () => {
    const tokens = await signIn(context.idp, alice, {
      scopes: ['urn:logto:scope:organizations'],
    });

    await callAccountApi(context.idp, 'PATCH', '/my-account', {
      token: tokens.access_token,
      body: { username: 'alice_l' },
    });

    const again = await signIn(
      context.idp,
      { username: 'alice_l', password: 'alice-password' },
      { scopes: ['urn:logto:scope:organizations'] },
    );
    const { payload } = await verifyJwt(context.idp, again.id_token ?? '');
    expect(payload).toMatchObject({ username: 'alice_l', organizations: ['acme', 'globex'] });
    await callAccountApi(context.idp, 'PATCH', '/my-account', {
      token: again.access_token,
      body: { username: 'alice' },
    });
  });

  it('merge profile fields; the address needs the address scope', async () => {
    const tokens = await signIn(context.idp, bob, { scopes: ['address'] });
    const narrow = await signIn(context.idp, bob);

    const { status, json } = await callAccountApi(context.idp, 'PATCH', '/my-account/profile', {
      token: tokens.access_token,
      body: { givenName: 'Bob', address: { country: 'NZ' } },
    });
    await callAccountApi(context.idp, 'PATCH', '/my-account/profile', {
      token: tokens.access_token,
      body: { familyName: 'Builder' },
    });
    const refused = await callAccountApi(context.idp, 'PATCH', '/my-account/profile', {
      token: narrow.access_token,
      body: { address: { country: 'AU' } },
    });

    expect(status).toBe(200);
    expect(json).toEqual({ givenName: 'Bob', address: { country: 'NZ' } });
    expect(refused).toMatchObject({ status: 400, json: { code: 'auth.unauthorized' } });
    const userInfo = await fetchUserInfo(context.idp, tokens.access_token);
    expect(userInfo.json).toMatchObject({
      given_name: 'Bob',
      family_name: 'Builder',
      address: { country: 'NZ' },
    });
  });
});

describe('the account center switch', () => {
  it('answers account_center.not_enabled when the seed leaves it off', async () => {
    const { accountCenter: _omitted, ...seed } = context.idp.seed;
    const idp = await startDevIdp({
      seed,
      port: 0,
      quiet: true,
    });
    try {
      const tokens = await signIn(idp, bob);

      const { status, json } = await callAccountApi(idp, 'GET', '/my-account', {
        token: tokens.access_token,
      });

      expect(status).toBe(400);
      expect(json).toMatchObject({ code: 'account_center.not_enabled' });
    } finally {
      await idp.close();
    }
  });

  it('hides Off fields and refuses changes to ReadOnly ones', async () => {
    const idp = await startDevIdp({
      seed: {
        ...context.idp.seed,
        accountCenter: { enabled: true, fields: { name: 'ReadOnly', avatar: 'Edit' } },
      },
      port: 0,
      quiet: true,
    });
    try {
      const tokens = await signIn(idp, bob, { scopes: ['email'] });

      const shown = await callAccountApi(idp, 'GET', '/my-account', {
        token: tokens.access_token,
      });
      const changed = await callAccountApi(idp, 'PATCH', '/my-account', {
        token: tokens.access_token,
        body: { name: 'B' },
      });

      expect(shown.json).toHaveProperty('name', 'Bob Builder');
      expect(shown.json).not.toHaveProperty('username');
      expect(shown.json).not.toHaveProperty('primaryEmail');
      expect(shown.json).not.toHaveProperty('hasPassword');
      expect(changed).toMatchObject({
        status: 400,
        json: { code: 'account_center.field_not_editable' },
      });
    } finally {
      await idp.close();
    }
  });
});
