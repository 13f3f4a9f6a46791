import { beforeAll, describe, expect, it } from 'vitest';
import { LogtoIdTokenError } from '../../../src/core/errors.js';
import { verifyIdToken, type KeySource } from '../../../src/core/verifyIdToken.js';
import { createTestKey, signJwt, type TestKey } from '../../helpers/testKeys.js';

const issuer = 'https://tenant.example/oidc';
const clientId = 'spa-app';
const now = 1_800_000_000;
const expectations = { issuer, clientId, now, clockToleranceSeconds: 300, nonce: 'n-123' };

let es384: TestKey;
let other: TestKey;

beforeAll(async () => {
  es384 = await createTestKey('ES384', 'key-1');
  other = await createTestKey('ES384', 'key-2');
});

const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: issuer,
  aud: clientId,
  sub: 'user-1',
  iat: now,
  exp: now + 3600,
  nonce: 'n-123',
  ...overrides,
});

const keysOf =
  (...keys: TestKey[]): KeySource =>
  () =>
    Promise.resolve(keys.map((key) => key.publicJwk as never));

async function rejection(promise: Promise<unknown>): Promise<LogtoIdTokenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LogtoIdTokenError);
  return error as LogtoIdTokenError;
}

describe('verifyIdToken', () => {
  it('accepts a token signed by a published key and returns its claims', async () => {
    const token = await signJwt(es384, claims({ name: 'Alice' }));
    const result = await verifyIdToken(token, expectations, keysOf(es384));
    expect(result.sub).toBe('user-1');
    expect(result.name).toBe('Alice');
  });

  it.each(['RS256', 'PS256', 'ES256'] as const)('verifies %s signatures', async (alg) => {
    const key = await createTestKey(alg, `k-${alg}`);
    const token = await signJwt(key, claims());
    await expect(verifyIdToken(token, expectations, keysOf(key))).resolves.toMatchObject({
      sub: 'user-1',
    });
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const token = await signJwt(es384, claims());
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify(claims({ sub: 'admin' }))).toString('base64url');
    const error = await rejection(
      verifyIdToken(`${header}.${forged}.${signature}`, expectations, keysOf(es384)),
    );
    expect(error.reason).toBe('signature');
  });

  it('rejects a token signed by a key the provider does not publish, after one refetch', async () => {
    let fetches = 0;
    const keys: KeySource = (refresh) => {
      if (refresh) fetches++;
      return Promise.resolve([es384.publicJwk as never]);
    };
    const token = await signJwt(other, claims());
    expect((await rejection(verifyIdToken(token, expectations, keys))).reason).toBe('key');
    expect(fetches).toBe(1);
  });

  it('refetches the keys once when the kid is unknown (key rotation) and then accepts', async () => {
    const served: TestKey[][] = [[es384], [es384, other]];
    const keys: KeySource = (refresh) =>
      Promise.resolve((served[refresh ? 1 : 0] ?? []).map((key) => key.publicJwk as never));
    const token = await signJwt(other, claims());
    await expect(verifyIdToken(token, expectations, keys)).resolves.toMatchObject({
      sub: 'user-1',
    });
  });

  it('rejects alg none and unknown algorithms', async () => {
    const token = await signJwt(es384, claims());
    const [, payload] = token.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await rejection(verifyIdToken(none, expectations, keysOf(es384)))).reason).toBe(
      'algorithm',
    );
  });

  it.each([
    ['issuer', { iss: 'https://evil.example/oidc' }],
    ['audience', { aud: 'another-app' }],
    ['audience', { aud: [clientId, 'another-app'] }],
    ['expired', { exp: now - 301 }],
    ['issued_at', { iat: now + 301 }],
    ['issued_at', { iat: undefined }],
    ['nonce', { nonce: 'replayed-nonce' }],
    ['subject', { sub: '' }],
  ] as const)('rejects a bad %s claim: %o', async (reason, overrides) => {
    const token = await signJwt(es384, claims(overrides));
    expect((await rejection(verifyIdToken(token, expectations, keysOf(es384)))).reason).toBe(
      reason,
    );
  });

  it('allows clock skew within the tolerance', async () => {
    const token = await signJwt(es384, claims({ iat: now + 299, exp: now - 299 }));
    await expect(verifyIdToken(token, expectations, keysOf(es384))).resolves.toBeDefined();
  });

  it('rejects a refreshed token whose subject changed', async () => {
    const token = await signJwt(es384, claims({ nonce: undefined, sub: 'user-2' }));
    const error = await rejection(
      verifyIdToken(token, { ...expectations, nonce: undefined, subject: 'user-1' }, keysOf(es384)),
    );
    expect(error.reason).toBe('subject');
  });

  it('rejects garbage and never echoes the token in the message', async () => {
    const garbage = 'not.a-jwt.at-all-secret';
    const error = await rejection(verifyIdToken(garbage, expectations, keysOf(es384)));
    expect(error.reason).toBe('malformed');
    expect(error.message).not.toContain('secret');
  });
});
