import { act, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogtoCallbackError, LogtoNetworkError } from '../../../src/core/index.js';
import {
  LogtoProvider,
  Protected,
  useHandleSignInCallback,
  useLogto,
} from '../../../src/react/index.js';
import { signOutLeaveTimeoutMs } from '../../../src/core/session/SignOut.js';
import { renderStrict } from './renderStrict.js';
import { createTestClient, issuer, startSignIn } from './testClient.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * Waits until every sign-in started so far has finished (navigated, or failed), inside `act` so
 * that React has rendered what followed.
 */
async function signInsFinished(signIn: { mock: { results: { value: unknown }[] } }) {
  await act(async () => {
    await Promise.allSettled(signIn.mock.results.map((result) => result.value));
  });
}

/** What the page's header would show: whether the provider has read the session yet. */
function SessionStatus(): ReactNode {
  const { isLoading, isAuthenticated } = useLogto();
  return <p>session: {isLoading ? 'loading' : isAuthenticated ? 'signed in' : 'signed out'}</p>;
}

function at(path: string): void {
  window.history.replaceState(null, '', path);
}

/** Renders `ui` in StrictMode under a fresh test client's provider, with `signIn` spied on. */
function renderWithSignInSpy(ui: ReactNode) {
  const test = createTestClient();
  const signIn = vi.spyOn(test.client, 'signIn');
  const Wrapper = test.wrapper;
  renderStrict(<Wrapper>{ui}</Wrapper>);
  return { ...test, signIn };
}

describe('<Protected>', () => {
  it('shows the fallback while loading, then redirects a signed-out visitor to sign-in once', async () => {
    at('/orders/7?tab=items#summary');
    const { navigations, signIn } = renderWithSignInSpy(
      <Protected fallback={<p>Redirecting…</p>}>
        <p>secret</p>
      </Protected>,
    );
    expect(screen.getByText('Redirecting…')).toBeTruthy();
    await waitFor(() => expect(navigations).toHaveLength(1));
    await signInsFinished(signIn);
    // StrictMode ran every effect twice: still exactly one sign-in.
    expect(navigations).toHaveLength(1);
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(signIn).toHaveBeenCalledWith({
      redirectUri: 'http://localhost:3000/callback',
      postRedirectUri: '/orders/7?tab=items#summary',
    });
    const url = new URL(navigations[0] ?? '');
    expect(url.href.startsWith(`${issuer}/auth?`)).toBe(true);
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/callback');
    expect(screen.queryByText('secret')).toBeNull();
    expect(screen.getByText('Redirecting…')).toBeTruthy();
  });

  it('redirects once when mounted after the session was already read (StrictMode re-runs effects)', async () => {
    at('/reports');
    const { client, wrapper: Wrapper, navigations } = createTestClient();
    expect(await client.isAuthenticated()).toBe(false);
    expect(client.getSnapshot().isLoading).toBe(false);
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    await waitFor(() => expect(navigations).toHaveLength(1));
    await signInsFinished(signIn);
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(navigations).toHaveLength(1);
  });

  it('never puts an open redirect into postRedirectUri', async () => {
    // The browser's path is `//evil.example/x`: as a return path a router would leave the site.
    at('http://localhost:3000//evil.example/x');
    expect(window.location.pathname).toBe('//evil.example/x');
    const { navigations, signIn } = renderWithSignInSpy(
      <Protected>
        <p>secret</p>
      </Protected>,
    );
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(signIn.mock.calls[0]?.[0]).toMatchObject({ postRedirectUri: '/' });
  });

  it('passes signInOptions through, overriding the defaults', async () => {
    at('/settings');
    const { navigations, signIn } = renderWithSignInSpy(
      <Protected
        signInOptions={{
          redirectUri: 'http://localhost:3000/auth/done',
          interactionMode: 'signUp',
          loginHint: 'alice',
        }}
      >
        <p>secret</p>
      </Protected>,
    );
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(signIn).toHaveBeenCalledWith({
      redirectUri: 'http://localhost:3000/auth/done',
      postRedirectUri: '/settings',
      interactionMode: 'signUp',
      loginHint: 'alice',
    });
    const url = new URL(navigations[0] ?? '');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/auth/done');
    expect(url.searchParams.get('interaction_mode')).toBe('signUp');
    expect(url.searchParams.get('login_hint')).toBe('alice');
  });

  it('does not retry when the sign-in call fails: it renders onError once, no loop', async () => {
    // Fake timers (moving with real time, for Testing Library's waits) so that every timer left
    // at the end can be run.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      shouldAdvanceTime: true,
    });
    const {
      client,
      wrapper: Wrapper,
      navigations,
      requests,
    } = createTestClient({
      offline: true,
    });
    const signIn = vi.spyOn(client, 'signIn');
    const onError = vi.fn((error: Error) => <p role="alert">{error.name}</p>);
    let rerender: (() => void) | undefined;
    function Page(): ReactNode {
      const [, setCount] = useState(0);
      rerender = () => setCount((count) => count + 1);
      return (
        <Protected fallback={<p>Redirecting…</p>} onError={onError}>
          <p>secret</p>
        </Protected>
      );
    }
    renderStrict(
      <Wrapper>
        <Page />
      </Wrapper>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(LogtoNetworkError.name);
    // Re-renders and time do not start another attempt.
    act(() => rerender?.());
    act(() => rerender?.());
    await act(() => vi.runAllTimersAsync());
    await signInsFinished(signIn);
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(requests.filter((path) => path.endsWith('openid-configuration'))).toHaveLength(1);
    expect(navigations).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(LogtoNetworkError.name);
  });

  it('without onError shows the error itself (never an endless fallback), logged once in development', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client, wrapper: Wrapper, navigations } = createTestClient({ offline: true });
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected fallback={<p>Loading…</p>}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      `Network request to ${issuer}/.well-known/openid-configuration failed`,
    );
    expect(alert.getAttribute('data-logto-error')).toBe('network_error');
    expect(screen.queryByRole('button')).toBeNull();
    const logged = () =>
      consoleError.mock.calls.filter(([first]) => String(first).includes('[logto]'));
    await waitFor(() => expect(logged()).not.toEqual([]));
    await signInsFinished(signIn);
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(navigations).toEqual([]);
    expect(screen.queryByText('Loading…')).toBeNull();
    // StrictMode mounted it twice: still one console line.
    expect(logged()).toHaveLength(1);
    expect(logged()[0]?.[1]).toMatchObject({ code: 'network_error' });
  });

  it('logs nothing in production builds', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { client, wrapper: Wrapper } = createTestClient({ offline: true });
      const signIn = vi.spyOn(client, 'signIn');
      renderStrict(
        <Wrapper>
          <Protected>
            <p>secret</p>
          </Protected>
        </Wrapper>,
      );
      // Once the sign-in has failed, React has shown the error and run its effects.
      await waitFor(() => expect(signIn).toHaveBeenCalled());
      await signInsFinished(signIn);
      expect(screen.getByRole('alert')).toBeTruthy();
      expect(
        consoleError.mock.calls.filter(([first]) => String(first).includes('[logto]')),
      ).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('shows onError instead of redirecting when the auth state has an error', async () => {
    const { client, wrapper: Wrapper, navigations } = createTestClient();
    // A failed callback (e.g. back from Logto with a forged state) puts its error in the snapshot.
    await expect(
      client.handleSignInCallback('http://localhost:3000/callback?code=c&state=forged'),
    ).rejects.toBeInstanceOf(LogtoCallbackError);
    expect(client.getSnapshot().error).toBeInstanceOf(LogtoCallbackError);
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected onError={(error) => <p role="alert">{error.message}</p>}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/No sign-in was started/);
    expect(signIn).not.toHaveBeenCalled();
    expect(navigations).toEqual([]);
  });

  it('never starts a sign-in while a sign-out is leaving the page, and does once it stayed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, wrapper: Wrapper, navigations } = createTestClient();
    await client.signOut('http://localhost:3000/');
    expect(navigations).toEqual([
      `${issuer}/session/end?client_id=react-app&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A3000%2F`,
    ]);
    expect(client.getSnapshot().isSigningOut).toBe(true);
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected fallback={<p>Please wait</p>}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    await act(() => vi.advanceTimersByTimeAsync(signOutLeaveTimeoutMs - 1));
    expect(signIn).not.toHaveBeenCalled();
    expect(screen.getByText('Please wait')).toBeTruthy();
    // The navigation never left (blocked): at the leave timeout the page is just signed out.
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('renders only the fallback when redirect is false', async () => {
    const { navigations, signIn } = renderWithSignInSpy(
      <>
        <SessionStatus />
        <Protected redirect={false} fallback={<p>Members only</p>}>
          <p>secret</p>
        </Protected>
      </>,
    );
    await screen.findByText('session: signed out');
    expect(screen.getByText('Members only')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
    expect(navigations).toEqual([]);
  });

  it('does not redirect while the address bar holds a Logto callback nobody handled yet', async () => {
    at(`/callback?code=abc&state=xyz&iss=${encodeURIComponent(issuer)}`);
    const { navigations, signIn } = renderWithSignInSpy(
      <>
        <SessionStatus />
        <Protected fallback={<p>Hold on</p>}>
          <p>secret</p>
        </Protected>
      </>,
    );
    await screen.findByText('session: signed out');
    expect(signIn).not.toHaveBeenCalled();
    expect(navigations).toEqual([]);
    expect(screen.getByText('Hold on')).toBeTruthy();
  });

  it('does not redirect on the callback of a sign-in pending in this browser (no iss)', async () => {
    const { client, wrapper: Wrapper, navigations } = createTestClient();
    const state = await startSignIn(client, navigations);
    at(`/callback?code=abc&state=${state}`);
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected fallback={<p>Hold on</p>}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    // The client knows the callback as its own pending sign-in: the question <Protected> asked
    // when it mounted, answered here after it.
    let pending = false;
    await act(async () => {
      pending = await client.isSignInRedirected(window.location.href);
    });
    expect(pending).toBe(true);
    expect(screen.getByText('Hold on')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
    expect(navigations).toHaveLength(1);
  });

  it('still redirects on a page whose code/state parameters are not a Logto callback', async () => {
    at('/oauth/github?code=gh&state=gh-state');
    const { navigations, signIn } = renderWithSignInSpy(
      <Protected>
        <p>secret</p>
      </Protected>,
    );
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(signIn.mock.calls[0]?.[0]).toMatchObject({
      postRedirectUri: '/oauth/github?code=gh&state=gh-state',
    });
  });

  it('never redirects while a callback is being handled, nor after it fails', async () => {
    let answerToken: ((response: Response) => void) | undefined;
    const { client, navigations, requests } = createTestClient({
      handler: (url) =>
        url.pathname === '/oidc/token'
          ? new Promise<Response>((resolve) => (answerToken = resolve))
          : Response.json({ error: 'not_found' }, { status: 404 }),
    });
    const state = await startSignIn(client, navigations);
    expect(navigations).toHaveLength(1);
    at(`/callback?code=the-code&state=${state}&iss=${encodeURIComponent(issuer)}`);
    const signIn = vi.spyOn(client, 'signIn');
    function Callback(): ReactNode {
      const { isLoading, error } = useHandleSignInCallback();
      return <p>{error ? `failed: ${error.name}` : isLoading ? 'handling' : 'idle'}</p>;
    }
    renderStrict(
      <LogtoProvider client={client}>
        <Callback />
        <Protected fallback={<p>protected fallback</p>} onError={() => <p>protected error</p>}>
          <p>secret</p>
        </Protected>
      </LogtoProvider>,
    );
    // The code exchange is under way: its request sent, its answer held back.
    await waitFor(() => expect(requests).toContain('/oidc/token'));
    expect(client.getSnapshot().isHandlingCallback).toBe(true);
    expect(screen.getByText('handling')).toBeTruthy();
    expect(screen.getByText('protected fallback')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
    expect(requests.filter((path) => path === '/oidc/token')).toHaveLength(1);

    answerToken?.(
      Response.json({ error: 'invalid_grant', error_description: 'code expired' }, { status: 400 }),
    );
    expect(await screen.findByText('failed: LogtoTokenEndpointError')).toBeTruthy();
    expect(await screen.findByText('protected error')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
    expect(navigations).toHaveLength(1);
    // StrictMode mounted the handler twice: still one code exchange.
    expect(requests.filter((path) => path === '/oidc/token')).toHaveLength(1);
  });

  it('does not redirect while the app handles a callback itself, and shows its failure', async () => {
    let answerToken: ((response: Response) => void) | undefined;
    const {
      client,
      wrapper: Wrapper,
      navigations,
    } = createTestClient({
      handler: (url) =>
        url.pathname === '/oidc/token'
          ? new Promise<Response>((resolve) => (answerToken = resolve))
          : Response.json({ error: 'not_found' }, { status: 404 }),
    });
    const state = await startSignIn(client, navigations);
    // The address bar is clean (e.g. the app copied the callback URL and replaced the location).
    at('/');
    const handling = client.handleSignInCallback(
      `http://localhost:3000/callback?code=the-code&state=${state}`,
    );
    await waitFor(() => expect(client.getSnapshot().isHandlingCallback).toBe(true));
    const signIn = vi.spyOn(client, 'signIn');
    renderStrict(
      <Wrapper>
        <Protected fallback={<p>wait</p>} onError={(error) => <p role="alert">{error.name}</p>}>
          <p>secret</p>
        </Protected>
      </Wrapper>,
    );
    expect(screen.getByText('wait')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
    await act(async () => {
      answerToken?.(Response.json({ error: 'invalid_grant' }, { status: 400 }));
      await handling.catch(() => undefined);
    });
    expect((await screen.findByRole('alert')).textContent).toBe('LogtoTokenEndpointError');
    expect(signIn).not.toHaveBeenCalled();
    expect(navigations).toHaveLength(1);
  });
});
