import { beforeAll, describe, expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { refresh, signIn, verifyJwt, type TokenSet } from '../../support/devIdpClient.js';

const store = 'https://api.example.com/store';
const organizationsScope = 'urn:logto:scope:organizations';
const organizationsResource = 'urn:logto:resource:organizations';
const organizationScopes = ['read:members', 'invite:members', 'remove:members'];
const alice = { username: 'alice', password: 'alice-password' };
const bob = { username: 'bob', password: 'bob-password' };
const context = setUpDevIdp({
  ttl: { organizationToken: 600 },
});

/** Signs in the way the SDK does for organizations: scope plus the reserved resource. */
function signInWithOrganizations(credentials: typeof alice, extraScopes: string[] = []) {
  return signIn(context.idp, credentials, {
    scopes: [organizationsScope, ...organizationScopes, ...extraScopes],
    resources: [organizationsResource, store],
  });
}

describe('organization tokens', () => {
  let tokens: TokenSet;

  beforeAll(async () => {
    tokens = await signInWithOrganizations(alice, ['read:orders', 'write:orders']);
  });

  it('carry aud urn:logto:organization:<id> and the role scopes ∩ requested', async () => {
    const { status, json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'acme',
    });
    tokens = json;

    expect(status).toBe(200);
    expect(json.expires_in).toBe(600);
    const { header, payload } = await verifyJwt(context.idp, json.access_token);
    expect(header.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ aud: 'urn:logto:organization:acme', sub: 'u_alice01' });
    expect(String(payload.scope).split(' ').sort()).toEqual(organizationScopes.slice().sort());
  });

  it('follow the role in each organization: alice is only a member of globex', async () => {
    const { json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'globex',
    });
    tokens = json;

    const { payload } = await verifyJwt(context.idp, json.access_token);
    expect(payload).toMatchObject({ aud: 'urn:logto:organization:globex', scope: 'read:members' });
  });

  it('combined with a resource give an API token with an organization_id claim', async () => {
    const { status, json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'acme',
      resource: store,
    });
    tokens = json;

    expect(status).toBe(200);
    const { payload } = await verifyJwt(context.idp, json.access_token);
    // alice's admin role in acme grants read/write:orders and manage:store; manage:store was
    // not requested at sign-in.
    expect(payload).toMatchObject({
      aud: store,
      organization_id: 'acme',
      scope: 'read:orders write:orders',
    });
  });
});

describe('refused organization tokens', () => {
  it('answer 403 access_denied for a non-member and leave the refresh token usable', async () => {
    const tokens = await signInWithOrganizations(bob);

    const refused = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'globex',
    });
    const afterwards = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'acme',
    });

    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      code: 'oidc.access_denied',
      message: 'Access denied.',
      error: 'access_denied',
    });
    expect(afterwards.status).toBe(200);
    expect((await verifyJwt(context.idp, afterwards.json.access_token)).payload.scope).toBe(
      'read:members',
    );
  });

  it('answer 403 insufficient_scope without the organizations scope in the grant', async () => {
    const tokens = await signIn(context.idp, alice, {
      scopes: organizationScopes,
      resources: [organizationsResource],
    });

    const { status, json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'acme',
    });

    expect(status).toBe(403);
    expect(json).toMatchObject({ code: 'oidc.insufficient_scope', error: 'insufficient_scope' });
  });

  it('come with an empty scope when the reserved resource was not requested at sign-in', async () => {
    const tokens = await signIn(context.idp, alice, {
      scopes: [organizationsScope, ...organizationScopes],
    });

    const { status, json } = await refresh(context.idp, tokens.refresh_token ?? '', {
      organization_id: 'acme',
    });

    expect(status).toBe(200);
    expect(json.scope).toBe('');
    expect((await verifyJwt(context.idp, json.access_token)).payload.scope).toBeUndefined();
  });
});
