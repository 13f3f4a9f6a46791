/**
 * The Logto names the dev IdP speaks. They mirror Logto's wire format; the browser SDK has its
 * own copies in src/core so that neither side imports the other.
 */

/** Scopes with a fixed meaning in Logto. */
export const LogtoScope = {
  OpenId: 'openid',
  OfflineAccess: 'offline_access',
  Profile: 'profile',
  Email: 'email',
  Phone: 'phone',
  Address: 'address',
  CustomData: 'custom_data',
  Identities: 'identities',
  Roles: 'roles',
  Organizations: 'urn:logto:scope:organizations',
  OrganizationRoles: 'urn:logto:scope:organization_roles',
  /** Gates the Account API's sessions routes (Logto dev features). */
  Sessions: 'urn:logto:scope:sessions',
} as const;

/** Resource indicators reserved by Logto. */
export const ReservedResource = {
  /** Requested at sign-in so that organization scopes can be granted. */
  Organization: 'urn:logto:resource:organizations',
} as const;

/** Audience of an organization token: `urn:logto:organization:<id>`. */
export function organizationUrn(organizationId: string): string {
  return `urn:logto:organization:${organizationId}`;
}
