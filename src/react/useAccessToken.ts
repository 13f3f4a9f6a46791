import { useAccessTokenState, type UseAccessTokenResult } from './useAccessTokenState.js';

export type { UseAccessTokenResult } from './useAccessTokenState.js';

/** Options of {@link useAccessToken}. */
export interface UseAccessTokenOptions {
  /** Get an organization token (alone, or for `resource` within the organization). */
  organizationId?: string | undefined;
  /** Set `false` to wait (e.g. until an organization is picked). Default `true`. */
  enabled?: boolean | undefined;
}

/**
 * An access token for an API resource and/or an organization, kept current: the component
 * re-renders with the new token when it is refreshed, whether by the proactive refresh, by
 * another component, or in another tab. Without arguments it is the opaque token for userinfo.
 * Switching `resource` never shows the previous resource's token, even while a request is in flight.
 *
 * @param resource the API resource indicator (must be in the config's `resources`)
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function Orders() {
 *   const { accessToken, claims, error } = useAccessToken('https://api.example.com');
 *   useEffect(() => {
 *     if (accessToken) void fetch('/api/orders', { headers: { authorization: `Bearer ${accessToken}` } });
 *   }, [accessToken]);
 *   return error ? <p>{error.message}</p> : <p>Scopes: {claims?.scope}</p>;
 * }
 * ```
 */
export function useAccessToken(
  resource?: string,
  options: UseAccessTokenOptions = {},
): UseAccessTokenResult {
  return useAccessTokenState(
    'useAccessToken',
    resource,
    options.organizationId,
    options.enabled ?? true,
  );
}
