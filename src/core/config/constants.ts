/** Scopes the SDK always requests (unless `includeReservedScopes: false`). */
export const ReservedScope = {
  OpenId: 'openid',
  OfflineAccess: 'offline_access',
} as const;
/** A reserved scope value. */
export type ReservedScope = (typeof ReservedScope)[keyof typeof ReservedScope];

/**
 * Scopes for user claims, as listed in Logto's scopes-and-claims table. `Profile` is always
 * requested; add the others to `LogtoConfig.scopes`.
 *
 * @example
 * ```ts
 * new LogtoClient({ endpoint, appId, scopes: [UserScope.Email, UserScope.Organizations] });
 * ```
 */
export const UserScope = {
  /** `name`, `username`, `picture`, `created_at`, `updated_at` and other standard profile claims. */
  Profile: 'profile',
  /** `email`, `email_verified`. */
  Email: 'email',
  /** `phone_number`, `phone_number_verified`. */
  Phone: 'phone',
  /** `address`. */
  Address: 'address',
  /** `custom_data` (userinfo only). */
  CustomData: 'custom_data',
  /** `identities`, `sso_identities` (userinfo only). */
  Identities: 'identities',
  /** `roles`. */
  Roles: 'roles',
  /** `organizations` (ID token), `organization_data` (userinfo); needed for organization tokens. */
  Organizations: 'urn:logto:scope:organizations',
  /** `organization_roles` as `<organization_id>:<role_name>`. */
  OrganizationRoles: 'urn:logto:scope:organization_roles',
} as const;
/** A user scope value. */
export type UserScope = (typeof UserScope)[keyof typeof UserScope];

/** Resource indicators with a meaning reserved by Logto. */
export const ReservedResource = {
  /** Added automatically when `UserScope.Organizations` is requested; grants organization tokens. */
  Organization: 'urn:logto:resource:organizations',
} as const;
/** A reserved resource value. */
export type ReservedResource = (typeof ReservedResource)[keyof typeof ReservedResource];

/** Values of the OIDC `prompt` parameter. */
export const Prompt = {
  None: 'none',
  /** Required for Logto to issue a refresh token; the default. */
  Consent: 'consent',
  Login: 'login',
} as const;
/** A prompt value. */
export type Prompt = (typeof Prompt)[keyof typeof Prompt];

/** Which screen the Logto sign-in experience opens on (`first_screen`). */
export const FirstScreen = {
  SignIn: 'sign_in',
  Register: 'register',
  IdentifierSignIn: 'identifier:sign_in',
  IdentifierRegister: 'identifier:register',
  SingleSignOn: 'single_sign_on',
  ResetPassword: 'reset_password',
} as const;
/** A first-screen value. */
export type FirstScreen = (typeof FirstScreen)[keyof typeof FirstScreen];

/** Legacy `interaction_mode` values (`signUp` opens the registration page). */
export type InteractionMode = 'signIn' | 'signUp';

/** Identifier kinds for the `identifier` parameter. */
export type SignInIdentifier = 'email' | 'phone' | 'username';

/**
 * The prefix of an organization token's audience, `urn:logto:organization:<id>`.
 *
 * @example
 * ```ts
 * if (claims.aud.startsWith(organizationUrnPrefix)) showOrganizationBadge();
 * ```
 */
export const organizationUrnPrefix = 'urn:logto:organization:';

/**
 * Builds the audience of an organization token: `urn:logto:organization:<id>`.
 *
 * @example
 * ```ts
 * buildOrganizationUrn('acme'); // 'urn:logto:organization:acme'
 * ```
 */
export function buildOrganizationUrn(organizationId: string): string {
  return `${organizationUrnPrefix}${organizationId}`;
}

/** Extracts the organization id from an organization URN, or `undefined` if it is not one. */
export function getOrganizationIdFromUrn(urn: string): string | undefined {
  return urn.startsWith(organizationUrnPrefix)
    ? urn.slice(organizationUrnPrefix.length)
    : undefined;
}
