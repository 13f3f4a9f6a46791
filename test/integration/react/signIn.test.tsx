import { screen } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage, type SignInCallbackResult } from '../../../src/core/index.js';
import {
  LogtoProvider,
  Protected,
  useHandleSignInCallback,
  useIdTokenClaims,
  useLogto,
  sanitizeReturnPath,
} from '../../../src/react/index.js';
import { completeSignIn } from '../../../src/dev-idp/index.js';
import {
  alice,
  at,
  eventually,
  postSignOutUri,
  redirectUri,
  renderStrict,
  setUpTestIdp,
  signIn,
  signInUntilCallback,
} from './reactHarness.js';

const { newClient } = setUpTestIdp();

function Callback({ onSuccess }: { onSuccess: (result: SignInCallbackResult) => void }) {
  const { isLoading, error, isAuthenticated } = useHandleSignInCallback(onSuccess);
  if (error) return <p role="alert">{error.message}</p>;
  return <p>{isLoading ? 'signing in' : `callback done: ${String(isAuthenticated)}`}</p>;
}

function Greeting(): ReactNode {
  const claims = useIdTokenClaims();
  return <p>{`hello ${claims?.username ?? 'nobody'}`}</p>;
}

describe('signing in with React (StrictMode) against the dev IdP', () => {
  it('handles the callback once, cleans the URL, calls onSuccess once and shows protected content', async () => {
    const test = newClient();
    const callbackUrl = await signInUntilCallback(test, undefined, {
      postRedirectUri: '/orders?id=7',
    });
    at(callbackUrl);
    expect(window.location.search).toMatch(/code=.*state=/);
    const onSuccess = vi.fn();

    renderStrict(
      <LogtoProvider client={test.client}>
        <Callback onSuccess={onSuccess} />
        <Protected fallback={<p>protected fallback</p>}>
          <Greeting />
        </Protected>
      </LogtoProvider>,
    );
    expect(screen.getByText('signing in')).toBeTruthy();
    expect(screen.getByText('protected fallback')).toBeTruthy();

    await eventually(() => expect(screen.getByText('hello alice')).toBeTruthy());
    await eventually(() => expect(screen.getByText('callback done: true')).toBeTruthy());
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const [result] = onSuccess.mock.calls[0] as [SignInCallbackResult];
    expect(result.postRedirectUri).toBe('/orders?id=7');
    expect(result.claims.sub).toBe('u_alice01');
    expect(window.location.href).toBe('http://localhost:3000/callback');
    expect(test.tokenRequests('authorization_code')).toHaveLength(1);
    // Only the sign-in the test started: <Protected> never started another.
    expect(test.navigations).toHaveLength(1);
  });

  it('<Protected> sends a signed-out visitor to Logto and the callback returns them to the same page', async () => {
    const test = newClient();
    at('/orders?id=7#items');
    const { unmount } = renderStrict(
      <LogtoProvider client={test.client}>
        <Protected fallback={<p>redirecting</p>}>
          <Greeting />
        </Protected>
      </LogtoProvider>,
    );
    await eventually(() => expect(test.navigations).toHaveLength(1));
    unmount();
    // The browser leaves for Logto; the user signs in; Logto redirects to /callback.
    const callbackUrl = await completeSignIn(test.navigations[0] ?? '', alice);
    at(callbackUrl);
    const onSuccess = vi.fn();
    renderStrict(
      <LogtoProvider client={test.client}>
        <Callback onSuccess={onSuccess} />
      </LogtoProvider>,
    );
    await eventually(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const [result] = onSuccess.mock.calls[0] as [SignInCallbackResult];
    expect(sanitizeReturnPath(result.postRedirectUri)).toBe('/orders?id=7#items');
    expect(test.navigations).toHaveLength(1);
  });

  it('shows a sign-in made in another tab without a reload', async () => {
    const storage = new MemoryStorage();
    const tabA = newClient({}, { storage });
    const tabB = newClient({}, { storage });
    renderStrict(
      <LogtoProvider client={tabA.client}>
        <Greeting />
        <Protected redirect={false} fallback={<p>signed out here</p>}>
          <p>members area</p>
        </Protected>
      </LogtoProvider>,
    );
    await eventually(() => expect(screen.getByText('signed out here')).toBeTruthy());
    await signIn(tabB);
    await eventually(() => expect(screen.getByText('hello alice')).toBeTruthy());
    expect(screen.getByText('members area')).toBeTruthy();
    expect(tabA.wire).toEqual([]);
  });

  it('signing out from a protected page goes to Logto’s end-session page, not to sign-in', async () => {
    const test = newClient();
    await signIn(test);
    let signOut: (() => Promise<void>) | undefined;
    function Page(): ReactNode {
      const logto = useLogto();
      signOut = () => logto.signOut(postSignOutUri);
      return (
        <>
          <Greeting />
          {logto.isSigningOut ? <p>signing out…</p> : null}
        </>
      );
    }
    const signInSpy = vi.spyOn(test.client, 'signIn');
    renderStrict(
      <LogtoProvider client={test.client}>
        <Protected fallback={<p>bye</p>}>
          <Page />
        </Protected>
      </LogtoProvider>,
    );
    await eventually(() => expect(screen.getByText('hello alice')).toBeTruthy());
    await signOut?.();
    // The page is on its way to Logto: it keeps showing what it showed, and nothing signs in.
    await eventually(() => expect(screen.getByText('signing out…')).toBeTruthy());
    expect(screen.getByText('hello alice')).toBeTruthy();
    expect(signInSpy).not.toHaveBeenCalled();
    expect(test.navigations).toHaveLength(2);
    const endSession = new URL(test.navigations[1] ?? '');
    expect(endSession.pathname).toBe('/oidc/session/end');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(postSignOutUri);
  });

  it('the hand-written guard of @logto/react apps does not fire during a sign-out', async () => {
    const test = newClient();
    await signIn(test);
    const states: string[] = [];
    let signOut: (() => Promise<void>) | undefined;
    function App(): ReactNode {
      const logto = useLogto();
      const { isLoading, isAuthenticated, isSigningOut, signIn: startSignIn } = logto;
      signOut = () => logto.signOut(postSignOutUri);
      states.push(`${String(isAuthenticated)}/${String(isSigningOut)}`);
      useEffect(() => {
        if (!isLoading && !isAuthenticated) void startSignIn(redirectUri);
      }, [isLoading, isAuthenticated, startSignIn]);
      return <p>{isSigningOut ? 'signing out' : isAuthenticated ? 'in' : 'out'}</p>;
    }
    const signInSpy = vi.spyOn(test.client, 'signIn');
    renderStrict(
      <LogtoProvider client={test.client}>
        <App />
      </LogtoProvider>,
    );
    await eventually(() => expect(screen.getByText('in')).toBeTruthy());
    await signOut?.();
    // The guard's effect ran for the render that shows it.
    await eventually(() => expect(screen.getByText('signing out')).toBeTruthy());
    expect(signInSpy).not.toHaveBeenCalled();
    expect(states).not.toContain('false/false');
    expect(test.navigations.at(-1)).toContain('/oidc/session/end');
  });
});
