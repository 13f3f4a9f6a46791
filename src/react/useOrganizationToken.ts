import { useAccessTokenState, type UseAccessTokenResult } from './useAccessTokenState.js';

/**
 * An organization token (`aud: urn:logto:organization:<id>`), kept current like
 * `useAccessToken`. Needs `UserScope.Organizations` in the config's scopes. Pass `undefined`
 * to wait until an organization is chosen.
 *
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function OrgRoles({ orgId }: { orgId: string }) {
 *   const { claims, error } = useOrganizationToken(orgId);
 *   return <p>{error ? error.message : claims?.scope}</p>;
 * }
 * ```
 */
export function useOrganizationToken(organizationId: string | undefined): UseAccessTokenResult {
  return useAccessTokenState(
    'useOrganizationToken',
    undefined,
    organizationId,
    organizationId !== undefined,
  );
}
