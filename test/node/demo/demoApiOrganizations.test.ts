import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DevIdp } from '../../../src/dev-idp/index.js';
import {
  alice,
  callApi,
  serveDemoApi,
  signedIn as signedInAt,
  startDemoIdp,
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
