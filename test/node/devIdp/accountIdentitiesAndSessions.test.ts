import { describe, expect, it } from 'vitest';

import { httpRequest } from '../../../src/dev-idp/httpRequest.js';
import { startDevIdp, type DevIdp } from '../../../src/dev-idp/index.js';
import { callAccountApi } from '../../support/accountApiClient.js';
import { fetchUserInfo, refresh, signIn } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const context = setUpDevIdp();
const bob = { username: 'bob', password: 'bob-password' };
const sessionsScope = 'urn:logto:scope:sessions';

async function verifiedSession(idp: DevIdp, scopes: string[]) {
  const tokens = await signIn(idp, bob, { scopes });
  const { json } = await callAccountApi(idp, 'POST', '/verifications/password', {
    token: tokens.access_token,
    body: { password: bob.password },
  });
  const verificationId = (json as { verificationRecordId: string }).verificationRecordId;
  const call = (method: string, path: string, body?: unknown) =>
    callAccountApi(idp, method, path, {
      token: tokens.access_token,
      verificationId,
      ...(body === undefined ? {} : { body }),
    });
  return { tokens, call };
}

describe('social identities (dev social connector)', () => {
  it('link through the fake provider page, then unlink', async () => {
    const { tokens, call } = await verifiedSession(context.idp, ['identities']);
    const redirectUri = 'http://127.0.0.1:5173/callback';

    const started = await call('POST', '/verifications/social', {
      connectorId: 'dev-social',
      state: 'state-1',
      redirectUri,
    });
    expect(started.status).toBe(201);
    const { verificationRecordId, authorizationUri } = started.json as Record<string, string>;
    const page = await httpRequest(authorizationUri ?? '');
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="account"');
    const back = await httpRequest(`${authorizationUri ?? ''}&account=bob-on-dev-social`);
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.location ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const connectorData = { code: callback.searchParams.get('code'), state: 'state-1' };

    const verified = await call('POST', '/verifications/social/verify', {
      verificationRecordId,
      connectorData,
    });
    const replayed = await call('POST', '/verifications/social/verify', {
      verificationRecordId,
      connectorData,
    });
    const linked = await call('POST', '/my-account/identities', {
      newIdentifierVerificationRecordId: verificationRecordId,
    });

    expect(verified).toMatchObject({ status: 200, json: { verificationRecordId } });
    expect(replayed).toMatchObject({
      status: 401,
      json: { code: 'connector.social_auth_code_invalid' },
    });
    expect(linked.status).toBe(204);
    const userInfo = await fetchUserInfo(context.idp, tokens.access_token);
    expect(userInfo.json).toMatchObject({
      identities: { 'dev-social': { userId: 'bob-on-dev-social' } },
    });
    expect((await call('DELETE', '/my-account/identities/dev-social')).status).toBe(204);
    expect(await call('DELETE', '/my-account/identities/dev-social')).toMatchObject({
      status: 404,
      json: { code: 'user.identity_not_exist' },
    });
  });

  it('answer 404 entity.not_found for another connector, and refuse a foreign redirect URI', async () => {
    const { call } = await verifiedSession(context.idp, ['identities']);

    const unknown = await call('POST', '/verifications/social', {
      connectorId: 'google',
      state: 's',
      redirectUri: 'http://127.0.0.1:5173/callback',
    });
    const started = await call('POST', '/verifications/social', {
      connectorId: 'dev-social',
      state: 's',
      redirectUri: 'https://evil.example/steal',
    });
    const { authorizationUri } = started.json as Record<string, string>;
    const page = await httpRequest(`${authorizationUri ?? ''}&account=x`);

    expect(unknown).toMatchObject({ status: 404, json: { code: 'entity.not_found' } });
    expect(page.status).toBe(400);
    expect(page.headers.location).toBeUndefined();
  });
});

describe('WebAuthn registration options', () => {
  it('name the host as relying party and give a fresh challenge', async () => {
    const { call } = await verifiedSession(context.idp, []);

    const { status, json } = await call('POST', '/verifications/web-authn/registration');

    expect(status).toBe(200);
    expect(json).toMatchObject({
      verificationRecordId: expect.any(String),
      expiresAt: expect.any(String),
      registrationOptions: {
        rp: { id: '127.0.0.1' },
        user: { name: 'bob', displayName: 'Bob Builder' },
        attestation: 'none',
        challenge: expect.stringMatching(/^[\w-]{43}$/),
      },
    });
  });
});

describe('sessions', () => {
  it('answer 404 as a production Logto 1.37 does, unless the seed turns dev features on', async () => {
    const { call } = await verifiedSession(context.idp, [sessionsScope]);

    expect((await call('GET', '/my-account/sessions')).status).toBe(404);
  });

  it('list and revoke with dev features on', async () => {
    const seed = context.idp.seed;
    const idp = await startDevIdp({
      seed: { ...seed, accountCenter: { ...seed.accountCenter, devFeatures: true } },
      port: 0,
      quiet: true,
      refreshTokenReuseGraceSeconds: 0,
    });
    try {
      const other = await signIn(idp, bob);
      const { tokens, call } = await verifiedSession(idp, [sessionsScope]);

      const listed = await call('GET', '/my-account/sessions');
      expect(listed.status).toBe(200);
      const { sessions } = listed.json as {
        sessions: { payload: { uid: string; accountId: string } }[];
      };
      expect(sessions).toHaveLength(2);
      expect(sessions[0]?.payload.accountId).toBe('u_bob0001');
      const revoked = await call(
        'DELETE',
        `/my-account/sessions/${sessions[0]?.payload.uid ?? ''}?revokeGrants=true`,
      );
      const missing = await call('DELETE', '/my-account/sessions/no-such-session');

      expect(revoked.status).toBe(204);
      expect(missing).toMatchObject({ status: 404, json: { code: 'oidc.session_not_found' } });
      expect((await refresh(idp, other.refresh_token ?? '')).status).toBe(400);
      expect((await refresh(idp, tokens.refresh_token ?? '')).status).toBe(200);
      const after = await call('GET', '/my-account/sessions');
      expect((after.json as { sessions: unknown[] }).sessions).toHaveLength(1);
    } finally {
      await idp.close();
    }
  });

  it('need the sessions scope and a verification record', async () => {
    const seed = context.idp.seed;
    const idp = await startDevIdp({
      seed: { ...seed, accountCenter: { ...seed.accountCenter, devFeatures: true } },
      port: 0,
      quiet: true,
    });
    try {
      const { tokens, call } = await verifiedSession(idp, []);

      const noScope = await call('GET', '/my-account/sessions');
      const noRecord = await callAccountApi(idp, 'GET', '/my-account/sessions', {
        token: tokens.access_token,
      });

      expect(noScope).toMatchObject({ status: 401, json: { code: 'auth.unauthorized' } });
      expect(noRecord).toMatchObject({
        status: 401,
        json: { code: 'verification_record.permission_denied' },
      });
    } finally {
      await idp.close();
    }
  });
});
