import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LogtoNetworkError } from '../../../src/core/index.js';
import { Protected, useAccessToken, useIdTokenClaims, useLogto } from '../../../src/react/index.js';
import {
  MockLogtoProvider,
  createMockClient,
  type MockLogtoClient,
} from '../../../src/testing/react/index.js';

// ---- The app's components (in your app they live in their own files) ----------------------

const ordersApi = 'https://api.example.com/orders';

function ProfileBadge() {
  const claims = useIdTokenClaims();
  const { signOut } = useLogto();
  return (
    <p>
      Signed in as {claims?.name}{' '}
      <button onClick={() => void signOut(`${window.location.origin}/`)}>Sign out</button>
    </p>
  );
}

function OrdersList() {
  const { claims, isLoading, error } = useAccessToken(ordersApi);
  if (isLoading) return <p>Loading orders…</p>;
  if (error) return <p role="alert">Cannot load orders: {error.message}</p>;
  return <p>Orders API scopes: {claims?.scope}</p>;
}

function OrdersPage() {
  return (
    <Protected fallback={<p>Redirecting to sign-in…</p>}>
      <ProfileBadge />
      <OrdersList />
    </Protected>
  );
}

// ---- Their tests ---------------------------------------------------------------------------

// Testing Library cleans up by itself only when vitest runs with `globals: true`.
afterEach(cleanup);

function renderOrdersPage(mock: MockLogtoClient) {
  render(
    <StrictMode>
      <MockLogtoProvider client={mock}>
        <OrdersPage />
      </MockLogtoProvider>
    </StrictMode>,
  );
}

describe('OrdersPage', () => {
  it('shows the signed-in user and what the orders API lets them do', async () => {
    renderOrdersPage(
      createMockClient({
        user: { sub: 'u1', name: 'Ada Lovelace' },
        accessTokens: { [ordersApi]: { scope: 'read:orders write:orders' } },
      }),
    );
    expect(screen.getByText(/Signed in as Ada Lovelace/)).toBeDefined();
    expect(await screen.findByText('Orders API scopes: read:orders write:orders')).toBeDefined();
  });

  it('sends a signed-out visitor to sign-in once, coming back to this page', async () => {
    window.history.replaceState(null, '', '/orders?page=2');
    const mock = createMockClient(); // signed out
    renderOrdersPage(mock);
    expect(screen.getByText('Redirecting to sign-in…')).toBeDefined();
    // StrictMode runs effects twice; <Protected> still starts exactly one sign-in.
    await waitFor(() => expect(mock.callsOf('signIn')).not.toEqual([]));
    expect(mock.callsOf('signIn')).toEqual([
      [
        {
          redirectUri: `${window.location.origin}/callback`,
          postRedirectUri: '/orders?page=2',
        },
      ],
    ]);
  });

  it('shows an error when the token cannot be fetched', async () => {
    renderOrdersPage(
      createMockClient({
        user: { name: 'Ada Lovelace' },
        errors: { getAccessToken: new LogtoNetworkError(ordersApi, new TypeError('offline')) },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      `Cannot load orders: Network request to ${ordersApi} failed`,
    );
  });

  it('signs out, keeping the page as it is while the browser leaves for Logto', async () => {
    const mock = createMockClient({ user: { name: 'Ada Lovelace' } });
    renderOrdersPage(mock);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(mock.getSnapshot().isSigningOut).toBe(true));
    expect(mock.callsOf('signOut')).toEqual([[`${window.location.origin}/`]]);
    // As with the real client, nothing redirects to sign-in meanwhile.
    expect(screen.getByText(/Signed in as Ada Lovelace/)).toBeDefined();
  });
});
