import { act, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LogtoCallbackError,
  LogtoWindowError,
  signInSilently,
  type SignInCallbackResult,
} from '../../../src/core/index.js';
import { LogtoProvider, Protected } from '../../../src/react/index.js';
import {
  MockLogtoProvider,
  createMockClient,
  mockSignInWindows,
} from '../../../src/testing/react/index.js';
import { renderStrict } from './renderStrict.js';
import { createTestClient } from './testClient.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Waits until every call `spy` recorded so far has settled, inside `act` so that React has
 * rendered what followed.
 */
async function callsSettled(spy: { mock: { results: { value: unknown }[] } }) {
  await act(async () => {
    await Promise.allSettled(spy.mock.results.map((result) => result.value));
  });
}

function at(path: string): void {
  window.history.replaceState(null, '', path);
}

/**
 * A signed-out mock whose silent attempt is held until the test settles it; `Provider` passes
 * that attempt as the provider's `signInSilently`.
 */
function heldSilentAttempt() {
  const mock = createMockClient({ user: { name: 'Ada' }, signedIn: false });
  let settleAttempt: (outcome: 'signed-in' | LogtoWindowError) => void = () => undefined;
  const attempt = vi.fn(
    () =>
      new Promise<SignInCallbackResult>((resolve, reject) => {
        settleAttempt = (outcome) => {
          if (outcome !== 'signed-in') {
            reject(outcome);
            return;
          }
          mock.signInAs();
          const claims = mock.getSnapshot().idTokenClaims;
          if (claims) resolve({ postRedirectUri: undefined, claims });
        };
      }),
  );
  const signInWindows = { signInSilently: attempt };
  return {
    mock,
    attempts: () => attempt.mock.calls.length,
    settle: (outcome: 'signed-in' | LogtoWindowError) => settleAttempt(outcome),
    Provider: ({ children }: { children: ReactNode }) => (
      <LogtoProvider client={mock} signInWindows={signInWindows}>
        {children}
      </LogtoProvider>
    ),
    /** Resolves once the attempts have settled and React has rendered what followed. */
    settled: () => callsSettled(attempt),
  };
}

const loginRequired = () =>
  new LogtoWindowError('login_required', 'Logto answered login_required', 'login_required');

describe('<Protected silent>', () => {
  it('signs in a visitor who has a Logto session: children, no redirect, one attempt under StrictMode', async () => {
    at('/orders');
    const mock = createMockClient({ user: { name: 'Ada' }, signedIn: false });
    const windows = mockSignInWindows(mock);
    const attempts = vi.spyOn(windows, 'signInSilently');
    renderStrict(
      <LogtoProvider client={mock} signInWindows={windows}>
        <Protected silent fallback={<p>Checking…</p>}>
          <p>secret for {String(mock.getSnapshot().idTokenClaims?.name)}</p>
        </Protected>
      </LogtoProvider>,
    );
    expect(screen.getByText('Checking…')).toBeTruthy();

    await screen.findByText(/^secret/);
    await callsSettled(attempts);
    expect(mock.callsOf('signInSilently')).toHaveLength(1);
    expect(mock.callsOf('signIn')).toEqual([]);
    expect(mock.getSnapshot().idTokenClaims?.name).toBe('Ada');
  });

  it('falls back to one redirect, back to this page, when Logto answers login_required', async () => {
    at('/orders/7?tab=items');
    const mock = createMockClient({ signedInAtLogto: false });
    const signIn = vi.spyOn(mock, 'signIn');
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Protected silent fallback={<p>Redirecting…</p>}>
          <p>secret</p>
        </Protected>
      </MockLogtoProvider>,
    );

    await waitFor(() => expect(mock.callsOf('signIn')).toHaveLength(1));
    await callsSettled(signIn);
    expect(mock.callsOf('signInSilently')).toHaveLength(1);
    expect(mock.callsOf('signIn')).toEqual([
      [{ redirectUri: 'http://localhost:3000/callback', postRedirectUri: '/orders/7?tab=items' }],
    ]);
    expect(screen.queryByText('secret')).toBeNull();
    expect(screen.getByText('Redirecting…')).toBeTruthy();
  });

  it('falls back to the redirect when single sign-on is unavailable (another site, no answer)', async () => {
    const mock = createMockClient({
      errors: {
        signInSilently: new LogtoWindowError(
          'silent_sign_in_unavailable',
          'Logto is on another site',
        ),
      },
    });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Protected silent>
          <p>secret</p>
        </Protected>
      </MockLogtoProvider>,
    );
    await waitFor(() => expect(mock.callsOf('signIn')).toHaveLength(1));
  });

  it('shows any other failure through onError and never redirects (no loop)', async () => {
    const mock = createMockClient({
      errors: {
        signInSilently: new LogtoCallbackError('callback_error_response', 'Logto answered', {
          error: 'invalid_scope',
        }),
      },
    });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Protected silent onError={(error) => <p role="alert">{error.code}</p>}>
          <p>secret</p>
        </Protected>
      </MockLogtoProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('callback_error_response');
    expect(mock.callsOf('signIn')).toEqual([]);
    expect(mock.callsOf('signInSilently')).toHaveLength(1);
  });

  it('with redirect={false}: tries once, then keeps the fallback without redirecting', async () => {
    const mock = createMockClient({ signedInAtLogto: false });
    const windows = mockSignInWindows(mock);
    const attempts = vi.spyOn(windows, 'signInSilently');
    renderStrict(
      <LogtoProvider client={mock} signInWindows={windows}>
        <Protected silent redirect={false} fallback={<button>Sign in</button>}>
          <p>secret</p>
        </Protected>
      </LogtoProvider>,
    );
    await waitFor(() => expect(mock.callsOf('signInSilently')).toHaveLength(1));
    await callsSettled(attempts);
    expect(mock.callsOf('signIn')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('does not redirect when the page moved on (unmounted) before Logto answered', async () => {
    const { mock, attempts, settle: answer, Provider, settled } = heldSilentAttempt();
    function Page() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button onClick={() => setOpen(false)}>Go home</button>
          {open ? (
            <Protected silent>
              <p>secret</p>
            </Protected>
          ) : (
            <p>home</p>
          )}
        </>
      );
    }
    renderStrict(
      <Provider>
        <Page />
      </Provider>,
    );
    await waitFor(() => expect(attempts()).toBe(1));

    act(() => screen.getByRole('button', { name: 'Go home' }).click());
    answer(loginRequired());
    await settled();

    expect(screen.getByText('home')).toBeTruthy();
    expect(mock.callsOf('signIn')).toEqual([]);
  });

  it('does not redirect when another tab signed in while Logto was being asked', async () => {
    const { mock, attempts, settle: answer, Provider, settled } = heldSilentAttempt();
    renderStrict(
      <Provider>
        <Protected silent>
          <p>secret</p>
        </Protected>
      </Provider>,
    );
    await waitFor(() => expect(attempts()).toBe(1));

    act(() => mock.signInAs({ name: 'Grace' }));
    answer(loginRequired());
    await settled();

    expect(screen.getByText('secret')).toBeTruthy();
    expect(mock.callsOf('signIn')).toEqual([]);
  });

  it('two <Protected silent> on one page share one attempt and both show their children', async () => {
    const { mock, attempts, settle: answer, Provider } = heldSilentAttempt();
    renderStrict(
      <Provider>
        <Protected silent>
          <p>left</p>
        </Protected>
        <Protected silent>
          <p>right</p>
        </Protected>
      </Provider>,
    );
    await waitFor(() => expect(attempts()).toBe(1));

    act(() => answer('signed-in'));
    await screen.findByText('left');
    expect(screen.getByText('right')).toBeTruthy();
    expect(attempts()).toBe(1);
    expect(mock.callsOf('signIn')).toEqual([]);
  });

  it('does not try while the sign-in callback waits in the address bar', async () => {
    at('/callback?code=abc&state=xyz');
    const mock = createMockClient();
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Protected silent>
          <p>secret</p>
        </Protected>
      </MockLogtoProvider>,
    );
    // The client takes the address for a sign-in callback: the question <Protected> asked when
    // it mounted, answered here after it.
    let pending = false;
    await act(async () => {
      pending = await mock.isSignInRedirected(window.location.href);
    });
    expect(pending).toBe(true);
    expect(mock.callsOf('signInSilently')).toEqual([]);
    expect(mock.callsOf('signIn')).toEqual([]);
  });

  it('with a real client and Logto on another site: no iframe, straight to the redirect', async () => {
    at('/reports');
    const {
      client,
      wrapper: Wrapper,
      navigations,
    } = createTestClient({
      signInWindows: { signInSilently },
    });
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected silent>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    await waitFor(() => expect(navigations).toHaveLength(1));
    await callsSettled(signIn);
    expect(navigations).toHaveLength(1);
    expect(new URL(navigations[0] ?? '').pathname).toBe('/oidc/auth');
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it("runs the provider's signInSilently once under StrictMode, with the sign-in's redirectUri", async () => {
    at('/reports');
    const attempt = vi.fn(() =>
      Promise.reject(new LogtoWindowError('login_required', 'Logto answered', 'login_required')),
    );
    const {
      wrapper: Wrapper,
      client,
      navigations,
    } = createTestClient({
      signInWindows: { signInSilently: attempt },
    });
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected silent signInOptions={{ redirectUri: 'http://localhost:3000/auth/done' }}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    await waitFor(() => expect(navigations).toHaveLength(1));
    await callsSettled(signIn);
    expect(signIn).toHaveBeenCalledOnce();
    expect(attempt.mock.calls).toEqual([
      [client, { redirectUri: 'http://localhost:3000/auth/done' }],
    ]);
    expect(new URL(navigations[0] ?? '').searchParams.get('redirect_uri')).toBe(
      'http://localhost:3000/auth/done',
    );
  });

  it('without signInSilently passed to the provider: a config error through onError, no redirect', async () => {
    at('/reports');
    const { wrapper: Wrapper, navigations } = createTestClient();
    renderStrict(
      <Wrapper>
        <Protected silent onError={(error) => <p role="alert">{error.message}</p>}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Invalid Logto config: signInSilently missing: pass it from 'logto-spa' to <LogtoProvider signInWindows>",
    );
    expect(navigations).toEqual([]);
    expect(screen.queryByText('secret')).toBeNull();
  });
});
