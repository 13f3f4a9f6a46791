import { describe, expect, it } from 'vitest';
import { LogtoAccountError } from '../../../src/account/index.js';
import { UserScope } from '../../../src/core/index.js';
import {
  alice,
  bob,
  rejectionOf,
  setUpAccountIdp,
  startAccountIdp,
  type AccountTest,
} from './accountHarness.js';
import { createTestClient, signIn } from '../core/harness.js';
import { createAccountClient } from '../../../src/account/index.js';
import { MemoryStorage } from '../../../src/core/index.js';
import type { DevIdp, DevIdpSeed } from '../../../src/dev-idp/index.js';

const { signedIn } = setUpAccountIdp();

/** Signs `user` in against a dev IdP of its own, whose seed `edit` changes; closes it after. */
async function withIdp(
  edit: (seed: DevIdpSeed) => void,
  run: (account: AccountTest['account'], other: DevIdp) => Promise<void>,
) {
  const other = await startAccountIdp(edit);
  const test = createTestClient(other, {}, { storage: new MemoryStorage() });
  try {
    await signIn(test, bob);
    await run(createAccountClient(test.client), other);
  } finally {
    test.client.dispose();
    await other.close();
  }
}

describe('reading the account', () => {
  it('shows the fields the scopes allow', async () => {
    const { account, apiCalls } = await signedIn(alice);

    const read = await account.getAccount();

    expect(read).toMatchObject({
      id: 'u_alice01',
      username: 'alice',
      name: 'Alice Liddell',
      primaryEmail: 'alice@example.com',
      customData: { theme: 'dark', plan: 'pro' },
      hasPassword: true,
    });
    expect(apiCalls()).toEqual(['GET /api/my-account']);
  });

  it('hides the fields whose scopes were not requested', async () => {
    const { account } = await signedIn(alice, { scopes: [] });

    const read = await account.getAccount();

    expect(read).toHaveProperty('name', 'Alice Liddell');
    expect(read).not.toHaveProperty('primaryEmail');
    expect(read).not.toHaveProperty('customData');
  });
});

describe('changing the name, avatar, username, profile and custom data', () => {
  it('changes the name and avatar; the account and userinfo show them', async () => {
    const { test, account } = await signedIn(bob);

    const changed = await account.updateAccount({
      name: 'Robert Builder',
      avatar: 'https://example.com/bob.png',
    });

    expect(changed).toMatchObject({
      name: 'Robert Builder',
      avatar: 'https://example.com/bob.png',
    });
    expect(await test.client.fetchUserInfo()).toMatchObject({ name: 'Robert Builder' });
  });

  it('refuses a username another account has: identifier_in_use', async () => {
    const { account } = await signedIn(bob);

    const error = await rejectionOf(account.updateAccount({ username: 'alice' }));

    expect(error).toBeInstanceOf(LogtoAccountError);
    expect(error).toMatchObject({
      code: 'identifier_in_use',
      logtoCode: 'user.username_already_in_use',
      status: 422,
    });
  });

  it('refuses a bad avatar URL as a failed request naming Logto’s code', async () => {
    const { account } = await signedIn(bob);

    const error = await rejectionOf(account.updateAccount({ avatar: 'not a url' }));

    expect(error).toMatchObject({
      code: 'account_request_failed',
      logtoCode: 'guard.invalid_input',
      status: 400,
    });
  });

  it('merges profile fields; the address needs the address scope', async () => {
    const withAddress = await signedIn(bob, { scopes: [UserScope.Address] });
    const without = await signedIn(bob, { scopes: [] });

    const profile = await withAddress.account.updateProfile({
      givenName: 'Bob',
      address: { country: 'NZ' },
    });
    const error = await rejectionOf(without.account.updateProfile({ address: { country: 'AU' } }));

    expect(profile).toMatchObject({ givenName: 'Bob', address: { country: 'NZ' } });
    expect(error).toMatchObject({ code: 'missing_scope', scope: 'address', status: 400 });
    expect((error as Error).message).toContain('UserScope.Address');
  });

  it('replaces the custom data; without the custom_data scope: missing_scope', async () => {
    const { account } = await signedIn(bob);
    const narrow = await signedIn(bob, { scopes: [] });

    const changed = await account.updateCustomData({ plan: 'free' });
    const error = await rejectionOf(narrow.account.updateCustomData({ plan: 'pro' }));

    expect(changed.customData).toEqual({ plan: 'free' });
    expect(error).toMatchObject({ code: 'missing_scope', scope: 'custom_data' });
    expect((error as Error).message).toContain('UserScope.CustomData');
  });
});

describe('the admin settings', () => {
  it('a read-only field: account_field_read_only naming the console setting', async () => {
    await withIdp(
      (seed) => {
        seed.accountCenter.fields.name = 'ReadOnly';
      },
      async (account) => {
        const error = await rejectionOf(account.updateAccount({ name: 'B' }));

        expect(error).toMatchObject({
          code: 'account_field_read_only',
          logtoCode: 'account_center.field_not_editable',
        });
        expect((error as Error).message).toContain('Account center');
      },
    );
  });

  it('the account center off: account_center_disabled naming the console setting', async () => {
    await withIdp(
      (seed) => {
        seed.accountCenter.enabled = false;
      },
      async (account) => {
        const error = await rejectionOf(account.getAccount());

        expect(error).toMatchObject({
          code: 'account_center_disabled',
          logtoCode: 'account_center.not_enabled',
        });
        expect((error as Error).message).toContain('Logto Console › Account center');
      },
    );
  });
});
