import type { ReactNode } from 'react';
import type { AccountClient } from '../AccountClient.js';
import { AccountContext } from './AccountContext.js';

/** Props of {@link AccountProvider}. */
export interface AccountProviderProps {
  /** The account client the hooks below use (e.g. made with a custom `fetch`). */
  client: AccountClient;
  children?: ReactNode;
}

/**
 * Gives the account hooks below it an account client of your making. Optional: without it they
 * use one made from `<LogtoProvider>`'s client. Place it inside `<LogtoProvider>`.
 *
 * @example
 * ```tsx
 * const account = createAccountClient(client, { fetch: myFetch });
 * <LogtoProvider client={client}>
 *   <AccountProvider client={account}><AccountPage /></AccountProvider>
 * </LogtoProvider>
 * ```
 */
export function AccountProvider({ client, children }: AccountProviderProps): ReactNode {
  return <AccountContext.Provider value={client}>{children}</AccountContext.Provider>;
}
