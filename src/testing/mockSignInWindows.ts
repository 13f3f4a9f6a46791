import {
  LogtoNotAuthenticatedError,
  LogtoWindowError,
  type SignInWindowClient,
  type checkSession,
  type reauthenticate,
  type signInSilently,
  type signInWithPopup,
} from '../core/index.js';
import type { MockLogtoClient } from './MockLogtoClient.js';
import { mockWindowHosts, type MockWindowHost } from './mockWindowHosts.js';

/**
 * Stand-ins for `signInWithPopup`, `signInSilently`, `checkSession` and `reauthenticate` of
 * `logto-spa`, with the same signatures, so they go wherever the app takes those functions
 * (`<LogtoProvider signInWindows={...}>`, or your own code's parameters).
 */
export interface MockSignInWindows {
  signInWithPopup: typeof signInWithPopup;
  signInSilently: typeof signInSilently;
  checkSession: typeof checkSession;
  reauthenticate: typeof reauthenticate;
}

/**
 * The sign-in window functions for tests, bound to a mock client: no window or iframe opens, and
 * the outcome follows the mock. Each call is recorded (`mock.callsOf('signInWithPopup')`) and
 * rejects with the error the mock was given for it (`errors: { signInWithPopup: ... }`,
 * `mock.setError`). `signInWithPopup` and `reauthenticate` sign the mock's user in with a fresh
 * `auth_time` (`reauthenticate` rejects `not_authenticated` when nobody is signed in);
 * `signInSilently` does when the user has a session at the mock's Logto (`signedInAtLogto`,
 * default `true`) and rejects `login_required` otherwise; `checkSession` resolves whether they
 * have one, and without one ends the mock's session (reason `'signedOutElsewhere'`).
 * A window passed in, opened with `openSignInPopup()`, is closed, as the real functions do.
 * `<MockLogtoProvider>` passes these to `signInWindows` for you.
 *
 * @param mock a client made by `createMockClient`; the functions act on it only
 * @throws TypeError when `mock` was not made by `createMockClient`; the functions reject with a
 *   TypeError when called with another client
 * @example
 * ```tsx
 * const mock = createMockClient({ user: { name: 'Ada' }, signedIn: false });
 * render(
 *   <LogtoProvider client={mock} signInWindows={mockSignInWindows(mock)}>
 *     <SignInButton />
 *   </LogtoProvider>,
 * );
 * // ...click the button, then:
 * expect(mock.callsOf('signInWithPopup')).toEqual([[{}]]);
 * ```
 */
export function mockSignInWindows(mock: MockLogtoClient): MockSignInWindows {
  const host = mockWindowHosts.get(mock);
  if (!host) throw new TypeError('mockSignInWindows takes a client made by createMockClient');
  // Called inside the async functions below, so a wrong client rejects like any failure.
  const on = (client: SignInWindowClient): MockWindowHost => {
    if (client !== mock)
      throw new TypeError(
        'mockSignInWindows: called with another client than the mock it was made for',
      );
    return host;
  };
  return {
    // Options are recorded as the real functions see them: `{}` when none are given.
    signInWithPopup: async (client, options, opened) => {
      opened?.close();
      const mocked = on(client);
      mocked.enter('signInWithPopup', [options ?? {}]);
      await Promise.resolve();
      return { postRedirectUri: options?.postRedirectUri, claims: mocked.signInFresh() };
    },
    signInSilently: async (client, options) => {
      const mocked = on(client);
      mocked.enter('signInSilently', [options ?? {}]);
      await Promise.resolve();
      const { idTokenClaims } = mocked.snapshot();
      const postRedirectUri = options?.postRedirectUri;
      if (mocked.hasSession() && idTokenClaims) return { postRedirectUri, claims: idTokenClaims };
      if (!mocked.signedInAtLogto())
        throw new LogtoWindowError('login_required', 'Not signed in at Logto', 'login_required');
      return { postRedirectUri, claims: mocked.signInFresh() };
    },
    checkSession: async (client, options) => {
      const mocked = on(client);
      mocked.enter('checkSession', [options ?? {}]);
      await Promise.resolve();
      if (mocked.signedInAtLogto()) return true;
      if (mocked.hasSession()) mocked.endSession('signedOutElsewhere');
      return false;
    },
    reauthenticate: async (client, options, opened) => {
      opened?.close();
      const mocked = on(client);
      mocked.enter('reauthenticate', [options ?? {}]);
      await Promise.resolve();
      if (!mocked.snapshot().isAuthenticated) throw new LogtoNotAuthenticatedError();
      return { postRedirectUri: options?.postRedirectUri, claims: mocked.signInFresh() };
    },
  };
}
