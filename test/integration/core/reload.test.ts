import { describe, expect, it } from 'vitest';
import { IndexedDbStorage } from '../../../src/core/index.js';
import { shopping, signIn, setUpTestIdp, store } from './harness.js';

const { idp: getIdp, newClient } = setUpTestIdp();

describe('reload with valid tokens', () => {
  it('makes zero network requests: session, claims, discovery and JWKS come from IndexedDB', async () => {
    const before = newClient({}, { storage: new IndexedDbStorage() });
    await signIn(before);
    const token = await before.client.getAccessToken(shopping);
    before.client.dispose();

    // The default storage is IndexedDB: a new client is what a reloaded page creates.
    const idpRequests = getIdp().requests.length;
    const reloaded = newClient({}, { storage: new IndexedDbStorage() });
    expect(await reloaded.client.isAuthenticated()).toBe(true);
    expect((await reloaded.client.getIdTokenClaims()).sub).toBe('u_alice01');
    expect(await reloaded.client.getAccessToken(shopping)).toBe(token);
    // Starting another sign-in needs discovery: it also comes from the cache.
    await reloaded.client.signIn({
      redirectUri: 'http://localhost:3000/callback',
      clearTokens: false,
    });
    expect(reloaded.wire).toEqual([]);
    expect(getIdp().requests.length).toBe(idpRequests);
  });

  it('makes zero requests on a reload long after the JWKS cache expired', async () => {
    const before = newClient({}, { storage: new IndexedDbStorage() });
    await signIn(before);
    const token = await before.client.getAccessToken(shopping);
    before.client.dispose();

    // 20 minutes later: the JWKS (10 min) is stale, the tokens (1 h) are not.
    const reloaded = newClient(
      {},
      { storage: new IndexedDbStorage(), now: () => Date.now() / 1000 + 1200 },
    );
    expect(await reloaded.client.isAuthenticated()).toBe(true);
    expect((await reloaded.client.getIdTokenClaims()).sub).toBe('u_alice01');
    expect(await reloaded.client.getAccessToken(shopping)).toBe(token);
    expect(reloaded.wire).toEqual([]);
  });

  it('fetches the JWKS again, not discovery, to verify the first refresh after its 10 minutes', async () => {
    const before = newClient({}, { storage: new IndexedDbStorage() });
    await signIn(before);
    before.client.dispose();

    // 11 minutes pass on the client's clock only, not on the IdP's: a tolerance that covers
    // them keeps the refreshed ID token's `iat` within the offset learned at sign-in.
    const later = newClient(
      {},
      {
        storage: new IndexedDbStorage(),
        now: () => Date.now() / 1000 + 660,
        clockToleranceSeconds: 900,
      },
    );
    // A token not cached yet: a refresh, whose new ID token is verified.
    expect(await later.client.getAccessToken(store)).toBeTruthy();
    expect(later.wire.map((request) => request.path).sort()).toEqual(['/oidc/jwks', '/oidc/token']);
    // Verified with that fresh copy: the next refresh fetches no keys.
    expect(await later.client.getAccessToken(shopping)).toBeTruthy();
    expect(later.tokenRequests('refresh_token')).toHaveLength(2);
    expect(later.wire.filter((request) => request.path === '/oidc/jwks')).toHaveLength(1);
  });

  it('fetches discovery again once its cache entry is older than the TTL', async () => {
    const first = newClient({}, { storage: new IndexedDbStorage(), metadataTtlSeconds: 1 });
    await signIn(first);
    const later = newClient(
      {},
      { storage: new IndexedDbStorage(), metadataTtlSeconds: 1, now: () => Date.now() / 1000 + 2 },
    );
    await later.client.signIn({
      redirectUri: 'http://localhost:3000/callback',
      clearTokens: false,
    });
    expect(later.wire.map((request) => request.path)).toEqual([
      '/oidc/.well-known/openid-configuration',
    ]);
  });
});
