import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import { validateSeed } from '../../../src/dev-idp/index.js';

const schema = JSON.parse(readFileSync('src/dev-idp/seed.schema.json', 'utf8')) as object;
const matchesSchema = new Ajv({ allErrors: true }).compile(schema);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

/** A seed with a "$comment" on every kind of object the format has. */
function commentedSeed() {
  const note = 'for people, ignored by the IdP';
  const $comment = note;
  return {
    $schema: './seed.schema.json',
    $comment,
    app: { $comment, appId: 'spa', redirectUris: ['http://127.0.0.1:5173/callback'] },
    resources: [{ $comment, indicator: 'https://api.test/a', scopes: ['read'] }],
    roles: [
      {
        $comment,
        name: 'reader',
        scopes: [{ $comment, resource: 'https://api.test/a', scope: 'read' }],
      },
    ],
    organizationRoles: [{ $comment, name: 'admin', scopes: ['invite:members'] }],
    organizations: [
      { $comment, id: 'acme', members: [{ $comment, username: 'alice', roles: ['admin'] }] },
    ],
    users: [
      {
        $comment,
        username: 'alice',
        password: 'pw',
        roles: ['reader'],
        profile: { $comment, givenName: 'Alice', address: { $comment, country: 'UK' } },
      },
    ],
    accountCenter: { $comment, enabled: true, fields: { $comment, name: 'Edit', mfa: 'ReadOnly' } },
    signInExperience: { $comment, mfa: { $comment, factors: ['Totp', 'BackupCode'] } },
  };
}

type Seed = ReturnType<typeof commentedSeed>;

/** Broken seeds that both the IdP and an editor checking against the schema must refuse. */
const broken: [string, (seed: Seed) => unknown][] = [
  ['a misspelt user field', (seed) => ({ ...seed, users: [{ ...seed.users[0], emial: 'a@b.c' }] })],
  ['a user without a password', (seed) => ({ ...seed, users: [{ username: 'alice' }] })],
  ['no redirect URI', (seed) => ({ ...seed, app: { ...seed.app, redirectUris: [] } })],
  [
    'a redirect URI that is not http(s)',
    (seed) => ({ ...seed, app: { ...seed.app, redirectUris: ['javascript:alert(1)'] } }),
  ],
  ['an organization id with a colon', (seed) => ({ ...seed, organizations: [{ id: 'a:b' }] })],
  ['a "$comment" that is not a string', (seed) => ({ ...seed, app: { ...seed.app, $comment: 1 } })],
  [
    'a token lifetime of zero',
    (seed) => ({ ...seed, resources: [{ ...seed.resources[0], accessTokenTtl: 0 }] }),
  ],
  ['no app', ({ app: _app, ...seed }) => seed],
  [
    'a misspelt account center field',
    (seed) => ({ ...seed, accountCenter: { enabled: true, fields: { nmae: 'Edit' } } }),
  ],
  [
    'an account center control that is not Off, ReadOnly or Edit',
    (seed) => ({ ...seed, accountCenter: { fields: { name: 'edit' } } }),
  ],
  [
    'an unknown MFA factor',
    (seed) => ({ ...seed, signInExperience: { mfa: { factors: ['Sms'] } } }),
  ],
  [
    'a profile field that is not a string',
    (seed) => ({ ...seed, users: [{ ...seed.users[0], profile: { givenName: 1 } }] }),
  ],
];

describe('the seed JSON Schema (for editors)', () => {
  it.each([
    ['the demo seed', 'demo/idp.seed.json'],
    ['the starter seed of --init', 'src/dev-idp/starter.seed.json'],
  ])('accepts %s, which also loads', (_name, path) => {
    const seed = readJson(path);

    expect(matchesSchema(seed), JSON.stringify(matchesSchema.errors)).toBe(true);
    expect(() => validateSeed(seed)).not.toThrow();
  });

  it('accepts a "$comment" on every object, as the IdP does', () => {
    const seed = commentedSeed();

    expect(matchesSchema(seed), JSON.stringify(matchesSchema.errors)).toBe(true);
    expect(validateSeed(seed).users[0]).not.toHaveProperty('$comment');
  });

  it.each(broken)('refuses %s, as the IdP does', (_name, breakIt) => {
    const seed = breakIt(commentedSeed());

    expect(matchesSchema(seed)).toBe(false);
    expect(() => validateSeed(seed)).toThrow();
  });

  it('is referenced by the demo and starter seeds', () => {
    expect(readJson('demo/idp.seed.json')).toMatchObject({
      $schema: '../src/dev-idp/seed.schema.json',
    });
    expect(readJson('src/dev-idp/starter.seed.json')).toMatchObject({
      $schema: './seed.schema.json',
    });
  });
});
