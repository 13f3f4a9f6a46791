import { useCallback, useEffect, useState } from 'react';
import type { LogtoError } from '../../core/errors/LogtoError.js';
import { useAsyncResult } from '../../react/useAsyncResult.js';
import { useAuthSnapshot } from '../../react/useAuthSnapshot.js';
import type { Account } from '../Account.js';
import { useAccountClient } from './AccountContext.js';

/** What {@link useAccount} returns. */
export interface UseAccountResult {
  /** The account, or `undefined` when signed out, loading, or after an error. */
  account: Account | undefined;
  /** True while the auth state loads and until the first answer for the signed-in user. */
  isLoading: boolean;
  /** Why the last read failed (switch on `error.code`, e.g. `account_center_disabled`). */
  error: LogtoError | undefined;
  /** Reads again; rejects on failure (and sets `error`). */
  refetch: () => Promise<Account>;
}

/**
 * The signed-in user's account from Logto's Account API, read once signed in, again when
 * another user signs in, and again after every change made through the account client (by
 * {@link useAccountAction} or directly), so the page shows what Logto now holds.
 *
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function Name() {
 *   const { account, isLoading, error } = useAccount();
 *   if (isLoading) return <p>Loading…</p>;
 *   if (error) return <p>{error.message}</p>;
 *   return <p>{account?.name}</p>;
 * }
 * ```
 */
export function useAccount(): UseAccountResult {
  const { snapshot } = useAuthSnapshot('useAccount');
  const accountClient = useAccountClient();
  const [revision, setRevision] = useState(0);
  useEffect(
    () => accountClient.subscribe(() => setRevision((value) => value + 1)),
    [accountClient],
  );
  const load = useCallback(() => accountClient.getAccount(), [accountClient]);
  const { data, error, isLoading, refetch } = useAsyncResult({
    // Per user: a different user signing in must never see the previous user's account.
    key: snapshot.idTokenClaims?.sub ?? '',
    load,
    enabled: snapshot.isAuthenticated,
    pending: snapshot.isLoading || snapshot.isHandlingCallback,
    trigger: revision,
  });
  return { account: data, isLoading, error, refetch };
}
