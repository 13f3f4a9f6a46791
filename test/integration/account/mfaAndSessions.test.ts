import { describe, expect, it } from 'vitest';
import { AccountScope } from '../../../src/account/index.js';
import { totp } from '../../../src/dev-idp/account/totp.js';
import { alice, bob, rejectionOf, setUpAccountIdp, startAccountIdp } from './accountHarness.js';
import { createTestClient, signIn } from '../core/harness.js';
import { createAccountClient } from '../../../src/account/index.js';
import { MemoryStorage } from '../../../src/core/index.js';

const { idp, signedIn } = setUpAccountIdp();

describe('MFA', () => {
  it('enrols TOTP with a code from the secret, adds backup codes, lists and removes them', async () => {
    const { account } = await signedIn(alice);
    await account.getAccount();
    await account.verifyPassword(alice.password);

    const { secret, uri } = await account.generateTotpSecret();
    const wrong = await rejectionOf(
      account.addTotp(secret, totp.code(secret, Date.now() + 10 * 60 * 1000)),
    );
    await account.addTotp(secret, totp.code(secret));
    const codes = await account.generateBackupCodes();
    await account.addBackupCodes(codes);
    const factors = await account.listMfaFactors();

    const issuer = encodeURIComponent(new URL(idp().origin).host);
    expect(uri).toBe(
      `otpauth://totp/${issuer}:alice%40example.com?secret=${secret}&issuer=${issuer}`,
    );
    expect(wrong).toMatchObject({
      code: 'code_invalid',
      logtoCode: 'session.mfa.invalid_totp_code',
    });
    expect(codes).toHaveLength(10);
    expect(factors).toMatchObject([
      { type: 'Totp', id: expect.any(String) },
      { type: 'BackupCode', remainCodes: 10 },
    ]);
    expect(JSON.stringify(factors)).not.toContain(secret);

    for (const factor of factors) await account.removeMfaFactor(factor.id);
    expect(await account.listMfaFactors()).toEqual([]);
    const gone = await rejectionOf(account.removeMfaFactor(factors[0]?.id ?? ''));
    expect(gone).toMatchObject({
      code: 'account_request_failed',
      logtoCode: 'verification_record.not_found',
    });
  });

  it('refuses backup codes as the only factor, naming Logto’s code', async () => {
    const { account } = await signedIn(bob);
    await account.verifyPassword(bob.password);

    const error = await rejectionOf(account.addBackupCodes(await account.generateBackupCodes()));

    expect(error).toMatchObject({
      code: 'account_request_failed',
      logtoCode: 'session.mfa.backup_code_can_not_be_alone',
    });
  });

  it('adding TOTP without the identity verification: verification_required', async () => {
    const { account, apiCalls } = await signedIn(bob);
    const { secret } = await account.generateTotpSecret({ issuer: 'Acme', accountName: 'bob' });

    const error = await rejectionOf(account.addTotp(secret, totp.code(secret)));

    expect(error).toMatchObject({ code: 'verification_required' });
    expect(apiCalls()).toEqual(['POST /api/my-account/mfa-verifications/totp-secret/generate']);
  });

  it('reads and changes the MFA settings', async () => {
    const { account } = await signedIn(bob);
    await account.verifyPassword(bob.password);

    expect(await account.getMfaSettings()).toEqual({ skipMfaOnSignIn: false });
    expect(await account.updateMfaSettings({ skipMfaOnSignIn: true })).toEqual({
      skipMfaOnSignIn: true,
    });
    expect(await account.getMfaSettings()).toEqual({ skipMfaOnSignIn: true });
  });

  it('without the identities scope: missing_scope, after one new token (Logto answers 401)', async () => {
    const { test, account, apiCalls } = await signedIn(bob, { scopes: [] });

    const error = await rejectionOf(account.listMfaFactors());

    expect(error).toMatchObject({ code: 'missing_scope', scope: 'identities', status: 401 });
    expect((error as Error).message).toContain('UserScope.Identities');
    expect(apiCalls()).toEqual([
      'GET /api/my-account/mfa-verifications',
      'GET /api/my-account/mfa-verifications',
    ]);
    expect(test.tokenRequests('refresh_token')).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('on a server without the routes (Logto 1.37 in production): not_supported_by_server', async () => {
    const { account } = await signedIn(bob, { scopes: [AccountScope.Sessions] });
    await account.verifyPassword(bob.password);

    const error = await rejectionOf(account.listSessions());

    expect(error).toMatchObject({ code: 'not_supported_by_server', status: 404 });
  });

  it('with Logto’s dev features on: lists the sessions and signs one out', async () => {
    const idp = await startAccountIdp((seed) => {
      seed.accountCenter.devFeatures = true;
    });
    const other = createTestClient(idp, {}, { storage: new MemoryStorage() });
    const mine = createTestClient(
      idp,
      { scopes: [AccountScope.Sessions] },
      { storage: new MemoryStorage() },
    );
    try {
      await signIn(other, bob);
      await signIn(mine, bob);
      const account = createAccountClient(mine.client);
      await account.verifyPassword(bob.password);

      const sessions = await account.listSessions();
      const first = sessions[0];
      await account.revokeSession(first?.id ?? '', { revokeGrants: true });
      const unknown = await rejectionOf(account.revokeSession('no-such-session'));

      expect(sessions).toHaveLength(2);
      expect(first).toMatchObject({
        id: expect.any(String),
        expiresAt: expect.any(Number),
        clientId: 'demo-spa',
      });
      expect(await account.listSessions()).toHaveLength(1);
      expect(unknown).toMatchObject({
        code: 'account_request_failed',
        logtoCode: 'oidc.session_not_found',
        status: 404,
      });
    } finally {
      other.client.dispose();
      mine.client.dispose();
      await idp.close();
    }
  });

  it('without the sessions scope: missing_scope naming AccountScope.Sessions', async () => {
    const idp = await startAccountIdp((seed) => {
      seed.accountCenter.devFeatures = true;
    });
    const test = createTestClient(idp, { scopes: [] }, { storage: new MemoryStorage() });
    try {
      await signIn(test, bob);
      const account = createAccountClient(test.client);
      await account.verifyPassword(bob.password);

      const error = await rejectionOf(account.listSessions());

      expect(error).toMatchObject({ code: 'missing_scope', scope: 'urn:logto:scope:sessions' });
      expect((error as Error).message).toContain('AccountScope.Sessions');
    } finally {
      test.client.dispose();
      await idp.close();
    }
  });
});
