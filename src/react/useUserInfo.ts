import { useCallback } from 'react';
import type { LogtoError, UserInfoResponse } from '../core/index.js';
import { useAsyncResult } from './useAsyncResult.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/** What {@link useUserInfo} returns. */
export interface UseUserInfoResult {
  /** The userinfo response, or `undefined` when signed out, loading, or after an error. */
  userInfo: UserInfoResponse | undefined;
  /** True while the auth state loads and until the first response for the signed-in user. */
  isLoading: boolean;
  /** Why the last request failed (switch on `error.code`). */
  error: LogtoError | undefined;
  /** Fetches again; rejects on failure (and sets `error`). */
  refetch: () => Promise<UserInfoResponse>;
}

/**
 * Fetches the userinfo endpoint (which adds claims the ID token lacks, like `custom_data`,
 * `identities` and `organization_data`) once the user is signed in, and again when another user
 * signs in or `refetch()` is called.
 *
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function Profile() {
 *   const { userInfo, isLoading, error, refetch } = useUserInfo();
 *   if (isLoading) return <p>Loading…</p>;
 *   if (error) return <button onClick={() => void refetch()}>Retry ({error.message})</button>;
 *   return <pre>{JSON.stringify(userInfo, null, 2)}</pre>;
 * }
 * ```
 */
export function useUserInfo(): UseUserInfoResult {
  const { client, snapshot } = useAuthSnapshot('useUserInfo');
  const load = useCallback(() => client.fetchUserInfo(), [client]);
  const { data, error, isLoading, refetch } = useAsyncResult({
    // Per user: a different user signing in must never see the previous user's info.
    key: snapshot.idTokenClaims?.sub ?? '',
    load,
    enabled: snapshot.isAuthenticated,
    pending: snapshot.isLoading || snapshot.isHandlingCallback,
  });
  return { userInfo: data, isLoading, error, refetch };
}
