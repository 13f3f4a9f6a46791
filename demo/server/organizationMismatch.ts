import type { JWTPayload } from 'jose';

/**
 * How a route belongs to an organization. An organization token names its organization in its
 * audience (`urn:logto:organization:<id>`); an API token obtained for an organization (refresh
 * grant with `resource` and `organization_id`) has the API as its audience and names the
 * organization in its `organization_id` claim instead.
 */
export interface RouteOrganization {
  id: string;
  boundBy: 'audience' | 'claim';
}

/**
 * Checks a verified token's `organization_id` claim against the route. Logto puts a scope in
 * such a token because an organization role grants it *inside that organization*; the token
 * says nothing about what the user may do anywhere else. So a route that is not an
 * organization's must refuse it, or any member with an organization role would get the
 * permission globally; and an organization's route must refuse another organization's token.
 *
 * @param path - the request path, for the message
 * @param organization - the route's organization; `undefined` for a global route
 * @param claims - the token's verified claims
 * @returns why the token may not open this route (an `error_description`), or `undefined` when
 *   it may as far as organizations go
 * @example
 * organizationMismatch('/api/store/orders', undefined, { organization_id: 'acme' });
 * // → 'This token is scoped to organization acme (organization_id); /api/store/orders is …'
 */
export function organizationMismatch(
  path: string,
  organization: RouteOrganization | undefined,
  claims: JWTPayload,
): string | undefined {
  const claim = claims.organization_id;
  if (claim !== undefined && typeof claim !== 'string') {
    return "The token's organization_id claim is not a string.";
  }
  if (organization === undefined) {
    if (claim === undefined) return undefined;
    return `This token is scoped to organization ${claim} (organization_id); ${path} is a global route and accepts only tokens without organization_id.`;
  }
  if (claim !== undefined) {
    return claim === organization.id
      ? undefined
      : `This token is scoped to organization ${claim}, not ${organization.id}.`;
  }
  // Without the claim, only an audience naming the organization ties the token to it.
  if (organization.boundBy === 'audience') return undefined;
  return `This route belongs to organization ${organization.id}: it needs a token scoped to it (organization_id ${organization.id}).`;
}
