import { fireEvent, screen } from '@testing-library/react';
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
          onError={(error) => <p role="alert">{`session problem: ${error.code}`}</p>}
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
    expect(signInSpy).not.toHaveBeenCalled();
    expect(test.navigations).toHaveLength(1);
    // The dead refresh token was presented once, never retried.
    expect(test.tokenRequests('refresh_token')).toHaveLength(1);
  });

  it('without onError, <Protected> shows the message and "Sign in again", which signs in', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const test = newClient();
    await signIn(test);
    const signInSpy = vi.spyOn(test.client, 'signIn');
    renderStrict(
      <LogtoProvider client={test.client}>
        <StoreToken />
        <Protected fallback={<p>fallback</p>}>
          <p>secret</p>
        </Protected>
      </LogtoProvider>,
    );
    await eventually(() => expect(screen.getByText('secret')).toBeTruthy());
    // Mid-page, the grant dies elsewhere; the next refresh finds out.
    const refreshToken = await test.client.getRefreshToken();
    await spendRefreshTokenElsewhere(getIdp(), refreshToken ?? '');
    await test.client.clearAccessToken();
    const alert = await eventually(() => screen.getByRole('alert'));
    expect(alert.getAttribute('data-logto-error')).toBe('session_expired');
    expect(alert.textContent).toContain('The session has ended at the identity provider');
    expect(signInSpy).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await eventually(() => expect(test.navigations.at(-1)).toContain('/oidc/auth?'));
    expect(signInSpy).toHaveBeenCalledTimes(1);
  });
});
