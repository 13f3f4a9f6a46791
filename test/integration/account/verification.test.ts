import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogtoAccountError } from '../../../src/account/index.js';
import { UserScope } from '../../../src/core/index.js';
import { completeSignIn, type DevIdpSeed } from '../../../src/dev-idp/index.js';
import { createTestClient, redirectUri } from '../core/harness.js';
import { alice, lastCodeTo, rejectionOf, setUpAccountIdp } from './accountHarness.js';

/** Users of their own, so that changing their password or email leaves alice and bob alone. */
const carol = { username: 'carol', password: 'carol-password' };
const dave = { username: 'dave', password: 'dave-password' };

function addUsers(seed: DevIdpSeed) {
  const bob = seed.users[1];
  if (!bob) throw new Error('the demo seed has no bob');
  for (const [index, user] of [carol, dave].entries()) {
    seed.users.push({
      ...structuredClone(bob),
      id: `u_${user.username}`,
      username: user.username,
      password: user.password,
      email: `${user.username}@example.com`,
      phone: `1555010${index + 1}`,
    });
  }
}

const { idp, signedIn } = setUpAccountIdp(addUsers);

afterEach(() => {
  vi.useRealTimers();
});

describe('identity verification by password', () => {
  it('a wrong password: wrong_password, and the password is in no error', async () => {
    const { account } = await signedIn(alice);

    const error = await rejectionOf(account.verifyPassword('not-alices-password'));

    expect(error).toBeInstanceOf(LogtoAccountError);
    expect(error).toMatchObject({
      code: 'wrong_password',
      logtoCode: 'session.invalid_credentials',
      status: 422,
    });
    expect(JSON.stringify(error) + String(error)).not.toContain('not-alices-password');
  });

  it('asks for it before a sensitive change, sending nothing: verification_required', async () => {
    const { account, apiCalls } = await signedIn(alice);
    await account.getAccount();

    const error = await rejectionOf(account.changePassword('a-new-password'));

    expect(error).toMatchObject({
      code: 'verification_required',
      verifyWith: ['password', 'emailCode', 'phoneCode'],
    });
    expect((error as Error).message).toContain('verifyPassword(password)');
    expect(apiCalls()).toEqual(['GET /api/my-account']);
  });

  it('is asked once and reused by the next changes; the new password signs in', async () => {
    const { account, apiCalls } = await signedIn(carol);

    await account.verifyPassword(carol.password);
    await account.changePassword('carol-new-password');
    await account.removePrimaryPhone();

    expect(apiCalls()).toEqual([
      'POST /api/verifications/password',
      'POST /api/my-account/password',
      'DELETE /api/my-account/primary-phone',
    ]);
    const next = createTestClient(idp());
    await next.client.signIn(redirectUri);
    const callback = await completeSignIn(next.navigations.at(-1) ?? '', {
      username: 'carol',
      password: 'carol-new-password',
    });
    await next.client.handleSignInCallback(callback);
    expect(await next.client.isAuthenticated()).toBe(true);
    next.client.dispose();
  });

  it('a too short new password: account_request_failed with the policy in data', async () => {
    const { account } = await signedIn(alice);
    await account.verifyPassword(alice.password);

    const error = await rejectionOf(account.changePassword('short'));

    expect(error).toMatchObject({
      code: 'account_request_failed',
      logtoCode: 'password.rejected',
      data: [{ code: 'password_rejected.too_short' }],
    });
    expect(String(error)).not.toContain('short"');
  });

  it('is given up when the local clock says it expired, before any request', async () => {
    let now = Date.now() / 1000;
    const { account, apiCalls } = await signedIn(alice, {}, () => now);
    await account.verifyPassword(alice.password);
    expect(account.verificationExpiresAt()).toBeGreaterThan(now + 500);

    now += 600;
    const error = await rejectionOf(account.updateMfaSettings({ skipMfaOnSignIn: false }));

    expect(error).toMatchObject({ code: 'verification_required' });
    expect(account.verificationExpiresAt()).toBeUndefined();
    expect(apiCalls()).toEqual(['POST /api/verifications/password']);
  });

  it('is forgotten when Logto refuses it (expired there): verification_required', async () => {
    const frozen = Date.now() / 1000;
    const { account } = await signedIn(alice, {}, () => frozen);
    await account.verifyPassword(alice.password);
    // The IdP's clock moves past the record's ten minutes; the client's does not.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60 * 1000);

    const error = await rejectionOf(account.updateMfaSettings({ skipMfaOnSignIn: false }));
    const again = await rejectionOf(account.updateMfaSettings({ skipMfaOnSignIn: false }));

    expect(error).toMatchObject({
      code: 'verification_required',
      logtoCode: 'verification_record.permission_denied',
      status: 401,
    });
    expect(again).toMatchObject({ code: 'verification_required', logtoCode: undefined });
  });
});

describe('verification codes', () => {
  it('a wrong code: code_invalid, and no code in the error', async () => {
    const { account } = await signedIn(alice);
    const sent = await account.sendCode({ email: 'alice@example.com' });
    const right = lastCodeTo(idp(), 'alice@example.com');
    const wrong = right === '000000' ? '111111' : '000000';

    const error = await rejectionOf(account.verifyCode(sent, wrong));

    expect(error).toMatchObject({
      code: 'code_invalid',
      logtoCode: 'verification_code.code_mismatch',
    });
    expect(JSON.stringify(error) + String(error)).not.toContain(right);
    expect(JSON.stringify(error) + String(error)).not.toContain(wrong);
  });

  it('a code past its ten minutes: code_expired', async () => {
    const { account } = await signedIn(alice);
    const sent = await account.sendCode({ email: 'alice@example.com' });
    const code = lastCodeTo(idp(), 'alice@example.com');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 60 * 1000);

    const error = await rejectionOf(account.verifyCode(sent, code));

    // Logto forgets the code's record with the code: its answer is the record's absence.
    expect(error).toMatchObject({
      code: 'code_expired',
      logtoCode: 'verification_record.not_found',
    });
  });

  it('a code to the user’s own email verifies their identity', async () => {
    const { account } = await signedIn(dave);
    await account.getAccount();

    const sent = await account.sendCode({ email: 'dave@example.com' });
    await account.verifyCode(sent, lastCodeTo(idp(), 'dave@example.com'));
    await account.removePrimaryPhone();

    expect(account.verificationExpiresAt()).toBeDefined();
    expect((await account.getAccount()).primaryPhone).toBeNull();
  });
});

describe('the primary email and phone', () => {
  it('sets a new email proven by a code, after the identity verification', async () => {
    const { test, account } = await signedIn(dave);
    await account.getAccount();
    await account.verifyPassword(dave.password);

    const sent = await account.sendCode({ email: 'dave.new@example.com' });
    const verified = await account.verifyCode(sent, lastCodeTo(idp(), 'dave.new@example.com'));
    // A code to a new address proves only that it is the user's: the password record stays.
    expect(account.verificationExpiresAt()).toBeDefined();
    await account.setPrimaryEmail(verified);

    expect((await account.getAccount()).primaryEmail).toBe('dave.new@example.com');
    expect(await test.client.fetchUserInfo()).toMatchObject({ email: 'dave.new@example.com' });
  });

  it('sets and removes a phone', async () => {
    const { account } = await signedIn(dave);
    await account.verifyPassword(dave.password);

    const sent = await account.sendCode({ phone: '15550177' });
    await account.setPrimaryPhone(await account.verifyCode(sent, lastCodeTo(idp(), '15550177')));
    const withPhone = await account.getAccount();
    await account.removePrimaryPhone();

    expect(withPhone.primaryPhone).toBe('15550177');
    expect((await account.getAccount()).primaryPhone).toBeNull();
  });

  it('an email another account has: identifier_in_use', async () => {
    const { account } = await signedIn(dave);
    await account.verifyPassword(dave.password);
    const sent = await account.sendCode({ email: 'alice@example.com' });
    const verified = await account.verifyCode(sent, lastCodeTo(idp(), 'alice@example.com'));

    const error = await rejectionOf(account.setPrimaryEmail(verified));

    expect(error).toMatchObject({
      code: 'identifier_in_use',
      logtoCode: 'user.email_already_in_use',
    });
  });

  it('without the email scope: missing_scope naming UserScope.Email', async () => {
    const { account } = await signedIn(dave, { scopes: [UserScope.Phone] });
    await account.verifyPassword(dave.password);

    const error = await rejectionOf(account.removePrimaryEmail());

    expect(error).toMatchObject({ code: 'missing_scope', scope: 'email' });
    expect((error as Error).message).toContain('UserScope.Email');
  });
});
