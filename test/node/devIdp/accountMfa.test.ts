import { describe, expect, it } from 'vitest';

import { totp } from '../../../src/dev-idp/account/totp.js';
import { startDevIdp, type DevIdp } from '../../../src/dev-idp/index.js';
import { callAccountApi } from '../../support/accountApiClient.js';
import { signIn } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const context = setUpDevIdp();
const alice = { username: 'alice', password: 'alice-password' };
const bob = { username: 'bob', password: 'bob-password' };

/** Signs in with the identities scope and verifies the password; returns both. */
async function verifiedSession(idp: DevIdp, user: { username: string; password: string }) {
  const tokens = await signIn(idp, user, { scopes: ['identities'] });
  const { json } = await callAccountApi(idp, 'POST', '/verifications/password', {
    token: tokens.access_token,
    body: { password: user.password },
  });
  const verificationId = (json as { verificationRecordId: string }).verificationRecordId;
  const call = (method: string, path: string, body?: unknown) =>
    callAccountApi(idp, method, `/my-account${path}`, {
      token: tokens.access_token,
      verificationId,
      ...(body === undefined ? {} : { body }),
    });
  return { token: tokens.access_token, call };
}

describe('MFA verifications', () => {
  it('bind TOTP with a real code, then backup codes, list and remove them', async () => {
    const { call } = await verifiedSession(context.idp, alice);

    const generated = await call('POST', '/mfa-verifications/totp-secret/generate');
    expect(generated.status).toBe(200);
    const { secret } = generated.json as { secret: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrongCode = totp.code(secret, Date.now() + 10 * 60 * 1000);
    expect(
      await call('POST', '/mfa-verifications', { type: 'Totp', secret, code: wrongCode }),
    ).toMatchObject({
      status: 400,
      json: { code: 'session.mfa.invalid_totp_code' },
    });
    expect(
      (await call('POST', '/mfa-verifications', { type: 'Totp', secret, code: totp.code(secret) }))
        .status,
    ).toBe(204);
    expect(
      await call('POST', '/mfa-verifications', { type: 'Totp', secret, code: totp.code(secret) }),
    ).toMatchObject({ status: 422, json: { code: 'user.totp_already_in_use' } });

    const backup = await call('POST', '/mfa-verifications/backup-codes/generate');
    const { codes } = backup.json as { codes: string[] };
    expect(codes).toHaveLength(10);
    expect(codes.every((code) => /^[\da-f]{10}$/.test(code))).toBe(true);
    expect((await call('POST', '/mfa-verifications', { type: 'BackupCode', codes })).status).toBe(
      204,
    );

    const listed = await call('GET', '/mfa-verifications');
    expect(listed).toMatchObject({
      status: 200,
      json: [
        { id: expect.any(String), type: 'Totp', createdAt: expect.any(String) },
        { id: expect.any(String), type: 'BackupCode', remainCodes: 10 },
      ],
    });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    const readBack = await call('GET', '/mfa-verifications/backup-codes');
    expect((readBack.json as { codes: { code: string }[] }).codes.map((c) => c.code)).toEqual(
      codes,
    );

    const [first] = listed.json as { id: string }[];
    expect((await call('DELETE', `/mfa-verifications/${first?.id ?? ''}`)).status).toBe(204);
    expect(await call('DELETE', `/mfa-verifications/${first?.id ?? ''}`)).toMatchObject({
      status: 400,
      json: { code: 'verification_record.not_found' },
    });
  });

  it('refuse backup codes as the only factor, and bad codes', async () => {
    const { call } = await verifiedSession(context.idp, bob);

    const alone = await call('POST', '/mfa-verifications', {
      type: 'BackupCode',
      codes: Array.from({ length: 10 }, () => 'abcdef0123'),
    });
    const { secret } = (await call('POST', '/mfa-verifications/totp-secret/generate')).json as {
      secret: string;
    };
    await call('POST', '/mfa-verifications', { type: 'Totp', secret, code: totp.code(secret) });
    const badFormat = await call('POST', '/mfa-verifications', {
      type: 'BackupCode',
      codes: ['x'],
    });
    const badType = await call('POST', '/mfa-verifications', { type: 'Sms' });

    expect(alone).toMatchObject({
      status: 422,
      json: { code: 'session.mfa.backup_code_can_not_be_alone' },
    });
    expect(badFormat).toMatchObject({
      status: 422,
      json: { code: 'user.wrong_backup_code_format' },
    });
    expect(badType).toMatchObject({ status: 400, json: { code: 'guard.invalid_input' } });
  });

  it('need a verification record to change, and the identities scope to read', async () => {
    const tokens = await signIn(context.idp, alice);
    const secret = totp.generateSecret();

    const add = await callAccountApi(context.idp, 'POST', '/my-account/mfa-verifications', {
      token: tokens.access_token,
      body: { type: 'Totp', secret, code: totp.code(secret) },
    });
    const list = await callAccountApi(context.idp, 'GET', '/my-account/mfa-verifications', {
      token: tokens.access_token,
    });

    expect(add).toMatchObject({
      status: 401,
      json: { code: 'verification_record.permission_denied' },
    });
    expect(list).toMatchObject({ status: 401, json: { code: 'auth.unauthorized' } });
  });

  it('answer session.mfa.mfa_factor_not_enabled for a factor the sign-in experience lacks', async () => {
    const idp = await startDevIdp({
      seed: { ...context.idp.seed, signInExperience: { mfa: { factors: ['BackupCode'] } } },
      port: 0,
      quiet: true,
    });
    try {
      const { call } = await verifiedSession(idp, bob);
      const secret = totp.generateSecret();

      const answer = await call('POST', '/mfa-verifications', {
        type: 'Totp',
        secret,
        code: totp.code(secret),
      });

      expect(answer).toMatchObject({
        status: 400,
        json: { code: 'session.mfa.mfa_factor_not_enabled' },
      });
    } finally {
      await idp.close();
    }
  });
});

describe('MFA settings and Logto configs', () => {
  it('read and change skipMfaOnSignIn and mfa.skipped', async () => {
    const { call } = await verifiedSession(context.idp, alice);

    expect(await call('GET', '/mfa-settings')).toMatchObject({
      status: 200,
      json: { skipMfaOnSignIn: false },
    });
    expect(await call('PATCH', '/mfa-settings', { skipMfaOnSignIn: true })).toMatchObject({
      status: 200,
      json: { skipMfaOnSignIn: true },
    });
    expect(await call('PATCH', '/logto-configs', { mfa: { skipped: true } })).toMatchObject({
      status: 200,
      json: { mfa: { skipped: true } },
    });
    expect(await call('GET', '/logto-configs')).toMatchObject({ json: { mfa: { skipped: true } } });
    expect(await call('PATCH', '/mfa-settings', { skipMfaOnSignIn: 'yes' })).toMatchObject({
      status: 400,
      json: { code: 'guard.invalid_input' },
    });
  });
});
