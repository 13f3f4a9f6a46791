import type {
  SeedAccountCenter,
  SeedAccountCenterInput,
  SeedSignInExperience,
  SeedSignInExperienceInput,
} from './account/SeedAccountCenter.js';

/**
 * The dev IdP's seed: everything a Logto tenant would hold for one SPA — the app, API resources,
 * roles, organizations and users. `DevIdpSeedInput` is what a seed file may contain (optional
 * fields may be left out); `DevIdpSeed` is the validated form with every default filled in.
 */

/** A scope of an API resource, referenced by the resource's indicator. */
export interface SeedResourceScope {
  /** Indicator of one of `resources`. */
  resource: string;
  /** One of that resource's `scopes`. */
  scope: string;
}

/** The single public SPA application the IdP serves. */
export interface SeedApp {
  /** The `client_id`. */
  appId: string;
  name: string;
  /** Allowed `redirect_uri` values for sign-in. */
  redirectUris: string[];
  /** Allowed `post_logout_redirect_uri` values for sign-out. */
  postSignOutRedirectUris: string[];
  /** Extra CORS origins; the origins of both URI lists above are always allowed. */
  corsOrigins: string[];
}

/** An API resource (RFC 8707 resource indicator) with its permission scopes. */
export interface SeedResource {
  /** Absolute URI identifying the API; it becomes the `aud` of its access tokens. */
  indicator: string;
  name: string;
  /** Lifetime in seconds of this API's access tokens; the IdP's access-token TTL when absent. */
  accessTokenTtl?: number;
  scopes: string[];
}

/** A user role granting API resource scopes. */
export interface SeedRole {
  name: string;
  scopes: SeedResourceScope[];
}

/** An organization role: organization scopes plus API resource scopes inside the organization. */
export interface SeedOrganizationRole {
  name: string;
  scopes: string[];
  resourceScopes: SeedResourceScope[];
}

/** A member of an organization, referenced by username, with organization role names. */
export interface SeedOrganizationMember {
  username: string;
  roles: string[];
}

/** An organization (Logto's multi-tenancy unit). */
export interface SeedOrganization {
  /** Used in `urn:logto:organization:<id>` and `<id>:<role>`, so it has no spaces or colons. */
  id: string;
  name: string;
  description: string | null;
  members: SeedOrganizationMember[];
}

/** Address claim fields (OIDC `address`, Logto's `profile.address`). */
export interface SeedUserAddress {
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** Standard OIDC profile fields Logto keeps in `user.profile` (all optional strings). */
export interface SeedUserProfile {
  familyName?: string;
  givenName?: string;
  middleName?: string;
  nickname?: string;
  preferredUsername?: string;
  profile?: string;
  website?: string;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  address?: SeedUserAddress;
}

/** A user who can sign in with username and password. */
export interface SeedUser {
  /** The `sub` claim. */
  id: string;
  username: string;
  password: string;
  name: string | null;
  email: string | null;
  emailVerified: boolean;
  phone: string | null;
  phoneVerified: boolean;
  picture: string | null;
  /** Standard profile fields (`given_name`, `address`...); empty by default. */
  profile: SeedUserProfile;
  customData: Record<string, unknown>;
  identities: Record<string, unknown>;
  /** Names of `roles`. */
  roles: string[];
  /** Milliseconds since the epoch, as Logto's `created_at` claim. */
  createdAt: number;
  /** Milliseconds since the epoch, as Logto's `updated_at` claim. */
  updatedAt: number;
}

/** A validated seed: all defaults applied, all cross-references checked. */
export interface DevIdpSeed {
  app: SeedApp;
  resources: SeedResource[];
  roles: SeedRole[];
  organizationRoles: SeedOrganizationRole[];
  organizations: SeedOrganization[];
  users: SeedUser[];
  /** The account center (Account API); off unless the seed enables it. */
  accountCenter: SeedAccountCenter;
  signInExperience: SeedSignInExperience;
}

/** Makes the listed keys of `T` optional. */
type Loosen<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** What a seed file (or object) may contain before validation fills in the defaults. */
export interface DevIdpSeedInput {
  app: Loosen<SeedApp, 'name' | 'postSignOutRedirectUris' | 'corsOrigins'>;
  resources?: Loosen<SeedResource, 'name' | 'scopes'>[];
  roles?: Loosen<SeedRole, 'scopes'>[];
  organizationRoles?: Loosen<SeedOrganizationRole, 'scopes' | 'resourceScopes'>[];
  organizations?: Loosen<SeedOrganization, 'name' | 'description' | 'members'>[];
  users?: Loosen<
    SeedUser,
    | 'id'
    | 'name'
    | 'email'
    | 'emailVerified'
    | 'phone'
    | 'phoneVerified'
    | 'picture'
    | 'profile'
    | 'customData'
    | 'identities'
    | 'roles'
    | 'createdAt'
    | 'updatedAt'
  >[];
  accountCenter?: SeedAccountCenterInput;
  signInExperience?: SeedSignInExperienceInput;
}
