import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LogtoProvider, Protected, useAccessToken, useLogto } from '../../../src/react/index.js';
import {
  eventually,
  renderStrict,
  setUpTestIdp,
  signIn,
  spendRefreshTokenElsewhere,
  store,
} from './reactHarness.js';

const { idp: getIdp, newClient } = setUpTestIdp();

function StoreToken(): ReactNode {
  const { accessToken, isLoading } = useAccessToken(store);
  const { error } = useLogto();
  return (
    <p>{`token: ${isLoading ? 'loading' : accessToken ? 'present' : 'none'}; auth error: ${error?.code ?? 'none'}`}</p>
  );
}

describe('a session that ends at the identity provider', () => {
  it('shows onError in <Protected> (no redirect) and drops the token when the grant is revoked', async () => {
    const test = newClient();
    await signIn(test);
    // Someone else uses the refresh token first (a stale tab, a thief): Logto revokes the grant
    // when the client presents the now-used token.
    const refreshToken = await test.client.getRefreshToken();
    const stolen = await spendRefreshTokenElsewhere(getIdp(), refreshToken ?? '');
    expect(stolen.status).toBe(200);
    const signInSpy = vi.spyOn(test.client, 'signIn');

    renderStrict(
      <LogtoProvider client={test.client}>
        <StoreToken />
        <Protected
          fallback={<p>fallback</p>}
          onError={(error) => (
            <p role="alert">{`session problem: ${String((error as { code?: string }).code)}`}</p>
          )}
        >
          <p>secret</p>
        </Protected>
      </LogtoProvider>,
    );
    // The store token is not cached yet, so the hook's first read refreshes with the dead token.
    await eventually(() =>
      expect(screen.getByRole('alert').textContent).toBe('session problem: session_expired'),
    );
    expect(screen.getByText('token: none; auth error: session_expired')).toBeTruthy();
    expect(screen.queryByText('secret')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(signInSpy).not.toHaveBeenCalled();
    expect(test.navigations).toHaveLength(1);
    // The dead refresh token was presented once, never retried.
    expect(test.tokenRequests('refresh_token')).toHaveLength(1);
  });
});
