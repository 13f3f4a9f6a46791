import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import {
  LogtoProvider,
  useAccessToken,
  useOrganizationToken,
  type UseAccessTokenResult,
} from '../../../src/react/index.js';
import {
  eventually,
  renderHookStrict,
  setUpTestIdp,
  shopping,
  signIn,
  store,
  testClock,
  type TestClient,
} from './reactHarness.js';

// API tokens live 300 s: stale 60 s before expiry, so a clock moved 250 s ahead (within the ID
// token's 300 s iat tolerance) makes them due for refresh.
const { newClient } = setUpTestIdp({ resourceTtl: 300 });
const pastRefreshTime = 250;

function providerFor(test: TestClient) {
  return ({ children }: { children: React.ReactNode }) => (
    <LogtoProvider client={test.client}>{children}</LogtoProvider>
  );
}

describe('useAccessToken / useOrganizationToken against the dev IdP', () => {
  it('gives a resource JWT with its claims, the opaque userinfo token without claims, and an organization token', async () => {
    const test = newClient();
    await signIn(test);
    const { result } = renderHookStrict(
      () => ({
        api: useAccessToken(shopping),
        opaque: useAccessToken(),
        org: useOrganizationToken('acme'),
      }),
      { wrapper: providerFor(test) },
    );
    await eventually(() => {
      expect(result.current.api.accessToken).toBeDefined();
      expect(result.current.opaque.accessToken).toBeDefined();
      expect(result.current.org.accessToken).toBeDefined();
    });
    const { api, opaque, org } = result.current;
    expect(api.isLoading).toBe(false);
    expect(api.claims).toMatchObject({ aud: shopping, sub: 'u_alice01' });
    expect(api.claims?.scope?.split(' ').sort()).toEqual(['read:products', 'write:products']);
    expect(opaque.claims).toBeUndefined();
    expect(opaque.error).toBeUndefined();
    expect(org.claims?.aud).toBe('urn:logto:organization:acme');
    // StrictMode mounted every hook twice; the core single-flights and caches: one refresh each.
    expect(
      test
        .tokenRequests('refresh_token')
        .map((request) => request.params.get('resource') ?? request.params.get('organization_id'))
        .sort(),
    ).toEqual(['acme', shopping]);
  });

  it('exposes a refused organization as error, and refetch rejects with it', async () => {
    const test = newClient();
    await signIn(test);
    const { result } = renderHookStrict(() => useOrganizationToken('no-such-org'), {
      wrapper: providerFor(test),
    });
    await eventually(() => expect(result.current.error).toBeDefined());
    expect(result.current).toMatchObject({ accessToken: undefined, isLoading: false });
    expect(result.current.error).toMatchObject({ code: 'token_endpoint_error', status: 403 });
    let refetch: Promise<string> | undefined;
    act(() => {
      refetch = result.current.refetch();
    });
    await expect(refetch).rejects.toMatchObject({ code: 'token_endpoint_error' });
  });

  it('re-renders with the token another tab refreshed, making no request of its own', async () => {
    const storage = new MemoryStorage();
    const clock = testClock();
    const options = { storage, now: clock.now, proactiveRefresh: false };
    const tabA = newClient({}, options);
    const tabB = newClient({}, options);
    await signIn(tabA);
    const { result } = renderHookStrict(() => useAccessToken(shopping), {
      wrapper: providerFor(tabA),
    });
    await eventually(() => expect(result.current.accessToken).toBeDefined());
    const first = result.current.accessToken;
    const requestsBefore = tabA.wire.length;

    // Stale now: tab B refreshes it; tab A hears of it and re-reads.
    clock.advance(pastRefreshTime);
    const renewed = await tabB.client.getAccessToken(shopping);
    expect(renewed).not.toBe(first);
    await eventually(() => expect(result.current.accessToken).toBe(renewed));
    expect(result.current.claims?.aud).toBe(shopping);
    expect(tabA.wire.slice(requestsBefore)).toEqual([]);
    expect(tabB.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('re-renders with the token the proactive refresh renewed when the tab wakes up', async () => {
    const clock = testClock();
    const test = newClient({}, { now: clock.now });
    await signIn(test);
    const { result } = renderHookStrict(() => useAccessToken(shopping), {
      wrapper: providerFor(test),
    });
    await eventually(() => expect(result.current.accessToken).toBeDefined());
    const first = result.current.accessToken;
    expect(test.tokenRequests('refresh_token')).toHaveLength(1);

    // The laptop slept past the refresh time; the tab gets focus again. Nobody calls getAccessToken.
    clock.advance(pastRefreshTime);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await eventually(() => expect(result.current.accessToken).not.toBe(first));
    expect(result.current.accessToken).toBeDefined();
    expect(result.current.isLoading).toBe(false);
    expect(test.tokenRequests('refresh_token')).toHaveLength(2);
  });

  it('never shows the previous resource’s token after switching while a request is in flight', async () => {
    let releaseShopping: (() => void) | undefined;
    const shoppingHeld = new Promise<void>((resolve) => (releaseShopping = resolve));
    const holdingFetch: typeof fetch = async (input, init) => {
      const body = init?.body;
      if (body instanceof URLSearchParams && body.get('resource') === shopping) await shoppingHeld;
      return fetch(input, init);
    };
    const test = newClient({}, { fetch: holdingFetch });
    await signIn(test);
    const seen: { resource: string; result: UseAccessTokenResult }[] = [];
    const { result, rerender } = renderHookStrict(
      ({ resource }: { resource: string }) => {
        const token = useAccessToken(resource);
        seen.push({ resource, result: token });
        return token;
      },
      { wrapper: providerFor(test), initialProps: { resource: shopping } },
    );
    await eventually(() => expect(test.tokenRequests('refresh_token')).toHaveLength(1));
    expect(result.current.isLoading).toBe(true);

    rerender({ resource: store });
    expect(result.current).toMatchObject({ accessToken: undefined, isLoading: true });
    // Shopping's response arrives first (the refresh lock queues store behind it).
    act(() => releaseShopping?.());
    await eventually(() => expect(result.current.accessToken).toBeDefined());
    expect(result.current.claims?.aud).toBe(store);

    for (const { resource, result: rendered } of seen) {
      if (rendered.claims) expect(rendered.claims.aud).toBe(resource);
    }
    expect(seen.some(({ result: rendered }) => rendered.claims?.aud === shopping)).toBe(false);
  });
});
