import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoApiPaths } from '../../../demo/server/demoApi.js';
import { organizationMismatch } from '../../../demo/server/organizationMismatch.js';
import type { DevIdp } from '../../../src/dev-idp/index.js';
import { decodeJwt } from '../../support/devIdpClient.js';
import {
  alice,
  bob,
  callApi,
  serveDemoApi,
  signedIn as signedInAt,
  startDemoIdp,
  store,
  type DemoApi,
} from './demoApiHarness.js';

let idp: DevIdp;
let api: DemoApi;

const signedIn = (credentials: typeof alice) => signedInAt(idp, credentials);
const call = (path: string, token?: string) => callApi(api.origin, path, token);

beforeAll(async () => {
  idp = await startDemoIdp();
  api = await serveDemoApi({ issuer: idp.issuer });
});

afterAll(async () => {
  await api.close();
  await idp.close();
});

describe('organization token route', () => {
  it('accepts the organization token of that organization with read:members', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ organization_id: 'acme' });

    const { status, body } = await call('/api/organizations/acme/members', accessToken);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      api: 'Organization API',
      audience: 'urn:logto:organization:acme',
      organizationId: 'acme',
      sub: 'u_alice01',
    });
    expect(body.scopes).toContain('read:members');
  });

  it("refuses another organization's token", async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ organization_id: 'globex' });

    const { status, body } = await call('/api/organizations/acme/members', accessToken);

    expect(status).toBe(401);
    expect(body.error_description).toBe('The token is not meant for urn:logto:organization:acme.');
  });
});

describe('API tokens scoped to an organization (organization_id claim)', () => {
  it('refuses them on a global route, although an organization role grants the scope', async () => {
    // bob has no read:orders of his own; his member role in acme grants it inside acme only.
    const tokenFor = await signedIn(bob);
    const { accessToken } = await tokenFor({ resource: store, organization_id: 'acme' });
    expect(decodeJwt(accessToken).payload).toMatchObject({
      aud: store,
      organization_id: 'acme',
      scope: expect.stringContaining('read:orders'),
    });

    const { status, body } = await call(demoApiPaths.store, accessToken);

    expect(status).toBe(403);
    expect(body).toEqual({
      error: 'organization_mismatch',
      error_description:
        'This token is scoped to organization acme (organization_id); /api/store/orders is a global route and accepts only tokens without organization_id.',
    });
  });

  it('refuses them on a global route even for a user who holds the scope globally', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: store, organization_id: 'globex' });

    const { status, body } = await call(demoApiPaths.store, accessToken);

    expect(status).toBe(403);
    expect(body.error).toBe('organization_mismatch');
  });

  it("open that organization's orders route", async () => {
    const tokenFor = await signedIn(bob);
    const { accessToken } = await tokenFor({ resource: store, organization_id: 'acme' });

    const { status, body } = await call('/api/organizations/acme/orders', accessToken);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      api: 'Store API (organization)',
      audience: store,
      organizationId: 'acme',
      sub: 'u_bob0001',
      scopes: expect.arrayContaining(['read:orders']),
    });
    expect(body.orders).toHaveLength(2);
  });

  it("do not open another organization's route", async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: store, organization_id: 'globex' });

    const { status, body } = await call('/api/organizations/acme/orders', accessToken);

    expect(status).toBe(403);
    expect(body).toEqual({
      error: 'organization_mismatch',
      error_description: 'This token is scoped to organization globex, not acme.',
    });
  });

  it('a global token does not open an organization route, whatever its scopes', async () => {
    const tokenFor = await signedIn(alice);
    const { accessToken } = await tokenFor({ resource: store });
    expect(decodeJwt(accessToken).payload.scope).toContain('read:orders');

    const { status, body } = await call('/api/organizations/acme/orders', accessToken);

    expect(status).toBe(403);
    expect(body).toEqual({
      error: 'organization_mismatch',
      error_description:
        'This route belongs to organization acme: it needs a token scoped to it (organization_id acme).',
    });
  });
});

describe('organizationMismatch', () => {
  it('refuses an organization_id claim that is not a string, on any route', () => {
    const claims = { organization_id: ['acme'] };

    expect(organizationMismatch('/api/store/orders', undefined, claims)).toBe(
      "The token's organization_id claim is not a string.",
    );
    expect(
      organizationMismatch(
        '/api/organizations/acme/members',
        { id: 'acme', boundBy: 'audience' },
        claims,
      ),
    ).toBe("The token's organization_id claim is not a string.");
  });
});
