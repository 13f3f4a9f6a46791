/** Identifies one cached access token: the API resource and the organization it is for. */
export function tokenKey(resource?: string, organizationId?: string): string {
  return `${resource ?? ''} ${organizationId ?? ''}`;
}
