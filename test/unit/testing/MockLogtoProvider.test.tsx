import { act, cleanup, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import { StrictMode, useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LogtoNetworkError,
  LogtoSessionExpiredError,
  LogtoWindowError,
  type LogtoError,
  type SignInCallbackResult,
} from '../../../src/core/index.js';
import {
  Protected,
  useAccessToken,
  useHandleSignInCallback,
  useIdTokenClaims,
  useLogto,
  useOrganizationToken,
  useUserInfo,
} from '../../../src/react/index.js';
import { MockLogtoProvider, createMockClient } from '../../../src/testing/react/index.js';

const api = 'https://api.example.com/orders';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function renderStrict(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: StrictMode });
}

function AuthState() {
  const { isLoading, isAuthenticated, error } = useLogto();
  const claims = useIdTokenClaims();
  if (isLoading) return <p>loading</p>;
  if (error) return <p role="alert">{error.code}</p>;
  return <p>{isAuthenticated ? `signed in as ${String(claims?.name)}` : 'signed out'}</p>;
}

function TokenView({ resource, organizationId }: { resource?: string; organizationId?: string }) {
  const { accessToken, claims, error, isLoading } = useAccessToken(resource, { organizationId });
  if (isLoading) return <p>loading token</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <p data-testid="token" data-token={accessToken}>
      {String(claims?.aud)} {String(claims?.scope)}
    </p>
  );
}

describe('MockLogtoProvider with options', () => {
  it('renders signed out by default, signed in when given a user', () => {
    const { unmount } = renderStrict(
      <MockLogtoProvider>
        <AuthState />
      </MockLogtoProvider>,
    );
    expect(screen.getByText('signed out')).toBeDefined();
    unmount();
    renderStrict(
      <MockLogtoProvider user={{ name: 'Ada' }}>
        <AuthState />
      </MockLogtoProvider>,
    );
    expect(screen.getByText('signed in as Ada')).toBeDefined();
  });

  it('serves useAccessToken, useOrganizationToken and useUserInfo from the options', async () => {
    function Everything() {
      const organization = useOrganizationToken('acme');
      const { userInfo } = useUserInfo();
      return (
        <>
          <TokenView resource={api} />
          <p>org: {String(organization.claims?.aud)}</p>
          <p>plan: {String(userInfo?.custom_data?.plan)}</p>
        </>
      );
    }
    renderStrict(
      <MockLogtoProvider
        user={{ sub: 'u1' }}
        organizations={['acme']}
        accessTokens={{ [api]: { scope: 'read:orders' } }}
        userInfo={{ custom_data: { plan: 'pro' } }}
      >
        <Everything />
      </MockLogtoProvider>,
    );
    expect(await screen.findByText(`${api} read:orders`)).toBeDefined();
    expect(await screen.findByText('org: urn:logto:organization:acme')).toBeDefined();
    expect(await screen.findByText('plan: pro')).toBeDefined();
  });

  it('shows an injected error through the hook', async () => {
    renderStrict(
      <MockLogtoProvider
        user={{}}
        errors={{ getAccessToken: new LogtoNetworkError(api, new TypeError('offline')) }}
      >
        <TokenView resource={api} />
      </MockLogtoProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      `Network request to ${api} failed`,
    );
  });
});

describe('MockLogtoProvider with a client the test drives', () => {
  it('re-renders on sign-in and sign-out, as with the real client', () => {
    const mock = createMockClient();
    renderStrict(
      <MockLogtoProvider client={mock}>
        <AuthState />
      </MockLogtoProvider>,
    );
    expect(screen.getByText('signed out')).toBeDefined();
    act(() => mock.signInAs({ name: 'Grace' }));
    expect(screen.getByText('signed in as Grace')).toBeDefined();
    act(() => mock.endSession({ fromOtherTab: true }));
    expect(screen.getByText('signed out')).toBeDefined();
  });

  it('re-renders useAccessToken with the new token after a refresh', async () => {
    const mock = createMockClient({ user: {} });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <TokenView resource={api} />
      </MockLogtoProvider>,
    );
    const first = (await screen.findByTestId('token')).dataset.token;
    act(() => mock.simulateRefresh({ resource: api, token: { scope: 'write:orders' } }));
    expect(await screen.findByText(`${api} write:orders`)).toBeDefined();
    expect(screen.getByTestId('token').dataset.token).not.toBe(first);
  });

  it('lets <Protected> show onError when the session expires during a token read', async () => {
    const mock = createMockClient({
      user: {},
      errors: { getAccessToken: new LogtoSessionExpiredError(undefined) },
    });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Protected onError={(error) => <p role="alert">{error.name}</p>}>
          <TokenView resource={api} />
        </Protected>
      </MockLogtoProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('LogtoSessionExpiredError');
    expect(mock.callsOf('signIn')).toEqual([]);
  });

  it('lets <Protected> wait while loading, then start one sign-in', async () => {
    const mock = createMockClient({ isLoading: true });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Protected fallback={<p>please wait</p>}>secret</Protected>
      </MockLogtoProvider>,
    );
    expect(screen.getByText('please wait')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.callsOf('signIn')).toEqual([]);
    act(() => mock.setLoading(false));
    await waitFor(() => expect(mock.callsOf('signIn')).not.toEqual([]));
    expect(mock.callsOf('signIn')).toEqual([
      [{ redirectUri: `${window.location.origin}/callback`, postRedirectUri: '/' }],
    ]);
    expect(screen.queryByText('secret')).toBeNull();
  });

  it('completes a sign-in callback once under StrictMode and cleans the address bar', async () => {
    const mock = createMockClient({ user: { name: 'Ada' }, signedIn: false });
    await mock.signIn({ redirectUri: `${window.location.origin}/callback`, postRedirectUri: '/x' });
    window.history.replaceState(null, '', '/callback?code=abc&state=s1&keep=1');
    const onSuccess = vi.fn<(result: SignInCallbackResult) => void>();
    function Callback() {
      const { isLoading, error } = useHandleSignInCallback(onSuccess);
      if (error) return <p role="alert">{error.message}</p>;
      return isLoading ? <p>signing in</p> : <AuthState />;
    }
    renderStrict(
      <MockLogtoProvider client={mock}>
        <Callback />
      </MockLogtoProvider>,
    );
    expect(await screen.findByText('signed in as Ada')).toBeDefined();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0].postRedirectUri).toBe('/x');
    expect(window.location.search).toBe('?keep=1');
  });

  it('shows a callback that Logto answered with an error', async () => {
    window.history.replaceState(null, '', '/callback?error=access_denied&state=s1');
    function Callback() {
      const { error } = useHandleSignInCallback();
      return error ? <p role="alert">{error.message}</p> : null;
    }
    renderStrict(
      <MockLogtoProvider>
        <Callback />
      </MockLogtoProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Sign-in failed: access_denied');
  });
});

/** An app's buttons for sign-in without leaving the page, as they would be written. */
function WindowButtons() {
  const { signInWithPopup, reauthenticate, checkSession } = useLogto();
  const [outcome, setOutcome] = useState('');
  const show = (promise: Promise<unknown>) =>
    promise.then(
      () => setOutcome('done'),
      (error: unknown) => setOutcome((error as LogtoError).code),
    );
  return (
    <>
      {signInWithPopup && (
        <button onClick={() => void show(signInWithPopup())}>Sign in with a popup</button>
      )}
      {reauthenticate && (
        <button onClick={() => void show(reauthenticate())}>Confirm it's you</button>
      )}
      {checkSession && <button onClick={() => void show(checkSession())}>Check</button>}
      <p role="status">{outcome}</p>
      <AuthState />
    </>
  );
}

describe("useLogto()'s popup and silent methods with the mock", () => {
  const click = (name: string) => act(() => screen.getByRole('button', { name }).click());

  it('signInWithPopup signs the mock user in, without opening a window', async () => {
    const open = vi.spyOn(window, 'open');
    const mock = createMockClient({ user: { name: 'Ada' }, signedIn: false });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <WindowButtons />
      </MockLogtoProvider>,
    );
    click('Sign in with a popup');
    expect(await screen.findByText('signed in as Ada')).toBeDefined();
    expect(screen.getByRole('status').textContent).toBe('done');
    expect(mock.callsOf('signInWithPopup')).toEqual([[{}]]);
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it('rejects with the injected popup_closed and stays signed out', async () => {
    renderStrict(
      <MockLogtoProvider
        errors={{ signInWithPopup: new LogtoWindowError('popup_closed', 'Popup closed') }}
      >
        <WindowButtons />
      </MockLogtoProvider>,
    );
    click('Sign in with a popup');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('popup_closed'));
    expect(screen.getByText('signed out')).toBeDefined();
  });

  it('reauthenticate renews auth_time; checkSession ends a session Logto no longer has', async () => {
    const mock = createMockClient({ user: { name: 'Ada', auth_time: 1 } });
    renderStrict(
      <MockLogtoProvider client={mock}>
        <WindowButtons />
      </MockLogtoProvider>,
    );
    click("Confirm it's you");
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('done'));
    expect(mock.getSnapshot().idTokenClaims?.auth_time).toBeGreaterThan(1);

    act(() => mock.setSignedInAtLogto(false));
    click('Check');
    expect(await screen.findByText('signed out')).toBeDefined();
  });
});
