import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { LogtoNetworkError, MemoryStorage } from '../../../src/core/index.js';
import { LogtoProvider, useUserInfo } from '../../../src/react/index.js';
import {
  bob,
  eventually,
  renderHookStrict,
  setUpTestIdp,
  signIn,
  type TestClient,
} from './reactHarness.js';

const { idp: getIdp, newClient } = setUpTestIdp();

function providerFor(test: TestClient) {
  return ({ children }: { children: ReactNode }) => (
    <LogtoProvider client={test.client}>{children}</LogtoProvider>
  );
}

const userinfoRequests = (test: TestClient) =>
  test.wire.filter((request) => request.path === '/oidc/me');

describe('useUserInfo against the dev IdP', () => {
  it('fetches once when signed in, refetches on demand, and reports and recovers from an outage', async () => {
    const test = newClient();
    await signIn(test);
    const { result } = renderHookStrict(() => useUserInfo(), { wrapper: providerFor(test) });
    expect(result.current.isLoading).toBe(true);
    await eventually(() => expect(result.current.userInfo).toBeDefined());
    expect(result.current.isLoading).toBe(false);
    expect(result.current.userInfo).toMatchObject({
      sub: 'u_alice01',
      username: 'alice',
      custom_data: { theme: 'dark', plan: 'pro' },
    });
    // StrictMode mounted the hook twice: still one request.
    expect(userinfoRequests(test)).toHaveLength(1);

    let refetched: Promise<unknown> | undefined;
    act(() => {
      refetched = result.current.refetch();
    });
    await expect(refetched).resolves.toMatchObject({ sub: 'u_alice01' });
    expect(userinfoRequests(test)).toHaveLength(2);

    await getIdp().suspend();
    try {
      act(() => {
        refetched = result.current.refetch();
      });
      await expect(refetched).rejects.toBeInstanceOf(LogtoNetworkError);
      await eventually(() => expect(result.current.error).toBeInstanceOf(LogtoNetworkError));
      expect(result.current.userInfo).toBeUndefined();
    } finally {
      await getIdp().resume();
    }

    act(() => {
      refetched = result.current.refetch();
    });
    await expect(refetched).resolves.toMatchObject({ sub: 'u_alice01' });
    await eventually(() => expect(result.current.error).toBeUndefined());
    expect(result.current.userInfo).toMatchObject({ sub: 'u_alice01' });
  });

  it('follows the user: another tab signing in as someone else shows their info, never a mix', async () => {
    const storage = new MemoryStorage();
    const tabA = newClient({}, { storage });
    const tabB = newClient({}, { storage });
    await signIn(tabA);
    const seen: string[] = [];
    const { result } = renderHookStrict(
      () => {
        const info = useUserInfo();
        if (info.userInfo) seen.push(info.userInfo.sub);
        return info;
      },
      { wrapper: providerFor(tabA) },
    );
    await eventually(() => expect(result.current.userInfo?.sub).toBe('u_alice01'));
    await signIn(tabB, bob);
    await eventually(() => expect(result.current.userInfo?.sub).toBe('u_bob0001'));
    expect(result.current.userInfo).toMatchObject({ username: 'bob' });
    // Once bob's info showed, alice's never came back.
    expect(seen.slice(seen.indexOf('u_bob0001'))).not.toContain('u_alice01');
  });
});
