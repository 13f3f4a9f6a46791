import { describe, expect, it } from 'vitest';
import { ProviderMetadata } from '../../../../src/core/protocol/ProviderMetadata.js';
import { MemoryStorage } from '../../../../src/core/storage/MemoryStorage.js';
import { discoveryDocument } from '../../../helpers/discoveryDocument.js';

const issuer = 'https://tenant.example/oidc';
const day = 86_400;
/** How long a key removed from the JWKS may stay trusted. */
const jwksTtlSeconds = 600;

/** A provider whose published keys the test changes, counting what the client fetches. */
function fakeProvider() {
  const provider = {
    keys: [
      { kty: 'EC', kid: 'old' },
      { kty: 'EC', kid: 'new' },
    ] as { kty: string; kid: string }[],
    requests: [] as string[],
    fetch: ((input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      provider.requests.push(path);
      const body = path.endsWith('/jwks') ? { keys: provider.keys } : discoveryDocument(issuer);
      return Promise.resolve(Response.json(body));
    }) as typeof fetch,
  };
  return provider;
}

function setUp(ttlSeconds = day) {
  const provider = fakeProvider();
  const storage = new MemoryStorage();
  let time = 1_800_000_000;
  const clock = { now: () => time, advance: (seconds: number) => (time += seconds) };
  const load = () =>
    new ProviderMetadata({
      issuer,
      storage,
      http: { fetch: provider.fetch },
      now: clock.now,
      ttlSeconds,
      keyPrefix: 'logto:app:',
    });
  return { provider, clock, load };
}

const kids = async (metadata: ProviderMetadata, refresh?: { minAgeSeconds: number }) =>
  (await metadata.getKeys(refresh)).map((key) => key.kid);

describe('ProviderMetadata: the JWKS has a short TTL of its own', () => {
  it('trusts a key removed from the JWKS for at most 10 minutes, in a tab that never reloads', async () => {
    const { provider, clock, load } = setUp();
    const metadata = load();
    expect(await kids(metadata)).toEqual(['old', 'new']);

    provider.keys = [{ kty: 'EC', kid: 'new' }];
    clock.advance(jwksTtlSeconds - 1);
    expect(await kids(metadata)).toEqual(['old', 'new']);
    clock.advance(1);
    expect(await kids(metadata)).toEqual(['new']);
    // The discovery document keeps its own, longer TTL.
    expect(provider.requests).toEqual([
      '/oidc/.well-known/openid-configuration',
      '/oidc/jwks',
      '/oidc/jwks',
    ]);
  });

  it('and across a reload: the stored JWKS expires after 10 minutes, the discovery document does not', async () => {
    const { provider, clock, load } = setUp();
    await load().getKeys();
    provider.keys = [{ kty: 'EC', kid: 'new' }];

    clock.advance(jwksTtlSeconds - 1);
    const early = load();
    expect(await kids(early)).toEqual(['old', 'new']);
    clock.advance(1);
    const later = load();
    await later.getDiscovery();
    expect(await kids(later)).toEqual(['new']);
    expect(provider.requests).toEqual([
      '/oidc/.well-known/openid-configuration',
      '/oidc/jwks',
      '/oidc/jwks',
    ]);
  });

  it('makes no request when nothing asks for the keys, however old the cache', async () => {
    const { provider, clock, load } = setUp();
    await load().getKeys();
    clock.advance(2 * jwksTtlSeconds);
    const reloaded = load();
    await reloaded.getDiscovery();
    expect(provider.requests).toEqual(['/oidc/.well-known/openid-configuration', '/oidc/jwks']);
  });

  it('follows a metadata TTL shorter than its own', async () => {
    const { provider, clock, load } = setUp(60);
    const metadata = load();
    await metadata.getKeys();
    clock.advance(60);
    await metadata.getKeys();
    expect(provider.requests.filter((path) => path.endsWith('/jwks'))).toHaveLength(2);
  });

  it('still refetches for an unknown kid, at most once per minAgeSeconds', async () => {
    const { provider, clock, load } = setUp();
    const metadata = load();
    await metadata.getKeys();
    expect(await kids(metadata, { minAgeSeconds: 60 })).toEqual(['old', 'new']);
    expect(provider.requests.filter((path) => path.endsWith('/jwks'))).toHaveLength(1);

    provider.keys = [{ kty: 'EC', kid: 'rotated' }];
    clock.advance(60);
    expect(await kids(metadata, { minAgeSeconds: 60 })).toEqual(['rotated']);
    // The refetched set counts from now: no request for the next 10 minutes.
    clock.advance(jwksTtlSeconds - 1);
    expect(await kids(metadata)).toEqual(['rotated']);
    expect(provider.requests.filter((path) => path.endsWith('/jwks'))).toHaveLength(2);
  });

  it('uses the keys another tab fetched, on the same storage', async () => {
    const { provider, clock, load } = setUp();
    const tab = load();
    const otherTab = load();
    await tab.getKeys();
    provider.keys = [{ kty: 'EC', kid: 'new' }];
    clock.advance(jwksTtlSeconds);
    expect(await kids(otherTab)).toEqual(['new']);
    expect(await kids(tab)).toEqual(['new']);
    expect(provider.requests.filter((path) => path.endsWith('/jwks'))).toHaveLength(2);
  });
});
