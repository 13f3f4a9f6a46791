/** What an access token is for: an API resource, an organization, both, or neither (userinfo). */
export interface TokenTarget {
  resource?: string | undefined;
  organizationId?: string | undefined;
}

/** Identifies one cached access token: the API resource and the organization it is for. */
export function tokenKey(resource?: string, organizationId?: string): string {
  return `${resource ?? ''} ${organizationId ?? ''}`;
}
