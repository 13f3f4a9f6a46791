import { createContext, useContext } from 'react';
import { useLogtoClient } from '../../react/LogtoContext.js';
import type { LogtoClientLike } from '../../core/LogtoClientLike.js';
import type { AccountClient } from '../AccountClient.js';
import { createAccountClient } from '../createAccountClient.js';

/** The account client `<AccountProvider>` gives, if any. */
export const AccountContext = createContext<AccountClient | undefined>(undefined);
AccountContext.displayName = 'AccountContext';

/**
 * One account client per Logto client, so that every component shares the identity
 * verification: the user verifies once for the whole page, not once per form.
 */
const accountClients = new WeakMap<LogtoClientLike, AccountClient>();

/**
 * The account client of the nearest `<AccountProvider>`, else the one of the nearest
 * `<LogtoProvider>`'s client (made once and shared).
 *
 * @throws Error when used outside `<LogtoProvider>` (and `<AccountProvider>`)
 * @example
 * ```tsx
 * const account = useAccountClient();
 * const onSubmit = () => account.updateAccount({ name });
 * ```
 */
export function useAccountClient(): AccountClient {
  const given = useContext(AccountContext);
  const client = useLogtoClient('useAccountClient');
  if (given) return given;
  let account = accountClients.get(client);
  if (!account) {
    account = createAccountClient(client);
    accountClients.set(client, account);
  }
  return account;
}
