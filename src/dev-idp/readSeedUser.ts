import { readSeedUserProfile } from './account/readSeedUserProfile.js';
import type { SeedUser } from './DevIdpSeed.js';
import {
  fail,
  readArray,
  readBoolean,
  readFreeObject,
  readHttpUrl,
  readInteger,
  readNullableString,
  readObject,
  readString,
  readWord,
} from './seedFields.js';

const userKeys = [
  'id',
  'username',
  'password',
  'name',
  'email',
  'emailVerified',
  'phone',
  'phoneVerified',
  'picture',
  'profile',
  'customData',
  'identities',
  'roles',
  'createdAt',
  'updatedAt',
] as const;

/**
 * Validates one seeded user and fills in its defaults (`id` = `u_<username>`, times = `now`).
 *
 * @param roleNames the seed's role names, which `roles` must refer to
 * @throws {SeedValidationError} naming the bad field, e.g. `seed.users[0].roles[1]: unknown role "x"`
 */
export function readSeedUser(
  value: unknown,
  path: string,
  roleNames: ReadonlySet<string>,
  now: number,
): SeedUser {
  const item = readObject(value, path, userKeys);
  const username = readWord(item.username, `${path}.username`);
  const picture = readNullableString(item.picture, `${path}.picture`);
  if (picture !== null) readHttpUrl(picture, `${path}.picture`);
  const createdAt =
    item.createdAt === undefined
      ? now
      : readInteger(item.createdAt, `${path}.createdAt`, 0, 'milliseconds since the epoch');
  return {
    // A stable default keeps `sub` the same across restarts of the IdP.
    id: item.id === undefined ? `u_${username}` : readWord(item.id, `${path}.id`),
    username,
    password: readString(item.password, `${path}.password`),
    name: readNullableString(item.name, `${path}.name`),
    email: readNullableString(item.email, `${path}.email`),
    emailVerified: readBoolean(item.emailVerified, `${path}.emailVerified`, false),
    phone: readNullableString(item.phone, `${path}.phone`),
    phoneVerified: readBoolean(item.phoneVerified, `${path}.phoneVerified`, false),
    picture,
    profile: readSeedUserProfile(item.profile, `${path}.profile`),
    customData: readFreeObject(item.customData, `${path}.customData`, {}),
    identities: readFreeObject(item.identities, `${path}.identities`, {}),
    roles: readArray(item.roles, `${path}.roles`, []).map((role, index) => {
      const name = readString(role, `${path}.roles[${index}]`);
      if (!roleNames.has(name)) fail(`${path}.roles[${index}]`, `unknown role "${name}"`);
      return name;
    }),
    createdAt,
    updatedAt:
      item.updatedAt === undefined
        ? createdAt
        : readInteger(item.updatedAt, `${path}.updatedAt`, 0, 'milliseconds since the epoch'),
  };
}
