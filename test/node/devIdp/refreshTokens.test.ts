import { describe, expect, it } from 'vitest';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

import { decodeJwt, refresh, signIn, verifyJwt } from '../../support/devIdpClient.js';

const alice = { username: 'alice', password: 'alice-password' };
const context = setUpDevIdp();

describe('offline_access', () => {
  it('yields a refresh token with prompt=consent', async () => {
    const tokens = await signIn(context.idp, alice, { prompt: 'consent' });

    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.scope.split(' ')).toContain('offline_access');
  });

  it('is dropped without prompt=consent, so no refresh token is issued', async () => {
    const tokens = await signIn(context.idp, alice, { prompt: 'login' });

    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope.split(' ')).not.toContain('offline_access');
  });
});

describe('refresh token rotation', () => {
  it('rotates the refresh token and returns a new, verifiable ID token for the same user', async () => {
    const first = await signIn(context.idp, alice);

    const { status, json: second } = await refresh(context.idp, first.refresh_token ?? '');

    expect(status).toBe(200);
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.id_token).not.toBe(first.id_token);
    const idToken = await verifyJwt(context.idp, second.id_token ?? '');
    expect(idToken.payload.sub).toBe(decodeJwt(first.id_token ?? '').payload.sub);
    expect(idToken.payload.aud).toBe('demo-spa');
  });

  it('revokes the whole grant when a used refresh token is presented again', async () => {
    const first = await signIn(context.idp, alice);
    const { json: second } = await refresh(context.idp, first.refresh_token ?? '');

    const reuse = await refresh(context.idp, first.refresh_token ?? '');
    const newest = await refresh(context.idp, second.refresh_token ?? '');

    expect(reuse.status).toBe(400);
    expect(reuse.json).toMatchObject({
      code: 'oidc.invalid_grant',
      message: 'Grant request is invalid.',
      error: 'invalid_grant',
    });
    // The reuse killed the grant: even the refresh token issued last no longer works.
    expect(newest.status).toBe(400);
    expect(newest.json.error).toBe('invalid_grant');
  });

  it('treats two concurrent uses of one refresh token as a reuse', async () => {
    const first = await signIn(context.idp, alice);

    const results = await Promise.all([
      refresh(context.idp, first.refresh_token ?? ''),
      refresh(context.idp, first.refresh_token ?? ''),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const winner = results.find((r) => r.status === 200);
    const afterwards = await refresh(context.idp, winner?.json.refresh_token ?? '');
    expect(afterwards.json.error).toBe('invalid_grant');
  });

  it('refuses a scope that was not granted at sign-in', async () => {
    const first = await signIn(context.idp, alice);

    const { status, json } = await refresh(context.idp, first.refresh_token ?? '', {
      scope: 'openid email',
    });

    expect(status).toBe(400);
    expect(json).toMatchObject({ code: 'oidc.invalid_scope', error: 'invalid_scope' });
  });

  it('records refreshes in the request log without any token value', async () => {
    const first = await signIn(context.idp, alice);
    context.idp.clearRequests();

    await refresh(context.idp, first.refresh_token ?? '');

    expect(context.idp.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/oidc/token',
        status: 200,
        grantType: 'refresh_token',
      }),
    ]);
    expect(JSON.stringify(context.idp.requests)).not.toContain(first.refresh_token);
  });
});
