import { beforeAll, describe, expect, it } from 'vitest';
import { LogtoIdTokenError } from '../../../../src/core/errors/LogtoIdTokenError.js';
import { verifyIdToken, type KeySource } from '../../../../src/core/protocol/verifyIdToken.js';
import { createTestKey, signJwt, type TestKey } from '../../../helpers/testKeys.js';

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
    const { claims: verified } = await verifyIdToken(token, expectations, keysOf(es384));
    expect(verified.sub).toBe('user-1');
    expect(verified.name).toBe('Alice');
  });

  it.each(['RS256', 'RS512', 'PS256', 'PS384', 'ES256', 'ES512'] as const)(
    'verifies %s signatures',
    async (alg) => {
      const key = await createTestKey(alg, `k-${alg}`);
      const token = await signJwt(key, claims());
      await expect(verifyIdToken(token, expectations, keysOf(key))).resolves.toMatchObject({
        claims: { sub: 'user-1' },
      });
    },
  );

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
      claims: { sub: 'user-1' },
    });
  });

  it.each(['none', 'HS256', 'RS128', 'ES384 ', 'es384', 'EdDSA'])(
    'rejects alg %j, which it does not support',
    async (alg) => {
      const token = await signJwt(es384, claims());
      const [, payload, signature] = token.split('.');
      const header = Buffer.from(JSON.stringify({ alg, kid: es384.kid })).toString('base64url');
      const error = await rejection(
        verifyIdToken(`${header}.${payload}.${signature}`, expectations, keysOf(es384)),
      );
      expect(error.reason).toBe('algorithm');
      expect(error.message).toContain(`unsupported algorithm ${alg}`);
    },
  );

  it('refuses a key of the right family but another curve (P-384 key, ES512 token)', async () => {
    const es512 = await createTestKey('ES512', 'k-512');
    const token = await signJwt(es512, claims());
    // The provider publishes a P-384 key under the kid, without naming its algorithm.
    const { alg: _alg, ...wrongCurve } = { ...es384.publicJwk, kid: 'k-512' };
    const error = await rejection(
      verifyIdToken(token, expectations, () => Promise.resolve([wrongCurve as never])),
    );
    expect(error.reason).toBe('key');
  });

  it.each([
    ['issuer', { iss: 'https://evil.example/oidc' }],
    ['audience', { aud: 'another-app' }],
    ['audience', { aud: [clientId, 'another-app'] }],
    ['expired', { exp: now - 301 }],
    ['expired', { exp: undefined }],
    ['issued_at', { iat: undefined }],
    ['nonce', { nonce: 'replayed-nonce' }],
    ['subject', { sub: '' }],
  ] as const)('rejects a bad %s claim: %o', async (reason, overrides) => {
    const token = await signJwt(es384, claims(overrides));
    expect((await rejection(verifyIdToken(token, expectations, keysOf(es384)))).reason).toBe(
      reason,
    );
  });

  describe('azp (OpenID Connect Core 3.1.3.7)', () => {
    it.each([
      ['a single audience', clientId],
      ['several audiences', [clientId, 'https://api.example.com']],
    ])('accepts azp equal to the client id with %s', async (_case, aud) => {
      const token = await signJwt(es384, claims({ aud, azp: clientId }));
      await expect(verifyIdToken(token, expectations, keysOf(es384))).resolves.toBeDefined();
    });

    it('rejects a token made for another party (azp), even when aud names this client', async () => {
      const token = await signJwt(es384, claims({ azp: 'another-app' }));
      const error = await rejection(verifyIdToken(token, expectations, keysOf(es384)));
      expect(error.reason).toBe('audience');
      expect(error.message).toContain('azp');
    });

    it('rejects a token with several audiences and no azp', async () => {
      const token = await signJwt(es384, claims({ aud: [clientId, 'https://api.example.com'] }));
      const error = await rejection(verifyIdToken(token, expectations, keysOf(es384)));
      expect(error.reason).toBe('audience');
      expect(error.message).toContain('azp');
    });
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

describe('verifyIdToken on a device whose clock is wrong', () => {
  const tenMinutes = 600;
  /** What the server's clock says; the device's differs by `skew`. */
  const serverNow = now;
  const signIn = (skew: number) => ({ ...expectations, now: serverNow + skew });
  /** A refresh, `elapsed` seconds after a sign-in that learned `offset`, the device clock now at `skew`. */
  const refresh = (offset: number, skew: number, elapsed = 0) => ({
    ...expectations,
    nonce: undefined,
    subject: 'user-1',
    previousIssuedAt: serverNow,
    clockOffset: offset,
    now: serverNow + elapsed + skew,
  });
  const refreshed = (issuedAt: number, overrides: Record<string, unknown> = {}) =>
    claims({ nonce: undefined, iat: issuedAt, exp: issuedAt + 3600, ...overrides });

  it.each([tenMinutes, -tenMinutes, 3000, -3000])(
    'signs in with the device %i s off, learning the offset from the sign-in token',
    async (skew) => {
      const token = await signJwt(es384, claims());
      const result = await verifyIdToken(token, signIn(skew), keysOf(es384));
      expect(result.claims.sub).toBe('user-1');
      expect(result.clockOffset).toBe(-skew);
    },
  );

  it.each([3700, -3700, 25 * 3600])(
    'refuses to sign in when the device is more than 1 h off (%i s), naming the clock',
    async (skew) => {
      const token = await signJwt(es384, claims());
      const error = await rejection(verifyIdToken(token, signIn(skew), keysOf(es384)));
      expect(error.reason).toBe('issued_at');
      expect(error.message).toContain('device clock');
    },
  );

  it('refuses at sign-in a token that expired an hour ago, though its nonce matches', async () => {
    // Issued two hours ago, expired one hour ago; the device clock is right.
    const old = await signJwt(es384, claims({ iat: serverNow - 7200, exp: serverNow - 3600 }));
    const error = await rejection(verifyIdToken(old, signIn(0), keysOf(es384)));
    expect(error.reason).toBe('issued_at');
  });

  it('refuses at sign-in a short-lived token that expired minutes ago, though its nonce matches', async () => {
    // A 10-minute token issued 20 minutes ago: the offset its iat implies is within the bound,
    // but an offset learned from the token itself cannot excuse its own expiry.
    const old = await signJwt(es384, claims({ iat: serverNow - 1200, exp: serverNow - 600 }));
    const error = await rejection(verifyIdToken(old, signIn(0), keysOf(es384)));
    expect(error.reason).toBe('expired');
  });

  it('accepts at sign-in a token still valid by the device clock within the tolerance', async () => {
    const late = await signJwt(es384, claims({ iat: serverNow - 900, exp: serverNow - 299 }));
    await expect(verifyIdToken(late, signIn(0), keysOf(es384))).resolves.toMatchObject({
      clockOffset: -900,
    });
  });

  it('never learns from a token whose nonce does not match (a replayed sign-in token)', async () => {
    const old = await signJwt(es384, claims({ iat: serverNow - 7200, exp: serverNow - 3600 }));
    const error = await rejection(
      verifyIdToken(old, { ...signIn(0), nonce: 'another-sign-in' }, keysOf(es384)),
    );
    expect(error.reason).toBe('nonce');
  });

  it('refuses a sign-in token that expired before it was issued, whatever the skew', async () => {
    const token = await signJwt(es384, claims({ exp: serverNow - 301 }));
    const error = await rejection(verifyIdToken(token, signIn(tenMinutes), keysOf(es384)));
    expect(error.reason).toBe('expired');
  });

  it('accepts refreshed tokens judged by the learned offset, keeping it', async () => {
    const token = await signJwt(es384, refreshed(serverNow + 1800));
    const result = await verifyIdToken(
      token,
      refresh(-tenMinutes, tenMinutes, 1800),
      keysOf(es384),
    );
    expect(result.clockOffset).toBe(-tenMinutes);
  });

  it('refuses a replayed older token of the session after the offset is learned', async () => {
    // Signed, same subject, but issued before the session's current token: not fresh, no re-learning.
    const replayed = await signJwt(es384, refreshed(serverNow - 60));
    const error = await rejection(
      verifyIdToken(replayed, refresh(-tenMinutes, tenMinutes, 1800), keysOf(es384)),
    );
    expect(error.reason).toBe('issued_at');
  });

  it("refuses the session's own current token replayed later", async () => {
    const replayed = await signJwt(es384, refreshed(serverNow));
    const error = await rejection(
      verifyIdToken(replayed, refresh(tenMinutes, -tenMinutes, 1800), keysOf(es384)),
    );
    expect(error.reason).toBe('issued_at');
  });

  it('refuses a token expired by the server clock even though the device clock is behind', async () => {
    // By the device (10 min behind) this token still has 4 min to live; by the server it is dead.
    const expired = await signJwt(es384, refreshed(serverNow + 3400, { exp: serverNow + 3299 }));
    const error = await rejection(
      verifyIdToken(expired, refresh(tenMinutes, -tenMinutes, 3600), keysOf(es384)),
    );
    expect(error.reason).toBe('expired');
  });

  it('refuses at refresh a short-lived token held back for 50 minutes, though issued after the current one', async () => {
    // A refresh answer withheld and delivered late: fresh by `iat`, so it would teach a new
    // offset, and by that offset alone it would not look expired.
    const late = await signJwt(es384, refreshed(serverNow + 10, { exp: serverNow + 610 }));
    const error = await rejection(verifyIdToken(late, refresh(0, 0, 3000), keysOf(es384)));
    expect(error.reason).toBe('expired');
  });

  it('re-learns from a fresh refreshed token when the device clock was corrected mid-session', async () => {
    // Learned +10 min at sign-in; then the device clock was set right.
    const token = await signJwt(es384, refreshed(serverNow + 900));
    const result = await verifyIdToken(token, refresh(-tenMinutes, 0, 900), keysOf(es384));
    expect(result.clockOffset).toBe(0);
  });

  it('judges iat within the tolerance when no offset can be learned', async () => {
    const near = await signJwt(es384, refreshed(serverNow + 299));
    await expect(verifyIdToken(near, refresh(0, 0), keysOf(es384))).resolves.toBeDefined();
    const far = await signJwt(es384, refreshed(serverNow + 301));
    const error = await rejection(
      verifyIdToken(far, { ...refresh(0, 0), previousIssuedAt: undefined }, keysOf(es384)),
    );
    expect(error.reason).toBe('issued_at');
  });
});
