import { useMemo } from 'react';
import { createFetch, type CreateFetchOptions } from '../createFetch.js';
import { useLogtoClient } from '../../react/LogtoContext.js';

/** Options of {@link useApiFetch}: those of `createFetch` but the resource. */
export type UseApiFetchOptions = Omit<CreateFetchOptions, 'resource'>;

/**
 * A `fetch` for one API that sends the user's access token, only to `options.origins` (see
 * `createFetch`). The function keeps its identity across renders while the options are equal by
 * value, so it is safe in effect dependencies.
 *
 * @param resource the API resource indicator (`undefined` with `organizationId`: the organization token)
 * @throws Error when used outside `<LogtoProvider>`; LogtoConfigError when `origins` is invalid
 * @example
 * ```tsx
 * function Orders() {
 *   const apiFetch = useApiFetch('https://api.example.com', { origins: ['https://api.example.com'] });
 *   useEffect(() => {
 *     void apiFetch('https://api.example.com/orders').then((response) => response.json()).then(setOrders);
 *   }, [apiFetch]);
 * }
 * ```
 */
export function useApiFetch(
  resource: string | undefined,
  options: UseApiFetchOptions,
): typeof fetch {
  const client = useLogtoClient('useApiFetch');
  const { organizationId, fetch: send } = options;
  // Compared by value: origins hold no spaces (each must be a bare origin).
  const origins = options.origins.join(' ');
  return useMemo(
    () =>
      createFetch(client, { resource, organizationId, origins: origins.split(' '), fetch: send }),
    [client, resource, organizationId, origins, send],
  );
}
