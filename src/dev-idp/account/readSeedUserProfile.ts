import type { SeedUserAddress, SeedUserProfile } from '../DevIdpSeed.js';
import { fail, readObject } from '../seedFields.js';
import { userAddressKeys, userProfileStringKeys } from './userProfileKeys.js';

/**
 * Validates a seeded user's `profile` (standard OIDC profile fields, as Logto stores them).
 *
 * @throws {SeedValidationError} naming the bad field, e.g. `seed.users[0].profile.givenName`
 */
export function readSeedUserProfile(value: unknown, path: string): SeedUserProfile {
  if (value === undefined) return {};
  const item = readObject(value, path, [...userProfileStringKeys, 'address']);
  const profile: SeedUserProfile = {};
  for (const key of userProfileStringKeys) {
    const text = readText(item[key], `${path}.${key}`);
    if (text !== undefined) profile[key] = text;
  }
  if (item.address !== undefined) {
    const address = readObject(item.address, `${path}.address`, userAddressKeys);
    const result: SeedUserAddress = {};
    for (const key of userAddressKeys) {
      const text = readText(address[key], `${path}.address.${key}`);
      if (text !== undefined) result[key] = text;
    }
    profile.address = result;
  }
  return profile;
}

function readText(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(path, 'expected a string');
  return value;
}
