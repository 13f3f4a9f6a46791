import { afterEach, describe, expect, it, vi } from 'vitest';

import { startDevIdp } from '../../../src/dev-idp/index.js';
import { callAccountApi } from '../../support/accountApiClient.js';
import { fetchUserInfo, signIn } from '../../support/devIdpClient.js';
import { setUpDevIdp } from '../../support/setUpDevIdp.js';

const context = setUpDevIdp();
const bob = { username: 'bob', password: 'bob-password' };
const alice = { username: 'alice', password: 'alice-password' };

afterEach(() => {
  vi.useRealTimers();
});

async function verifyPassword(token: string, password: string) {
  return callAccountApi(context.idp, 'POST', '/verifications/password', {
    token,
    body: { password },
  });
}

async function passwordRecord(token: string, password: string): Promise<string> {
  const { json } = await verifyPassword(token, password);
  return (json as { verificationRecordId: string }).verificationRecordId;
}

/** Sends a code, reads it from the IdP's outbox and verifies it; returns the record id. */
async function verifiedCodeRecord(token: string, type: 'email' | 'phone', value: string) {
  const sent = await callAccountApi(context.idp, 'POST', '/verifications/verification-code', {
    token,
    body: { identifier: { type, value } },
  });
  const { verificationRecordId } = sent.json as { verificationRecordId: string };
  const code = context.idp.sentCodes().find((c) => c.verificationRecordId === verificationRecordId);
  const verified = await callAccountApi(
    context.idp,
    'POST',
    '/verifications/verification-code/verify',
    {
      token,
      body: { identifier: { type, value }, verificationId: verificationRecordId, code: code?.code },
    },
  );
  expect(verified).toMatchObject({ status: 200, json: { verificationRecordId } });
  return verificationRecordId;
}

describe('POST /api/verifications/password', () => {
  it('answers 422 session.invalid_credentials for a wrong password', async () => {
    const tokens = await signIn(context.idp, alice);

    const { status, json } = await verifyPassword(tokens.access_token, 'wrong');

    expect(status).toBe(422);
    expect(json).toMatchObject({ code: 'session.invalid_credentials' });
  });

  it('answers 201 with a record id that expires in 10 minutes', async () => {
    const tokens = await signIn(context.idp, alice);
    const before = Date.now();

    const { status, json } = await verifyPassword(tokens.access_token, 'alice-password');

    expect(status).toBe(201);
    const { verificationRecordId, expiresAt } = json as Record<string, string>;
    expect(verificationRecordId).toEqual(expect.any(String));
    const lifetime = Date.parse(expiresAt ?? '') - before;
    expect(lifetime).toBeGreaterThan(599_000);
    expect(lifetime).toBeLessThan(605_000);
  });
});

describe('POST /api/my-account/password', () => {
  it('needs a verification record: 401 verification_record.permission_denied without one', async () => {
    const tokens = await signIn(context.idp, alice);

    const { status, json } = await callAccountApi(context.idp, 'POST', '/my-account/password', {
      token: tokens.access_token,
      body: { password: 'a-new-password' },
    });

    expect(status).toBe(401);
    expect(json).toMatchObject({ code: 'verification_record.permission_denied' });
  });

  it('changes the password with a password record; too short is 422 password.rejected', async () => {
    const idp = await startDevIdp({ seed: 'demo/idp.seed.json', port: 0, quiet: true });
    try {
      const tokens = await signIn(idp, bob);
      const { json } = await callAccountApi(idp, 'POST', '/verifications/password', {
        token: tokens.access_token,
        body: { password: 'bob-password' },
      });
      const verificationId = (json as { verificationRecordId: string }).verificationRecordId;
      const change = (password: string) =>
        callAccountApi(idp, 'POST', '/my-account/password', {
          token: tokens.access_token,
          verificationId,
          body: { password },
        });

      expect(await change('short')).toMatchObject({
        status: 422,
        json: { code: 'password.rejected' },
      });
      expect((await change('bob-new-password')).status).toBe(204);
      await expect(signIn(idp, { username: 'bob', password: 'bob-new-password' })).resolves.toEqual(
        expect.objectContaining({ access_token: expect.any(String) }),
      );
    } finally {
      await idp.close();
    }
  });

  it('refuses an expired record as permission denied', async () => {
    const tokens = await signIn(context.idp, alice);
    const verificationId = await passwordRecord(tokens.access_token, 'alice-password');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60 * 1000);

    const { status, json } = await callAccountApi(context.idp, 'POST', '/my-account/password', {
      token: tokens.access_token,
      verificationId,
      body: { password: 'another-password' },
    });

    expect(status).toBe(401);
    expect(json).toMatchObject({ code: 'verification_record.permission_denied' });
  });

  it("refuses another user's record", async () => {
    const aliceTokens = await signIn(context.idp, alice);
    const bobTokens = await signIn(context.idp, bob);
    const verificationId = await passwordRecord(aliceTokens.access_token, 'alice-password');

    const { status } = await callAccountApi(context.idp, 'POST', '/my-account/password', {
      token: bobTokens.access_token,
      verificationId,
      body: { password: 'another-password' },
    });

    expect(status).toBe(401);
  });
});

describe('verification codes', () => {
  it('are recorded for sentCodes(), and a wrong one answers 400 without revealing the right one', async () => {
    const tokens = await signIn(context.idp, alice);

    const sent = await callAccountApi(context.idp, 'POST', '/verifications/verification-code', {
      token: tokens.access_token,
      body: { identifier: { type: 'email', value: 'alice@example.com' } },
    });

    expect(sent.status).toBe(201);
    const { verificationRecordId } = sent.json as { verificationRecordId: string };
    const outbox = context.idp.sentCodes().at(-1);
    expect(outbox).toMatchObject({ type: 'email', to: 'alice@example.com', verificationRecordId });
    expect(outbox?.code).toMatch(/^\d{6}$/);
    const wrongCode = outbox?.code === '000000' ? '111111' : '000000';
    const wrong = await callAccountApi(
      context.idp,
      'POST',
      '/verifications/verification-code/verify',
      {
        token: tokens.access_token,
        body: {
          identifier: { type: 'email', value: 'alice@example.com' },
          verificationId: verificationRecordId,
          code: wrongCode,
        },
      },
    );
    expect(wrong).toMatchObject({ status: 400, json: { code: 'verification_code.code_mismatch' } });
    expect(JSON.stringify(wrong.json)).not.toContain(outbox?.code ?? '');
  });

  it('to the user own email prove their identity; to a new email they do not', async () => {
    const tokens = await signIn(context.idp, alice, { scopes: ['phone'] });
    const own = await verifiedCodeRecord(tokens.access_token, 'email', 'alice@example.com');
    const other = await verifiedCodeRecord(tokens.access_token, 'email', 'new@example.com');
    const removePhone = (verificationId: string) =>
      callAccountApi(context.idp, 'DELETE', '/my-account/primary-phone', {
        token: tokens.access_token,
        verificationId,
      });

    expect((await removePhone(other)).status).toBe(401);
    expect((await removePhone(own)).status).toBe(204);
  });

  it('are printed on the console unless quiet', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const idp = await startDevIdp({ seed: 'demo/idp.seed.json', port: 0 });
    try {
      const tokens = await signIn(idp, bob);
      await callAccountApi(idp, 'POST', '/verifications/verification-code', {
        token: tokens.access_token,
        body: { identifier: { type: 'phone', value: '15550199' } },
      });

      const code = idp.sentCodes()[0]?.code ?? 'none';
      expect(lines.some((line) => line.includes(code) && line.includes('15550199'))).toBe(true);
    } finally {
      await idp.close();
      vi.restoreAllMocks();
    }
  });
});

describe('primary email and phone', () => {
  it('change with an identity record and a verified code for the new address', async () => {
    const tokens = await signIn(context.idp, bob, { scopes: ['email'] });
    const identity = await passwordRecord(tokens.access_token, 'bob-password');
    const ownership = await verifiedCodeRecord(tokens.access_token, 'email', 'rob@example.com');
    const setEmail = (email: string, newIdentifierVerificationRecordId: string) =>
      callAccountApi(context.idp, 'POST', '/my-account/primary-email', {
        token: tokens.access_token,
        verificationId: identity,
        body: { email, newIdentifierVerificationRecordId },
      });

    expect(await setEmail('other@example.com', ownership)).toMatchObject({
      status: 400,
      json: { code: 'verification_record.not_found' },
    });
    expect(await setEmail('rob@example.com', identity)).toMatchObject({
      status: 400,
      json: { code: 'verification_record.not_found' },
    });
    expect((await setEmail('rob@example.com', ownership)).status).toBe(204);
    const userInfo = await fetchUserInfo(context.idp, tokens.access_token);
    expect(userInfo.json).toMatchObject({ email: 'rob@example.com', email_verified: true });
  });

  it('refuse an address another user has, and an unverified code record', async () => {
    const tokens = await signIn(context.idp, bob, { scopes: ['email'] });
    const identity = await passwordRecord(tokens.access_token, 'bob-password');
    const taken = await verifiedCodeRecord(tokens.access_token, 'email', 'alice@example.com');
    const unverified = await callAccountApi(
      context.idp,
      'POST',
      '/verifications/verification-code',
      {
        token: tokens.access_token,
        body: { identifier: { type: 'email', value: 'x@example.com' } },
      },
    );

    const collision = await callAccountApi(context.idp, 'POST', '/my-account/primary-email', {
      token: tokens.access_token,
      verificationId: identity,
      body: { email: 'alice@example.com', newIdentifierVerificationRecordId: taken },
    });
    const notVerified = await callAccountApi(context.idp, 'POST', '/my-account/primary-email', {
      token: tokens.access_token,
      verificationId: identity,
      body: {
        email: 'x@example.com',
        newIdentifierVerificationRecordId: (unverified.json as { verificationRecordId: string })
          .verificationRecordId,
      },
    });

    expect(collision).toMatchObject({ status: 422, json: { code: 'user.email_already_in_use' } });
    expect(notVerified).toMatchObject({
      status: 400,
      json: { code: 'verification_record.not_found' },
    });
  });

  it('need the email scope; a phone must be digits', async () => {
    const tokens = await signIn(context.idp, bob, { scopes: ['phone'] });
    const identity = await passwordRecord(tokens.access_token, 'bob-password');

    const noScope = await callAccountApi(context.idp, 'DELETE', '/my-account/primary-email', {
      token: tokens.access_token,
      verificationId: identity,
    });
    const badPhone = await callAccountApi(context.idp, 'POST', '/my-account/primary-phone', {
      token: tokens.access_token,
      verificationId: identity,
      body: { phone: '+1 555', newIdentifierVerificationRecordId: 'x' },
    });
    const ownership = await verifiedCodeRecord(tokens.access_token, 'phone', '15550123');
    const setPhone = await callAccountApi(context.idp, 'POST', '/my-account/primary-phone', {
      token: tokens.access_token,
      verificationId: identity,
      body: { phone: '15550123', newIdentifierVerificationRecordId: ownership },
    });

    expect(noScope).toMatchObject({ status: 400, json: { code: 'auth.unauthorized' } });
    expect(badPhone).toMatchObject({ status: 400, json: { code: 'guard.invalid_input' } });
    expect(setPhone.status).toBe(204);
    const userInfo = await fetchUserInfo(context.idp, tokens.access_token);
    expect(userInfo.json).toMatchObject({ phone_number: '15550123', phone_number_verified: true });
  });
});
