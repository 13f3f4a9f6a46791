import type { SeedUser, SeedUserProfile } from '../DevIdpSeed.js';
import { LogtoScope } from '../logtoConstants.js';
import type { AccountCenterControl, SeedAccountCenter } from './SeedAccountCenter.js';

/** Logto's user profile response (`GET /api/my-account`); every key but `id` may be absent. */
export interface AccountProfile {
  id: string;
  username?: string | null;
  primaryEmail?: string | null;
  primaryPhone?: string | null;
  name?: string | null;
  avatar?: string | null;
  customData?: Record<string, unknown>;
  identities?: Record<string, unknown>;
  profile?: SeedUserProfile;
  lastSignInAt?: number | null;
  createdAt?: number;
  updatedAt?: number;
  applicationId?: string | null;
  isSuspended?: boolean;
  hasPassword?: boolean;
}

/** The profile with the address only under the `address` scope (Logto's scoped profile). */
export function scopedUserProfile(user: SeedUser, scopes: ReadonlySet<string>): SeedUserProfile {
  const { address, ...rest } = user.profile;
  return scopes.has(LogtoScope.Address) && address !== undefined ? { ...rest, address } : rest;
}

const readable = (control: AccountCenterControl) => control !== 'Off';

/**
 * What the Account API shows of a user: first what the token's scopes allow (`profile` for
 * the basics, `email`, `phone`, `custom_data`, `identities`, `address`), then only the fields
 * the account center does not switch `Off`. Logto's key order is kept.
 */
export function accountProfile(
  user: SeedUser,
  scopes: ReadonlySet<string>,
  accountCenter: SeedAccountCenter,
): AccountProfile {
  const { fields } = accountCenter;
  const has = (scope: string) => scopes.has(scope);
  const result: AccountProfile = { id: user.id };
  if (has(LogtoScope.Identities) && readable(fields.social)) result.identities = user.identities;
  if (has(LogtoScope.CustomData) && readable(fields.customData)) {
    result.customData = user.customData;
  }
  if (has(LogtoScope.Email) && readable(fields.email)) result.primaryEmail = user.email;
  if (has(LogtoScope.Phone) && readable(fields.phone)) result.primaryPhone = user.phone;
  if (has(LogtoScope.Profile)) {
    if (readable(fields.name)) result.name = user.name;
    if (readable(fields.avatar)) result.avatar = user.picture;
    if (readable(fields.username)) result.username = user.username;
    if (readable(fields.profile)) result.profile = scopedUserProfile(user, scopes);
    // The dev IdP does not track sign-ins; users come from the seed or the sign-up page.
    result.lastSignInAt = null;
    result.createdAt = user.createdAt;
    result.updatedAt = user.updatedAt;
    result.applicationId = null;
    result.isSuspended = false;
    if (readable(fields.password)) result.hasPassword = true;
  }
  return result;
}
