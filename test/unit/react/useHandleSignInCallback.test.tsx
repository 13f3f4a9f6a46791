import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LogtoCallbackError } from '../../../src/core/index.js';
import { useHandleSignInCallback } from '../../../src/react/index.js';
import { renderHookStrict } from './renderStrict.js';
import { createTestClient, issuer, startSignIn } from './testClient.js';

const iss = encodeURIComponent(issuer);

function at(path: string): void {
  window.history.replaceState(null, '', path);
}

describe('useHandleSignInCallback', () => {
  it('throws a clear error outside <LogtoProvider>', () => {
    expect(() => renderHookStrict(() => useHandleSignInCallback())).toThrow(
      /useHandleSignInCallback must be used inside <LogtoProvider>/,
    );
  });

  it('does nothing on a page that is not a callback', async () => {
    at('/profile?tab=1');
    const { wrapper, requests } = createTestClient();
    const onSuccess = vi.fn();
    const { result } = renderHookStrict(() => useHandleSignInCallback(onSuccess), { wrapper });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current).toEqual({ isLoading: false, error: undefined, isAuthenticated: false });
    expect(onSuccess).not.toHaveBeenCalled();
    expect(window.location.href).toBe('http://localhost:3000/profile?tab=1');
    expect(requests).toEqual([]);
  });

  it('reports an error response from Logto once and cleans the address bar', async () => {
    const { client, wrapper, navigations, requests } = createTestClient();
    const state = await startSignIn(client, navigations);
    at(
      `/callback?lang=en&error=access_denied&error_description=User+cancelled&state=${state}&iss=${iss}#top`,
    );
    const onSuccess = vi.fn();
    const { result } = renderHookStrict(() => useHandleSignInCallback(onSuccess), { wrapper });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current.error).toBeInstanceOf(LogtoCallbackError);
    expect(result.current.error).toMatchObject({
      code: 'callback_error_response',
      error: 'access_denied',
    });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.isAuthenticated).toBe(false);
    expect(onSuccess).not.toHaveBeenCalled();
    // Only the response parameters go; the app's own query and hash stay.
    expect(window.location.href).toBe('http://localhost:3000/callback?lang=en#top');
    expect(requests.filter((path) => path === '/oidc/token')).toEqual([]);
  });

  it('shows a readable error for a forged callback that carries Logto’s iss', async () => {
    at(`/callback?code=stolen&state=forged&iss=${iss}`);
    const { wrapper } = createTestClient();
    const onSuccess = vi.fn();
    const { result } = renderHookStrict(() => useHandleSignInCallback(onSuccess), { wrapper });
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current.error).toMatchObject({ code: 'callback_no_transaction' });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(onSuccess).not.toHaveBeenCalled();
    expect(window.location.href).toBe('http://localhost:3000/callback');
  });

  it('leaves alone code/state parameters that are not a Logto callback', async () => {
    at('/oauth/github?code=gh-code&state=gh-state');
    const { wrapper, requests } = createTestClient();
    const { result } = renderHookStrict(() => useHandleSignInCallback(), { wrapper });
    expect(result.current.isLoading).toBe(true);
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.error).toBeUndefined();
    expect(window.location.href).toBe(
      'http://localhost:3000/oauth/github?code=gh-code&state=gh-state',
    );
    expect(requests).toEqual([]);
  });

  it('handles a callback for another path only when its sign-in went there', async () => {
    const { client, wrapper, navigations } = createTestClient();
    const state = await startSignIn(client, navigations);
    // Our transaction's redirect URI is /callback; this page is /elsewhere and has no iss.
    at(`/elsewhere?code=c&state=${state}`);
    const { result } = renderHookStrict(() => useHandleSignInCallback(), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.error).toBeUndefined();
    expect(window.location.search).toBe(`?code=c&state=${state}`);
  });
});
