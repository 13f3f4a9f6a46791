import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadSeed, SeedValidationError, validateSeed } from '../../../src/dev-idp/index.js';

/** A small valid seed; each test breaks one field of a copy. */
function validSeed() {
  return {
    app: { appId: 'spa', redirectUris: ['http://127.0.0.1:5173/callback'] },
    resources: [{ indicator: 'https://api.test/a', scopes: ['read', 'write'] }],
    roles: [{ name: 'reader', scopes: [{ resource: 'https://api.test/a', scope: 'read' }] }],
    organizationRoles: [{ name: 'admin', scopes: ['invite:members'] }],
    organizations: [{ id: 'acme', members: [{ username: 'alice', roles: ['admin'] }] }],
    users: [{ username: 'alice', password: 'pw', roles: ['reader'] }],
  };
}

function errorOf(value: unknown): SeedValidationError {
  try {
    validateSeed(value);
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('seed validation', () => {
  it('accepts the demo seed with its two users, two API resources and two organizations', async () => {
    const seed = await loadSeed('demo/idp.seed.json');

    expect(seed.users.length).toBeGreaterThanOrEqual(2);
    expect(seed.resources.length).toBeGreaterThanOrEqual(2);
    expect(seed.organizations.length).toBeGreaterThanOrEqual(2);
    expect(seed.app.redirectUris).toEqual(['http://127.0.0.1:5173/callback']);
    expect(seed.app.postSignOutRedirectUris).toEqual(['http://127.0.0.1:5173/']);
  });

  it('fills in defaults for optional fields', () => {
    const seed = validateSeed(validSeed());

    expect(seed.app).toMatchObject({ name: 'spa', postSignOutRedirectUris: [], corsOrigins: [] });
    expect(seed.users[0]).toMatchObject({
      id: 'u_alice',
      name: null,
      email: null,
      emailVerified: false,
      picture: null,
      customData: {},
      identities: {},
    });
    expect(seed.organizations[0]).toMatchObject({ name: 'acme', description: null });
    expect(seed.organizationRoles[0]?.resourceScopes).toEqual([]);
  });

  it.each([
    [
      'an empty password',
      (s: ReturnType<typeof validSeed>) => {
        s.users.push({ username: 'bob', password: '', roles: [] });
      },
      'seed.users[1].password: expected a non-empty string',
    ],
    [
      'a misspelt field',
      (s: ReturnType<typeof validSeed>) => {
        Object.assign(s.users[0] ?? {}, { emial: 'a@b.c' });
      },
      'seed.users[0].emial: unknown field',
    ],
    [
      'an unknown role',
      (s: ReturnType<typeof validSeed>) => {
        s.users[0]?.roles.push('ghost');
      },
      'seed.users[0].roles[1]: unknown role "ghost"',
    ],
    [
      'a role scope of an unknown resource',
      (s: ReturnType<typeof validSeed>) => {
        s.roles[0]?.scopes.push({ resource: 'https://api.test/nope', scope: 'read' });
      },
      'seed.roles[0].scopes[1].resource: unknown resource indicator "https://api.test/nope"',
    ],
    [
      'a scope the resource does not define',
      (s: ReturnType<typeof validSeed>) => {
        s.roles[0]?.scopes.push({ resource: 'https://api.test/a', scope: 'delete' });
      },
      'seed.roles[0].scopes[1].scope: "delete" is not one of the scopes of https://api.test/a',
    ],
    [
      'a member who is not a user',
      (s: ReturnType<typeof validSeed>) => {
        s.organizations[0]?.members.push({ username: 'mallory', roles: [] });
      },
      'seed.organizations[0].members[1].username: unknown user "mallory"',
    ],
    [
      'an unknown organization role',
      (s: ReturnType<typeof validSeed>) => {
        s.organizations[0]?.members[0]?.roles.push('owner');
      },
      'seed.organizations[0].members[0].roles[1]: unknown organization role "owner"',
    ],
    [
      'a duplicate username',
      (s: ReturnType<typeof validSeed>) => {
        s.users.push({ username: 'Alice', password: 'x', roles: [] });
      },
      'seed.users[1].username: duplicate username "alice" (also at index 0)',
    ],
    [
      'a redirect URI that is not a URL',
      (s: ReturnType<typeof validSeed>) => {
        s.app.redirectUris = ['/callback'];
      },
      'seed.app.redirectUris[0]: expected an absolute http(s) URL',
    ],
    [
      'a negative resource token lifetime',
      (s: ReturnType<typeof validSeed>) => {
        Object.assign(s.resources[0] ?? {}, { accessTokenTtl: -5 });
      },
      'seed.resources[0].accessTokenTtl: expected a positive integer (seconds)',
    ],
    [
      'a reserved resource indicator',
      (s: ReturnType<typeof validSeed>) => {
        s.resources.push({ indicator: 'urn:logto:resource:organizations', scopes: [] });
      },
      'seed.resources[1].indicator: the urn:logto: namespace is reserved',
    ],
  ])('rejects %s, naming the field', (_label, breakIt, message) => {
    const seed = validSeed();
    breakIt(seed);

    const error = errorOf(seed);

    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('rejects a file that is missing or not JSON with a one-line message naming it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dev-idp-seed-'));
    const broken = join(directory, 'broken.json');
    await writeFile(broken, '{ "app": ');

    await expect(loadSeed(join(directory, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot read the seed file \(ENOENT\)/,
    );
    await expect(loadSeed(broken)).rejects.toThrow(/broken\.json: not valid JSON/);
  });
});
