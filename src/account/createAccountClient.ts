import { AccountApi, type AccountClientOptions, type AccountTokenSource } from './AccountApi.js';
import type { AccountClient } from './AccountClient.js';
import { identifierOperations } from './identifierOperations.js';
import { mfaOperations } from './mfaOperations.js';
import { profileOperations } from './profileOperations.js';
import { sessionOperations } from './sessionOperations.js';
import { verificationOperations } from './verificationOperations.js';

/**
 * A client of Logto's Account API for the user signed in to `client`: it calls
 * `${endpoint}/api/...` with the user's Logto-audience access token (the one with no resource),
 * and replaces that token once when Logto refuses it.
 *
 * What the Logto admin must switch on: the account center and each field the app changes
 * (Logto Console › Account center); what the app must request: the scopes of the fields it
 * reads or changes (`UserScope.Email`, `Phone`, `CustomData`, `Identities`, `Address`,
 * `AccountScope.Sessions`).
 *
 * A function rather than a client method, so that an app which does not use it does not ship it.
 *
 * @param client the signed-in `LogtoClient`
 * @example
 * ```ts
 * const account = createAccountClient(client);
 * const { name, primaryEmail } = await account.getAccount();
 * ```
 */
export function createAccountClient(
  client: AccountTokenSource,
  options: AccountClientOptions = {},
): AccountClient {
  const api = new AccountApi(client, options);
  return {
    ...profileOperations(api),
    ...verificationOperations(api),
    ...identifierOperations(api),
    ...mfaOperations(api),
    ...sessionOperations(api),
    subscribe: (listener) => api.subscribe(listener),
  };
}
