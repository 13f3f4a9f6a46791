/**
 * Claim shapes from Logto's scopes-and-claims table. Wire names stay snake_case because apps
 * read them straight from tokens and JSON.
 */

/** Claims present in every JWT. */
export interface JwtClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  jti?: string;
  [claim: string]: unknown;
}

/** User claims by scope, shared by the ID token and userinfo. Profile claims are `null` when the user has no value. */
export interface UserClaims {
  sub: string;
  // profile
  name?: string | null;
  username?: string | null;
  picture?: string | null;
  /** Milliseconds since the epoch (Logto's convention). */
  created_at?: number;
  /** Milliseconds since the epoch (Logto's convention). */
  updated_at?: number;
  family_name?: string;
  given_name?: string;
  middle_name?: string;
  nickname?: string;
  preferred_username?: string;
  profile?: string;
  website?: string;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  // email
  email?: string | null;
  email_verified?: boolean;
  // phone
  phone_number?: string | null;
  phone_number_verified?: boolean;
  // address
  address?: AddressClaim;
  // roles
  roles?: string[];
  // urn:logto:scope:organizations
  organizations?: string[];
  // urn:logto:scope:organization_roles, `<organization_id>:<role_name>`
  organization_roles?: string[];
}

/** Claims of a Logto ID token. */
export interface IdTokenClaims extends JwtClaims, UserClaims {
  sub: string;
  aud: string;
  at_hash?: string;
  nonce?: string;
  auth_time?: number;
  sid?: string;
}

/** The OIDC `address` claim. */
export interface AddressClaim {
  formatted?: string;
  street_address?: string;
  locality?: string;
  region?: string;
  postal_code?: string;
  country?: string;
}

/** One organization in the userinfo `organization_data` claim. */
export interface OrganizationData {
  id: string;
  name: string;
  description: string | null;
}

/** A linked social identity in the userinfo `identities` claim. */
export interface UserIdentity {
  userId: string;
  details?: Record<string, unknown>;
}

/** A linked enterprise SSO identity in the userinfo `sso_identities` claim. */
export interface SsoIdentity {
  issuer: string;
  identityId: string;
  detail: Record<string, unknown>;
}

/** The userinfo response: the user claims plus those that "need userinfo". */
export interface UserInfoResponse extends UserClaims {
  custom_data?: Record<string, unknown>;
  identities?: Record<string, UserIdentity>;
  sso_identities?: SsoIdentity[];
  organization_data?: OrganizationData[];
  [claim: string]: unknown;
}

/** Claims of a JWT access token for an API resource or an organization. */
export interface AccessTokenClaims extends JwtClaims {
  /** Space-separated scopes granted in this token. */
  scope?: string;
  client_id?: string;
  /** Present on organization-scoped API tokens. */
  organization_id?: string;
}
