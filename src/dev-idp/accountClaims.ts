import type { Account } from 'oidc-provider';

import type { SeedUser, SeedUserProfile } from './DevIdpSeed.js';
import { LogtoScope } from './logtoConstants.js';
import type { UserDirectory } from './UserDirectory.js';

/**
 * Which claims each scope releases, as in Logto's "Scopes and claims" table. oidc-provider
 * filters the claims an account returns through this map, for ID tokens and userinfo alike.
 */
export const claimsByScope: Record<string, string[]> = {
  [LogtoScope.OpenId]: ['sub'],
  [LogtoScope.Profile]: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
    'username',
    'created_at',
  ],
  [LogtoScope.Email]: ['email', 'email_verified'],
  [LogtoScope.Phone]: ['phone_number', 'phone_number_verified'],
  [LogtoScope.Address]: ['address'],
  [LogtoScope.CustomData]: ['custom_data'],
  [LogtoScope.Identities]: ['identities', 'sso_identities'],
  [LogtoScope.Roles]: ['roles'],
  [LogtoScope.Organizations]: ['organizations', 'organization_data'],
  [LogtoScope.OrganizationRoles]: ['organization_roles'],
  [LogtoScope.Sessions]: [],
};

/** Standard OIDC claim names of the profile fields Logto keeps in `user.profile`. */
const profileClaimNames: Record<Exclude<keyof SeedUserProfile, 'address'>, string> = {
  familyName: 'family_name',
  givenName: 'given_name',
  middleName: 'middle_name',
  nickname: 'nickname',
  preferredUsername: 'preferred_username',
  profile: 'profile',
  website: 'website',
  gender: 'gender',
  birthdate: 'birthdate',
  zoneinfo: 'zoneinfo',
  locale: 'locale',
};

/** The user's `profile` as OIDC claims; unset fields are left out. */
function profileClaims(profile: SeedUserProfile): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [key, claim] of Object.entries(profileClaimNames)) {
    const value = profile[key as keyof typeof profileClaimNames];
    if (value !== undefined) claims[claim] = value;
  }
  const { address } = profile;
  if (address !== undefined) {
    claims.address = {
      formatted: address.formatted,
      street_address: address.streetAddress,
      locality: address.locality,
      region: address.region,
      postal_code: address.postalCode,
      country: address.country,
    };
  }
  return claims;
}

/**
 * Builds every claim a user has. Claims Logto marks "needs userinfo" (custom data, identities,
 * organization data) are left out of ID tokens; the scope filter then picks the rest.
 *
 * @param use - `id_token` or `userinfo`, as oidc-provider passes it
 */
export function userClaims(
  user: SeedUser,
  directory: UserDirectory,
  use: string,
): Record<string, unknown> {
  const memberships = directory.membershipsOf(user);
  const claims: Record<string, unknown> = {
    ...profileClaims(user.profile),
    sub: user.id,
    name: user.name,
    username: user.username,
    picture: user.picture,
    // Logto uses milliseconds here, unlike the seconds of standard OIDC time claims.
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    email: user.email,
    email_verified: user.emailVerified,
    phone_number: user.phone,
    phone_number_verified: user.phoneVerified,
    roles: user.roles,
    organizations: memberships.map((m) => m.organization.id),
    organization_roles: memberships.flatMap((m) =>
      m.roles.map((role) => `${m.organization.id}:${role}`),
    ),
  };
  if (use === 'userinfo') {
    claims.custom_data = user.customData;
    claims.identities = user.identities;
    claims.sso_identities = [];
    claims.organization_data = memberships.map(({ organization }) => ({
      id: organization.id,
      name: organization.name,
      description: organization.description,
    }));
  }
  return claims;
}

/**
 * oidc-provider's `findAccount`: resolves a `sub` to an account whose claims come from the
 * directory at the time of the call, so tokens issued after a change see the new values.
 */
export function createFindAccount(
  directory: UserDirectory,
): (ctx: unknown, sub: string) => Account | undefined {
  return (_ctx, sub) => {
    const user = directory.findById(sub);
    if (!user) return undefined;
    return {
      accountId: user.id,
      claims: (use) => Promise.resolve(userClaims(user, directory, use)),
    };
  };
}
