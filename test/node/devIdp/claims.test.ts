import { describe, expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { httpRequest } from '../../../src/dev-idp/httpRequest.js';
import {
  fetchUserInfo,
  refresh,
  signIn,
  tokenRequest,
  verifyJwt,
} from '../../support/devIdpClient.js';

const alice = { username: 'alice', password: 'alice-password' };
const allUserScopes = [
  'email',
  'phone',
  'custom_data',
  'identities',
  'urn:logto:scope:organizations',
  'urn:logto:scope:organization_roles',
];
const context = setUpDevIdp();

describe('ID token claims', () => {
  it('carry only openid and profile claims by default, times in milliseconds', async () => {
    const tokens = await signIn(context.idp, alice);

    const { payload } = await verifyJwt(context.idp, tokens.id_token ?? '');

    expect(payload).toMatchObject({
      iss: context.idp.issuer,
      aud: 'demo-spa',
      sub: 'u_alice01',
      name: 'Alice Liddell',
      username: 'alice',
      picture: 'http://127.0.0.1:3001/avatar/alice.svg',
      created_at: 1735689600000,
      updated_at: 1738368000000,
    });
    for (const claim of ['email', 'phone_number', 'organizations', 'custom_data']) {
      expect(payload).not.toHaveProperty(claim);
    }
  });

  it('add email, phone, organizations and organization_roles per scope, not userinfo-only claims', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: allUserScopes });

    const { payload } = await verifyJwt(context.idp, tokens.id_token ?? '');

    expect(payload).toMatchObject({
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+15550100',
      phone_number_verified: false,
      organizations: ['acme', 'globex'],
      organization_roles: ['acme:admin', 'globex:member'],
    });
    for (const claim of ['custom_data', 'identities', 'organization_data']) {
      expect(payload).not.toHaveProperty(claim);
    }
  });

  it('are the same in the ID token of a refresh', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: allUserScopes });

    const { json } = await refresh(context.idp, tokens.refresh_token ?? '');

    const { payload } = await verifyJwt(context.idp, json.id_token ?? '');
    expect(payload).toMatchObject({ sub: 'u_alice01', email: 'alice@example.com' });
    expect(payload.organization_roles).toEqual(['acme:admin', 'globex:member']);
  });

  it('use null for empty profile values', async () => {
    const tokens = await signIn(
      context.idp,
      { username: 'bob', password: 'bob-password' },
      {
        scopes: ['phone'],
      },
    );

    const { payload } = await verifyJwt(context.idp, tokens.id_token ?? '');

    expect(payload).toMatchObject({ picture: null, phone_number: null });
  });
});

describe('userinfo', () => {
  it('adds custom_data, identities and organization_data', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: allUserScopes });

    const { status, json } = await fetchUserInfo(context.idp, tokens.access_token);

    expect(status).toBe(200);
    expect(json).toMatchObject({
      sub: 'u_alice01',
      username: 'alice',
      email: 'alice@example.com',
      custom_data: { theme: 'dark', plan: 'pro' },
      identities: {},
      organizations: ['acme', 'globex'],
      organization_data: [
        { id: 'acme', name: 'Acme', description: 'Acme Corporation, makers of everything.' },
        { id: 'globex', name: 'Globex', description: 'Globex Corporation.' },
      ],
    });
  });

  it('releases only what the token scope allows', async () => {
    const tokens = await signIn(context.idp, alice);

    const { json } = await fetchUserInfo(context.idp, tokens.access_token);

    expect(json).toHaveProperty('username', 'alice');
    expect(json).not.toHaveProperty('custom_data');
    expect(json).not.toHaveProperty('email');
  });

  it('answers a bad token with a Logto-shaped 401', async () => {
    const { status, json } = await fetchUserInfo(context.idp, 'not-a-token');

    expect(status).toBe(401);
    expect(json).toMatchObject({ code: 'oidc.invalid_token', error: 'invalid_token' });
  });
});

describe('error bodies', () => {
  it('use Logto shape on the token endpoint', async () => {
    const { status, json } = await tokenRequest(context.idp, {
      grant_type: 'authorization_code',
      client_id: 'demo-spa',
      code: 'bogus',
      code_verifier: 'x'.repeat(43),
      redirect_uri: 'http://127.0.0.1:5173/callback',
    });

    expect(status).toBe(400);
    expect(json).toEqual({
      code: 'oidc.invalid_grant',
      message: 'Grant request is invalid.',
      error: 'invalid_grant',
      error_description: expect.any(String),
    });
  });

  it('serve the avatar the seed points at from the IdP itself', async () => {
    const response = await httpRequest(`${context.idp.origin}/avatar/alice.svg`);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.body).toContain('<svg');
  });
});
