import { useCallback, useMemo } from 'react';
import { decodeJwtClaims, type AccessTokenClaims, type LogtoError } from '../core/index.js';
import { useAsyncResult } from './useAsyncResult.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/** What `useAccessToken` and `useOrganizationToken` return. */
export interface UseAccessTokenResult {
  /** The access token, or `undefined` when signed out, loading, or after an error. */
  accessToken: string | undefined;
  /** Its decoded (unverified) claims when it is a JWT; `undefined` for an opaque token. */
  claims: AccessTokenClaims | undefined;
  /** True while the auth state loads and until the first token for these arguments. */
  isLoading: boolean;
  /** Why the last read failed, e.g. `session_expired`, `network_error` (switch on `error.code`). */
  error: LogtoError | undefined;
  /** Reads the token again (from the cache when still fresh); rejects on failure. */
  refetch: () => Promise<string>;
}

/** The shared body of `useAccessToken` and `useOrganizationToken`; `hookName` is for errors. */
export function useAccessTokenState(
  hookName: string,
  resource: string | undefined,
  organizationId: string | undefined,
  enabled: boolean,
): UseAccessTokenResult {
  const { client, snapshot } = useAuthSnapshot(hookName);
  const load = useCallback(
    () => client.getAccessToken(resource, organizationId),
    [client, resource, organizationId],
  );
  const { data, error, isLoading, refetch } = useAsyncResult({
    // Per user too: after a switch of account the previous user's token must never show.
    key: JSON.stringify([snapshot.idTokenClaims?.sub, resource, organizationId]),
    load,
    enabled: enabled && snapshot.isAuthenticated,
    pending: enabled && (snapshot.isLoading || snapshot.isHandlingCallback),
    // Any stored token changed (a refresh here or in another tab): re-read; a cache hit costs no I/O.
    trigger: snapshot.tokenRevision,
  });
  const claims = useMemo(() => decodeClaims(data), [data]);
  return { accessToken: data, claims, isLoading, error, refetch };
}

function decodeClaims(token: string | undefined): AccessTokenClaims | undefined {
  if (token === undefined) return undefined;
  try {
    return decodeJwtClaims<AccessTokenClaims>(token);
  } catch {
    // Opaque tokens (the userinfo token) have no claims to show.
    return undefined;
  }
}
