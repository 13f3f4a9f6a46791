import { describe, expect, it } from 'vitest';
import { LogtoIdTokenError, MemoryStorage } from '../../../src/core/index.js';
import {
  rejectionOf,
  setUpTestIdp,
  shopping,
  signIn,
  signInUntilCallback,
  store,
  testClock,
} from './harness.js';

const { newClient } = setUpTestIdp();

/** A fetch that lets a test rewrite the token endpoint's JSON answer (a hostile network). */
function tamperingFetch(
  rewrite: (body: Record<string, unknown>) => Record<string, unknown>,
): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith('/oidc/token') || !response.ok) return response;
    const body = rewrite((await response.json()) as Record<string, unknown>);
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** A fetch whose token endpoint answers reach the client `seconds` late, on the test clock. */
function lateFetch(clock: ReturnType<typeof testClock>, seconds: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/oidc/token')) clock.advance(seconds);
    return response;
  };
}

async function expectRejectedAndNothingStored(
  fetchImpl: typeof fetch,
  reason: LogtoIdTokenError['reason'],
  options: { now?: () => number } = {},
) {
  const storage = new MemoryStorage();
  const test = newClient({}, { storage, fetch: fetchImpl, ...options });
  const callback = await signInUntilCallback(test);
  const error = await rejectionOf(test.client.handleSignInCallback(callback));
  expect(error).toBeInstanceOf(LogtoIdTokenError);
  expect((error as LogtoIdTokenError).reason).toBe(reason);
  expect(await test.client.isAuthenticated()).toBe(false);
  expect(await storage.get('logto:demo-spa:session')).toBeNull();
}

describe('ID tokens from the token endpoint are verified before anything is stored', () => {
  it('rejects an ID token whose claims were altered in transit (bad signature)', async () => {
    await expectRejectedAndNothingStored(
      tamperingFetch((body) => {
        const [header, payload, signature] = String(body.id_token).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
        const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'u_admin' })).toString(
          'base64url',
        );
        return { ...body, id_token: `${header}.${forged}.${signature}` };
      }),
      'signature',
    );
  });

  it('rejects a genuine ID token replayed from an earlier sign-in (nonce mismatch)', async () => {
    const earlier = newClient();
    await signIn(earlier);
    const oldIdToken = await earlier.client.getIdToken();
    await expectRejectedAndNothingStored(
      tamperingFetch((body) => ({ ...body, id_token: oldIdToken })),
      'nonce',
    );
  });

  it('refuses to sign in on a device whose clock is more than a day off', async () => {
    await expectRejectedAndNothingStored(fetch, 'issued_at', {
      now: () => Date.now() / 1000 + 2 * 86_400,
    });
  });

  it('refuses a sign-in ID token that arrives two hours late (it expired an hour ago)', async () => {
    const clock = testClock();
    await expectRejectedAndNothingStored(lateFetch(clock, 7200), 'issued_at', { now: clock.now });
  });

  it('rejects an ID token signed with alg none', async () => {
    await expectRejectedAndNothingStored(
      tamperingFetch((body) => {
        const [, payload] = String(body.id_token).split('.');
        return {
          ...body,
          id_token: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
        };
      }),
      'algorithm',
    );
  });
});

describe('a device clock 10 minutes off', () => {
  const sessionKey = 'logto:demo-spa:session';
  const storedOffset = async (storage: MemoryStorage) =>
    (JSON.parse((await storage.get(sessionKey)) ?? '{}') as { clockOffset?: number }).clockOffset;

  it.each([600, -600])(
    'signs in with the clock %i s off, refreshes, and refreshes again after a reload',
    async (skew) => {
      const storage = new MemoryStorage();
      const now = () => Date.now() / 1000 + skew;
      const test = newClient({}, { storage, now });
      await signIn(test);
      // Learned from the sign-in's ID token: the server is `-skew` from this device (±5 s).
      expect(await storedOffset(storage)).toBeCloseTo(-skew, -1);
      expect(await test.client.getAccessToken(shopping)).toBeTruthy();
      test.client.dispose();

      // A reload on the same skewed device: the next refreshed ID token verifies with the kept offset.
      const reloaded = newClient({}, { storage, now });
      expect(await reloaded.client.getAccessToken(store)).toBeTruthy();
      expect(reloaded.tokenRequests('refresh_token')).toHaveLength(1);
      expect(await storedOffset(storage)).toBeCloseTo(-skew, -1);
    },
  );

  it('keeps the rotated refresh token when a refresh answer cannot be verified, so the next refresh works', async () => {
    const storage = new MemoryStorage();
    const first = newClient({}, { storage });
    await signIn(first);
    const before = await first.client.getRefreshToken();
    first.client.dispose();

    // One refresh answered with a damaged ID-token signature (or a JWKS that could not load).
    let damage = true;
    const later = newClient(
      {},
      {
        storage,
        fetch: tamperingFetch((body) => {
          if (!damage || typeof body.id_token !== 'string') return body;
          damage = false;
          const token = body.id_token;
          return {
            ...body,
            id_token: `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`,
          };
        }),
      },
    );
    const error = await rejectionOf(later.client.getAccessToken(shopping));
    expect(error).toBeInstanceOf(LogtoIdTokenError);
    expect((error as LogtoIdTokenError).reason).toBe('signature');
    // Logto rotated the refresh token before the answer failed: the new one is what is kept.
    const rotated = await later.client.getRefreshToken();
    // (Compared as a boolean: an assertion message must not print a token.)
    expect(rotated !== undefined && rotated !== before).toBe(true);

    // The next request refreshes with it (reuse grace 0: the old one would revoke the grant).
    const token = await later.client.getAccessToken(shopping);
    expect(token).toMatch(/^ey/);
    expect(later.client.getSnapshot()).toMatchObject({ isAuthenticated: true });
    expect(later.tokenRequests('refresh_token')).toHaveLength(2);
  });

  it('refuses the sign-in ID token replayed into a refresh later, keeping the ID token as it was', async () => {
    const storage = new MemoryStorage();
    const clock = testClock();
    const skewed = () => clock.now() + 600;
    const first = newClient({}, { storage, now: skewed });
    await signIn(first);
    const signInIdToken = await first.client.getIdToken();
    const offset = await storedOffset(storage);
    first.client.dispose();

    // 400 s later by this device, a refresh answered with the old ID token (a hostile network).
    clock.advance(400);
    const later = newClient(
      {},
      {
        storage,
        now: skewed,
        fetch: tamperingFetch((body) => ({ ...body, id_token: signInIdToken })),
      },
    );
    const error = await rejectionOf(later.client.getAccessToken(shopping));
    expect(error).toBeInstanceOf(LogtoIdTokenError);
    expect((error as LogtoIdTokenError).reason).toBe('issued_at');
    expect(await storedOffset(storage)).toBe(offset);
    expect(await later.client.getIdToken()).toBe(signInIdToken);
  });
});

describe('a short-lived sign-in ID token delivered late', () => {
  const shortLived = setUpTestIdp({ ttl: { idToken: 600 } });

  it('is refused once expired by the device clock, though its nonce matches', async () => {
    const storage = new MemoryStorage();
    const clock = testClock();
    // Issued 20 minutes before it arrives, valid for 10: by the device clock, dead 10 minutes ago.
    const test = shortLived.newClient(
      {},
      { storage, now: clock.now, fetch: lateFetch(clock, 1200) },
    );
    const error = await rejectionOf(
      test.client.handleSignInCallback(await signInUntilCallback(test)),
    );
    expect(error).toBeInstanceOf(LogtoIdTokenError);
    expect((error as LogtoIdTokenError).reason).toBe('expired');
    expect(await test.client.isAuthenticated()).toBe(false);
    expect(await storage.get('logto:demo-spa:session')).toBeNull();
  });

  it('is accepted while still valid, on a device clock 10 minutes ahead', async () => {
    const clock = testClock();
    clock.advance(600);
    const test = shortLived.newClient({}, { now: clock.now });
    await signIn(test);
    expect(await test.client.isAuthenticated()).toBe(true);
  });
});
