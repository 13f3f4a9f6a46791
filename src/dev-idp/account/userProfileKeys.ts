import type { SeedUserAddress, SeedUserProfile } from '../DevIdpSeed.js';

/** The string fields of Logto's `user.profile` (the address is an object of its own). */
export const userProfileStringKeys = [
  'familyName',
  'givenName',
  'middleName',
  'nickname',
  'preferredUsername',
  'profile',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
] as const satisfies readonly (keyof SeedUserProfile)[];

/** The fields of Logto's profile address. */
export const userAddressKeys = [
  'formatted',
  'streetAddress',
  'locality',
  'region',
  'postalCode',
  'country',
] as const satisfies readonly (keyof SeedUserAddress)[];
