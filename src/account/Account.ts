/** The address of {@link AccountProfile} (needs `UserScope.Address` to read or change). */
export interface AccountAddress {
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** Logto's `profile` object: the standard OIDC profile fields beyond name and picture. */
export interface AccountProfile {
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
  address?: AccountAddress;
}

/** A social identity linked to the account (needs `UserScope.Identities`). */
export interface AccountIdentity {
  userId: string;
  details?: Record<string, unknown>;
}

/**
 * The signed-in user's account as Logto's `GET /api/my-account` returns it. A field is present
 * only when the access token's scopes allow it and the account center does not switch it off,
 * so every field but `id` may be missing; `null` means "not set".
 *
 * @example
 * ```ts
 * const account: Account = await accountClient.getAccount();
 * console.log(account.name ?? account.username);
 * ```
 */
export interface Account {
  id: string;
  username?: string | null;
  /** Needs `UserScope.Email`. */
  primaryEmail?: string | null;
  /** Needs `UserScope.Phone`. */
  primaryPhone?: string | null;
  name?: string | null;
  avatar?: string | null;
  /** Needs `UserScope.CustomData`. */
  customData?: Record<string, unknown>;
  /** Needs `UserScope.Identities`. */
  identities?: Record<string, AccountIdentity>;
  profile?: AccountProfile;
  /** Epoch milliseconds, as Logto sends them. */
  lastSignInAt?: number | null;
  createdAt?: number;
  updatedAt?: number;
  applicationId?: string | null;
  isSuspended?: boolean;
  /** Whether the user has a password (so `verifyPassword` can work). */
  hasPassword?: boolean;
}

/**
 * The basic fields `updateAccount` changes; `null` clears a field (Logto refuses to clear the
 * username when it is a sign-up identifier).
 */
export interface AccountChanges {
  name?: string | null;
  /** An http(s) URL. */
  avatar?: string | null;
  username?: string | null;
}
