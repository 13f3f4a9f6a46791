import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LogtoNotAuthenticatedError } from '../../../src/core/index.js';
import {
  useAccessToken,
  useIdTokenClaims,
  useOrganizationToken,
  useUserInfo,
} from '../../../src/react/index.js';
import { renderHookStrict } from './renderStrict.js';
import { createTestClient } from './testClient.js';

// Signed-in behaviour of these hooks is covered against the dev IdP in test/integration/react.
describe('state hooks while signed out', () => {
  it.each<[string, () => unknown]>([
    ['useIdTokenClaims', () => useIdTokenClaims()],
    ['useUserInfo', () => useUserInfo()],
    ['useAccessToken', () => useAccessToken()],
    ['useOrganizationToken', () => useOrganizationToken('acme')],
  ])('%s throws a clear error outside <LogtoProvider>', (name, hook) => {
    expect(() => renderHookStrict(hook)).toThrow(`${name} must be used inside <LogtoProvider>`);
  });

  it('useIdTokenClaims is undefined', async () => {
    const { wrapper, client } = createTestClient();
    const { result } = renderHookStrict(() => useIdTokenClaims(), { wrapper });
    await waitFor(() => expect(client.getSnapshot().isLoading).toBe(false));
    expect(result.current).toBeUndefined();
  });

  it('useUserInfo loads while the session is read, then reports nothing and requests nothing', async () => {
    const { wrapper, requests } = createTestClient();
    const { result } = renderHookStrict(() => useUserInfo(), { wrapper });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.userInfo).toBeUndefined();
    expect(result.current.error).toBeUndefined();
    expect(requests).toEqual([]);
  });

  it('useUserInfo refetch rejects with the typed error', async () => {
    const { wrapper } = createTestClient();
    const { result } = renderHookStrict(() => useUserInfo(), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    let refetch: Promise<unknown> | undefined;
    act(() => {
      refetch = result.current.refetch();
    });
    await expect(refetch).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
  });

  it('useAccessToken reports no token, no claims, no error', async () => {
    const { wrapper, requests } = createTestClient({
      config: { resources: ['https://api.example.com'] },
    });
    const { result } = renderHookStrict(() => useAccessToken('https://api.example.com'), {
      wrapper,
    });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current).toMatchObject({
      accessToken: undefined,
      claims: undefined,
      error: undefined,
    });
    expect(requests).toEqual([]);
    let refetch: Promise<unknown> | undefined;
    act(() => {
      refetch = result.current.refetch();
    });
    await expect(refetch).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
  });

  it('useOrganizationToken waits, without loading, until an organization is given', () => {
    const { wrapper } = createTestClient();
    const { result } = renderHookStrict(() => useOrganizationToken(undefined), { wrapper });
    expect(result.current.isLoading).toBe(false);
    expect(result.current.accessToken).toBeUndefined();
  });
});
