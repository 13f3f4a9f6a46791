import type {
  DevIdpSeed,
  SeedApp,
  SeedOrganization,
  SeedOrganizationRole,
  SeedResource,
  SeedResourceScope,
  SeedRole,
} from './DevIdpSeed.js';
import { readAccountCenterSeed } from './account/readAccountCenterSeed.js';
import { readSignInExperienceSeed } from './account/readSignInExperienceSeed.js';
import { ReservedResource } from './logtoConstants.js';
import { readSeedUser } from './readSeedUser.js';
import {
  assertUnique,
  fail,
  readArray,
  readHttpUrl,
  readInteger,
  readNullableString,
  readObject,
  readOptionalString,
  readOrigin,
  readString,
  readWord,
} from './seedFields.js';

/**
 * Validates a seed (parsed JSON or an object built in code) and fills in the defaults.
 *
 * Checks types, unknown fields, duplicates and every cross-reference (role names, resource
 * indicators and scopes, member usernames, organization role names).
 *
 * @param value - the untrusted seed
 * @returns a new, fully populated `DevIdpSeed`
 * @throws {SeedValidationError} naming the bad field, e.g.
 *   `seed.users[1].password: expected a non-empty string`
 * @example
 * const seed = validateSeed(JSON.parse(text));
 */
export function validateSeed(value: unknown): DevIdpSeed {
  const root = readObject(value, 'seed', [
    '$schema',
    'app',
    'resources',
    'roles',
    'organizationRoles',
    'organizations',
    'users',
    'accountCenter',
    'signInExperience',
  ]);
  // A seed read once at start-up shares one clock, so defaulted timestamps are consistent.
  const now = Date.now();

  const app = readApp(root.app);
  const resources = readArray(root.resources, 'seed.resources', []).map((item, index) =>
    readResource(item, `seed.resources[${index}]`),
  );
  assertUnique(
    resources,
    (r) => r.indicator,
    (i) => `seed.resources[${i}].indicator`,
    'indicator',
  );
  const scopesByResource = new Map(resources.map((r) => [r.indicator, new Set(r.scopes)]));

  const roles = readArray(root.roles, 'seed.roles', []).map((item, index) =>
    readRole(item, `seed.roles[${index}]`, scopesByResource),
  );
  assertUnique(
    roles,
    (r) => r.name,
    (i) => `seed.roles[${i}].name`,
    'role name',
  );

  const organizationRoles = readArray(root.organizationRoles, 'seed.organizationRoles', []).map(
    (item, index) =>
      readOrganizationRole(item, `seed.organizationRoles[${index}]`, scopesByResource),
  );
  assertUnique(
    organizationRoles,
    (r) => r.name,
    (i) => `seed.organizationRoles[${i}].name`,
    'organization role name',
  );

  const roleNames = new Set(roles.map((r) => r.name));
  const users = readArray(root.users, 'seed.users').map((item, index) =>
    readSeedUser(item, `seed.users[${index}]`, roleNames, now),
  );
  assertUnique(
    users,
    (u) => u.id,
    (i) => `seed.users[${i}].id`,
    'user id',
  );
  assertUnique(
    users,
    (u) => u.username.toLowerCase(),
    (i) => `seed.users[${i}].username`,
    'username',
  );

  const usernames = new Set(users.map((u) => u.username));
  const organizationRoleNames = new Set(organizationRoles.map((r) => r.name));
  const organizations = readArray(root.organizations, 'seed.organizations', []).map((item, index) =>
    readOrganization(item, `seed.organizations[${index}]`, usernames, organizationRoleNames),
  );
  assertUnique(
    organizations,
    (o) => o.id,
    (i) => `seed.organizations[${i}].id`,
    'organization id',
  );

  return {
    app,
    resources,
    roles,
    organizationRoles,
    organizations,
    users,
    accountCenter: readAccountCenterSeed(root.accountCenter),
    signInExperience: readSignInExperienceSeed(root.signInExperience),
  };
}

function readApp(value: unknown): SeedApp {
  const path = 'seed.app';
  const app = readObject(value, path, [
    'appId',
    'name',
    'redirectUris',
    'postSignOutRedirectUris',
    'corsOrigins',
  ]);
  const appId = readWord(app.appId, `${path}.appId`);
  const redirectUris = readArray(app.redirectUris, `${path}.redirectUris`).map((uri, index) =>
    readHttpUrl(uri, `${path}.redirectUris[${index}]`),
  );
  if (redirectUris.length === 0) fail(`${path}.redirectUris`, 'expected at least one URI');
  return {
    appId,
    name: readOptionalString(app.name, `${path}.name`, appId),
    redirectUris,
    postSignOutRedirectUris: readArray(
      app.postSignOutRedirectUris,
      `${path}.postSignOutRedirectUris`,
      [],
    ).map((uri, index) => readHttpUrl(uri, `${path}.postSignOutRedirectUris[${index}]`)),
    corsOrigins: readArray(app.corsOrigins, `${path}.corsOrigins`, []).map((origin, index) =>
      readOrigin(origin, `${path}.corsOrigins[${index}]`),
    ),
  };
}

function readResource(value: unknown, path: string): SeedResource {
  const item = readObject(value, path, ['indicator', 'name', 'accessTokenTtl', 'scopes']);
  const indicator = readString(item.indicator, `${path}.indicator`);
  const url = URL.parse(indicator);
  if (!url) fail(`${path}.indicator`, 'expected an absolute URI');
  if (indicator.includes('#')) fail(`${path}.indicator`, 'must not contain a fragment (#)');
  if (indicator.startsWith('urn:logto:')) {
    fail(
      `${path}.indicator`,
      `the urn:logto: namespace is reserved (${ReservedResource.Organization})`,
    );
  }
  const scopes = readArray(item.scopes, `${path}.scopes`, []).map((scope, index) =>
    readWord(scope, `${path}.scopes[${index}]`),
  );
  assertUnique(
    scopes,
    (s) => s,
    (i) => `${path}.scopes[${i}]`,
    'scope',
  );
  const resource: SeedResource = {
    indicator,
    name: readOptionalString(item.name, `${path}.name`, indicator),
    scopes,
  };
  if (item.accessTokenTtl !== undefined) {
    resource.accessTokenTtl = readInteger(
      item.accessTokenTtl,
      `${path}.accessTokenTtl`,
      1,
      'a positive integer (seconds)',
    );
  }
  return resource;
}

function readResourceScopes(
  value: unknown,
  path: string,
  scopesByResource: ReadonlyMap<string, ReadonlySet<string>>,
): SeedResourceScope[] {
  return readArray(value, path, []).map((entry, index) => {
    const entryPath = `${path}[${index}]`;
    const item = readObject(entry, entryPath, ['resource', 'scope']);
    const resource = readString(item.resource, `${entryPath}.resource`);
    const known = scopesByResource.get(resource);
    if (!known) fail(`${entryPath}.resource`, `unknown resource indicator "${resource}"`);
    const scope = readWord(item.scope, `${entryPath}.scope`);
    if (!known.has(scope)) {
      fail(`${entryPath}.scope`, `"${scope}" is not one of the scopes of ${resource}`);
    }
    return { resource, scope };
  });
}

function readRole(
  value: unknown,
  path: string,
  scopesByResource: ReadonlyMap<string, ReadonlySet<string>>,
): SeedRole {
  const item = readObject(value, path, ['name', 'scopes']);
  return {
    name: readString(item.name, `${path}.name`),
    scopes: readResourceScopes(item.scopes, `${path}.scopes`, scopesByResource),
  };
}

function readOrganizationRole(
  value: unknown,
  path: string,
  scopesByResource: ReadonlyMap<string, ReadonlySet<string>>,
): SeedOrganizationRole {
  const item = readObject(value, path, ['name', 'scopes', 'resourceScopes']);
  const scopes = readArray(item.scopes, `${path}.scopes`, []).map((scope, index) =>
    readWord(scope, `${path}.scopes[${index}]`),
  );
  return {
    name: readString(item.name, `${path}.name`),
    scopes,
    resourceScopes: readResourceScopes(
      item.resourceScopes,
      `${path}.resourceScopes`,
      scopesByResource,
    ),
  };
}

function readOrganization(
  value: unknown,
  path: string,
  usernames: ReadonlySet<string>,
  organizationRoleNames: ReadonlySet<string>,
): SeedOrganization {
  const item = readObject(value, path, ['id', 'name', 'description', 'members']);
  const id = readWord(item.id, `${path}.id`);
  // The id is embedded in `urn:logto:organization:<id>` and in `<id>:<role>` claims.
  if (id.includes(':')) fail(`${path}.id`, 'must not contain ":"');
  const members = readArray(item.members, `${path}.members`, []).map((entry, index) => {
    const memberPath = `${path}.members[${index}]`;
    const member = readObject(entry, memberPath, ['username', 'roles']);
    const username = readString(member.username, `${memberPath}.username`);
    if (!usernames.has(username)) fail(`${memberPath}.username`, `unknown user "${username}"`);
    const roles = readArray(member.roles, `${memberPath}.roles`, []).map((role, roleIndex) => {
      const name = readString(role, `${memberPath}.roles[${roleIndex}]`);
      if (!organizationRoleNames.has(name)) {
        fail(`${memberPath}.roles[${roleIndex}]`, `unknown organization role "${name}"`);
      }
      return name;
    });
    return { username, roles };
  });
  assertUnique(
    members,
    (m) => m.username,
    (i) => `${path}.members[${i}].username`,
    'member',
  );
  return {
    id,
    name: readOptionalString(item.name, `${path}.name`, id),
    description: readNullableString(item.description, `${path}.description`),
    members,
  };
}
