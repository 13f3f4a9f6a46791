import { describe, expect, it } from 'vitest';
import {
  LogtoNetworkError,
  LogtoSessionExpiredError,
  MemoryStorage,
  decodeJwtClaims,
  type AccessTokenClaims,
  type LogtoStorage,
} from '../../../src/core/index.js';
import {
  rejectionOf,
  setUpTestIdp,
  shopping,
  signIn,
  spendRefreshTokenElsewhere,
  store,
  testClock,
} from './harness.js';

const ttl = 60;
const { idp: getIdp, newClient } = setUpTestIdp({
  resourceTtl: ttl,
  ttl: { accessToken: ttl, organizationToken: ttl },
});

function countingStorage(inner: LogtoStorage = new MemoryStorage()) {
  const counts = { get: 0, set: 0, remove: 0 };
  const storage: LogtoStorage = {
    get: (key) => (counts.get++, inner.get(key)),
    set: (key, value) => (counts.set++, inner.set(key, value)),
    remove: (key) => (counts.remove++, inner.remove(key)),
  };
  return { storage, counts, total: () => counts.get + counts.set + counts.remove };
}

describe('access tokens per resource and organization', () => {
  it('returns JWTs for API resources and organizations with Logto claims', async () => {
    const test = newClient();
    await signIn(test);
    const shop = decodeJwtClaims<AccessTokenClaims>(await test.client.getAccessToken(shopping));
    expect(shop).toMatchObject({ aud: shopping, sub: 'u_alice01', client_id: 'demo-spa' });
    expect(shop.scope?.split(' ').sort()).toEqual(['read:products', 'write:products']);

    const org = await test.client.getOrganizationTokenClaims('acme');
    expect(org.aud).toBe('urn:logto:organization:acme');
    expect(org.scope?.split(' ')).toEqual(
      expect.arrayContaining(['read:members', 'invite:members']),
    );

    const orgApi = await test.client.getAccessTokenClaims(store, 'acme');
    expect(orgApi).toMatchObject({ aud: store, organization_id: 'acme' });
    expect(
      test
        .tokenRequests('refresh_token')
        .map((request) => [request.params.get('resource'), request.params.get('organization_id')]),
    ).toEqual([
      [shopping, null],
      [null, 'acme'],
      [store, 'acme'],
    ]);
  });

  it('rejects a non-member organization with the IdP error and keeps the session', async () => {
    const test = newClient();
    await signIn(test, { username: 'bob', password: 'bob-password' });
    await expect(test.client.getOrganizationToken('globex')).rejects.toMatchObject({
      code: 'token_endpoint_error',
      status: 403,
      error: 'access_denied',
    });
    expect(await test.client.isAuthenticated()).toBe(true);
    await expect(test.client.getOrganizationToken('acme')).resolves.toBeTruthy();
  });

  it('answers a cache hit without touching the network or storage', async () => {
    const counting = countingStorage();
    const test = newClient({}, { storage: counting.storage });
    await signIn(test);
    const token = await test.client.getAccessToken(shopping);
    const requestsBefore = test.wire.length;
    const storageBefore = counting.total();
    for (let index = 0; index < 1000; index++) {
      expect(await test.client.getAccessToken(shopping)).toBe(token);
    }
    expect(test.wire.length - requestsBefore).toBe(0);
    expect(counting.total() - storageBefore).toBe(0);
  });

  it('50 concurrent calls over 2 resources + 1 organization, all expired: one request per pair, never a reused refresh token', async () => {
    const clock = testClock();
    const test = newClient({}, { now: clock.now });
    await signIn(test);
    const targets: [string | undefined, string | undefined][] = [
      [shopping, undefined],
      [store, undefined],
      [undefined, 'acme'],
    ];
    for (const [resource, org] of targets) await test.client.getAccessToken(resource, org);
    clock.advance(ttl + 5);
    const before = test.tokenRequests('refresh_token').length;

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => {
        const [resource, org] = targets[index % 3] ?? [];
        return test.client.getAccessToken(resource, org);
      }),
    );
    const refreshes = test.tokenRequests('refresh_token').slice(before);
    expect(refreshes).toHaveLength(3);
    expect(refreshes.every((request) => request.status === 200)).toBe(true);
    expect(new Set(results).size).toBe(3);
    const presented = test
      .tokenRequests('refresh_token')
      .map((request) => request.params.get('refresh_token'));
    expect(new Set(presented).size).toBe(presented.length);
  });

  it('two tabs sharing storage refresh the same expired tokens once in total', async () => {
    const clock = testClock();
    const storage = new MemoryStorage();
    const tabA = newClient({}, { storage, now: clock.now });
    const tabB = newClient({}, { storage, now: clock.now });
    await signIn(tabA);
    expect(await tabB.client.isAuthenticated()).toBe(true);
    await tabA.client.getAccessToken(shopping);
    await tabB.client.getAccessToken(shopping);
    clock.advance(ttl + 5);

    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? tabA : tabB).client.getAccessToken(index % 4 < 2 ? shopping : store),
      ),
    );
    const refreshes = [
      ...tabA.tokenRequests('refresh_token'),
      ...tabB.tokenRequests('refresh_token'),
    ];
    const presented = refreshes.map((request) => request.params.get('refresh_token'));
    expect(new Set(presented).size).toBe(presented.length);
    expect(refreshes.every((request) => request.status === 200)).toBe(true);
    // shopping: once by A before, once by B? No: B reused A's; then one per resource after expiry.
    expect(refreshes.filter((request) => request.params.get('resource') === shopping)).toHaveLength(
      2,
    );
    expect(refreshes.filter((request) => request.params.get('resource') === store)).toHaveLength(1);
  });

  it('invalid_grant: clears the session, signs out, and does not retry the dead token', async () => {
    const clock = testClock();
    const test = newClient({}, { now: clock.now });
    await signIn(test);
    const events: string[] = [];
    test.client.on('signedOut', ({ reason }) => events.push(reason));
    // Someone else uses the refresh token first (a stale tab, a thief): Logto revokes the grant
    // when the client presents the now-used token.
    const refreshToken = await test.client.getRefreshToken();
    const stolen = await spendRefreshTokenElsewhere(getIdp(), refreshToken ?? '');
    expect(stolen.status).toBe(200);
    clock.advance(ttl + 5);

    const error = await rejectionOf(test.client.getAccessToken());
    expect(error).toBeInstanceOf(LogtoSessionExpiredError);
    expect(test.client.getSnapshot()).toMatchObject({
      isAuthenticated: false,
      error: expect.objectContaining({ code: 'session_expired' }),
    });
    expect(events).toEqual(['expired']);
    expect(await test.client.isAuthenticated()).toBe(false);
    const requests = test.wire.length;
    await expect(test.client.getAccessToken(shopping)).rejects.toMatchObject({
      code: 'not_authenticated',
    });
    expect(test.wire.length).toBe(requests);
  });

  it('network failure: typed error, session kept; works again when the IdP is back, same client', async () => {
    const clock = testClock();
    const test = newClient({}, { now: clock.now });
    await signIn(test);
    await test.client.getAccessToken(shopping);
    const failures: string[] = [];
    test.client.on('refreshFailed', ({ error }) => failures.push(error.code));
    clock.advance(ttl + 5);

    await getIdp().suspend();
    try {
      const error = await rejectionOf(test.client.getAccessToken(shopping));
      expect(error).toBeInstanceOf(LogtoNetworkError);
      expect((error as LogtoNetworkError).url).toBe(`${getIdp().issuer}/token`);
      expect(await test.client.isAuthenticated()).toBe(true);
      expect(test.client.getSnapshot().isAuthenticated).toBe(true);
      expect(failures).toEqual(['network_error']);
    } finally {
      await getIdp().resume();
    }
    const claims = decodeJwtClaims<AccessTokenClaims>(await test.client.getAccessToken(shopping));
    expect(claims.aud).toBe(shopping);
  });
});
