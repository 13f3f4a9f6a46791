import { describe, expect, it } from 'vitest';
import { IndexedDbStorage } from '../../../src/core/index.js';
import { shopping, signIn, setUpTestIdp } from './harness.js';

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
