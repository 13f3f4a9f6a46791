import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  LogtoConfigError,
  LogtoNotAuthenticatedError,
  LogtoNetworkError,
} from '../../../src/core/index.js';
import { useLogto } from '../../../src/react/index.js';
import { renderHookStrict } from './renderStrict.js';
import { createTestClient } from './testClient.js';

describe('useLogto', () => {
  it('throws a clear error outside <LogtoProvider>', () => {
    expect(() => renderHookStrict(() => useLogto())).toThrow(
      /useLogto must be used inside <LogtoProvider>/,
    );
  });

  it('reports loading, then the signed-out state read from storage', async () => {
    const { wrapper, client } = createTestClient();
    const { result } = renderHookStrict(() => useLogto(), { wrapper });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.isAuthenticated).toBe(false);
    expect(result.current.error).toBeUndefined();
    expect(result.current.client).toBe(client);
  });

  it('keeps the bound methods stable across renders', async () => {
    const { wrapper } = createTestClient();
    const { result, rerender } = renderHookStrict(() => useLogto(), { wrapper });
    const first = result.current.getAccessToken;
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    rerender();
    expect(result.current.getAccessToken).toBe(first);
    expect(result.current.signIn).toBe(result.current.signIn);
  });

  it('rejects with typed errors instead of swallowing them or resolving undefined', async () => {
    const { wrapper } = createTestClient();
    const { result } = renderHookStrict(() => useLogto(), { wrapper });
    const logto = result.current;
    await expect(logto.getAccessToken()).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
    await expect(logto.getIdTokenClaims()).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
    await expect(logto.fetchUserInfo()).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
    await expect(logto.getOrganizationToken('acme')).rejects.toBeInstanceOf(
      LogtoNotAuthenticatedError,
    );
    await expect(logto.getAccessToken('not a uri')).rejects.toBeInstanceOf(LogtoConfigError);
    await expect(logto.signIn('/relative')).rejects.toBeInstanceOf(LogtoConfigError);
    // Even an unparsable URL arrives as a rejection, never as a synchronous throw.
    const pending = logto.handleSignInCallback('not a url');
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBeInstanceOf(Error);
    // The failures above did not change the auth state.
    expect(result.current.error).toBeUndefined();
  });

  it('rejects signIn with a network error and does not navigate when Logto is unreachable', async () => {
    const { wrapper, navigations } = createTestClient({ offline: true });
    const { result } = renderHookStrict(() => useLogto(), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    await expect(result.current.signIn('http://localhost:3000/callback')).rejects.toBeInstanceOf(
      LogtoNetworkError,
    );
    expect(navigations).toEqual([]);
  });

  it('signs in through the injected navigate with the bound method', async () => {
    const { wrapper, navigations } = createTestClient();
    const { result } = renderHookStrict(() => useLogto(), { wrapper });
    await result.current.signIn({
      redirectUri: 'http://localhost:3000/callback',
      interactionMode: 'signUp',
    });
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0] ?? '');
    expect(url.origin + url.pathname).toBe('https://idp.test/oidc/auth');
    expect(url.searchParams.get('client_id')).toBe('react-app');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/callback');
    expect(url.searchParams.get('interaction_mode')).toBe('signUp');
  });
});
