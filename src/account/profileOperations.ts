import type { Account, AccountChanges, AccountProfile } from './Account.js';
import type { AccountApi } from './AccountApi.js';
import { readAnswer } from './readAnswer.js';

/** Reading the account and changing its profile: the account client's first part. */
export interface ProfileOperations {
  /**
   * The account: the fields the account center shows and the token's scopes allow.
   *
   * @throws LogtoAccountError (`account_center_disabled`...), and the client's token errors
   */
  getAccount(): Promise<Account>;
  /**
   * Changes the name, avatar or username (`null` clears one); resolves with the account.
   *
   * @throws LogtoAccountError `account_field_read_only`, `identifier_in_use` (username taken),
   *   `account_request_failed` (`guard.invalid_input`: not a URL, not a valid username...)
   */
  updateAccount(changes: AccountChanges): Promise<Account>;
  /**
   * Merges `changes` into the profile (given name, locale, address...); resolves with it.
   *
   * @throws LogtoAccountError `account_field_read_only`, `missing_scope` (`address` for the address)
   */
  updateProfile(changes: AccountProfile): Promise<AccountProfile>;
  /**
   * Replaces the custom data (needs `UserScope.CustomData`); resolves with the account.
   *
   * @throws LogtoAccountError `missing_scope`, `account_field_read_only`
   */
  updateCustomData(customData: Record<string, unknown>): Promise<Account>;
  /**
   * Changes the password. Needs the identity verification (see `verifyPassword`).
   *
   * @throws LogtoAccountError `verification_required`, `account_request_failed`
   *   (`password.rejected`: the password policy; `data` lists the rules; `user.same_password`)
   */
  changePassword(newPassword: string): Promise<void>;
}

/** The profile operations over `api`. */
export function profileOperations(api: AccountApi): ProfileOperations {
  const account = (json: unknown): Account => {
    const read = readAnswer<Account>(json, 'the account', ['id']);
    api.known = read;
    return read;
  };
  const patchAccount = async (body: object, scope?: string) =>
    account(
      (await api.send({ method: 'PATCH', path: '/my-account', body, scope, changes: true })).json,
    );

  return {
    getAccount: async () => account((await api.send({ method: 'GET', path: '/my-account' })).json),
    updateAccount: (changes) => patchAccount(changes),
    updateCustomData: (customData) => patchAccount({ customData }, 'custom_data'),
    updateProfile: async (changes) => {
      const { json } = await api.send({
        method: 'PATCH',
        path: '/my-account/profile',
        body: changes,
        scope: changes.address === undefined ? undefined : 'address',
        changes: true,
      });
      return readAnswer<AccountProfile>(json, 'the profile');
    },
    changePassword: async (password) => {
      await api.send({
        method: 'POST',
        path: '/my-account/password',
        body: { password },
        verified: true,
        changes: true,
      });
    },
  };
}
