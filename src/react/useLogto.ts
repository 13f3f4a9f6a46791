import { useContext, useMemo, type RefObject } from 'react';
import type { LogtoError } from '../core/index.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import type { SignInWindowMethods } from '../core/windows/SignInWindowClient.js';
import {
  callSignInWindow,
  SignInWindowsContext,
  type SignInWindowFunctions,
} from './SignInWindowFunctions.js';
import { useLatest } from './useLatest.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';

/**
 * The client methods `useLogto()` hands out, bound to the client. `isAuthenticated()` is not among
 * them (the state field of the same name is what components want; the method stays on `client`),
 * nor `dispose`, `subscribe` and `getSnapshot`, which belong to the provider.
 */
export type LogtoMethods = Pick<
  LogtoClientLike,
  | 'signIn'
  | 'isSignInRedirected'
  | 'handleSignInCallback'
  | 'signOut'
  | 'getIdToken'
  | 'getIdTokenClaims'
  | 'fetchUserInfo'
  | 'getAccessToken'
  | 'getAccessTokenClaims'
  | 'getOrganizationToken'
  | 'getOrganizationTokenClaims'
  | 'getRefreshToken'
  | 'clearAccessToken'
  | 'clearAllTokens'
  | 'on'
>;

/**
 * What {@link useLogto} returns: the auth state, every client method, and sign-in without leaving
 * the page (`signInWithPopup`, `signInSilently`, `checkSession`, `reauthenticate`), which work
 * when the app passed those functions to `<LogtoProvider signInWindows={...}>`.
 */
export interface UseLogtoResult extends LogtoMethods, SignInWindowMethods {
  /** True until the stored session has been read (always true during server rendering). */
  isLoading: boolean;
  isAuthenticated: boolean;
  /**
   * True while a `signOut()` is leaving the page for Logto; `isAuthenticated` keeps its value
   * meanwhile, so a guard like `if (!isLoading && !isAuthenticated) signIn()` does not fire.
   */
  isSigningOut: boolean;
  /** The last error that changed the auth state (a failed callback, an expired session). */
  error: LogtoError | undefined;
  /** The provider's client, for anything not covered here. */
  client: LogtoClientLike;
}

/**
 * Bound once per client, so the methods keep their identity across renders and are safe in effect
 * dependencies. Each returns a promise that rejects on failure, even for a synchronous throw such
 * as an unparsable callback URL.
 */
function bindMethods(
  client: LogtoClientLike,
  functions: RefObject<SignInWindowFunctions | undefined>,
): LogtoMethods & SignInWindowMethods {
  return {
    // The provider's functions as of its last render: an inline `signInWindows={{ ... }}` keeps
    // these identities. No await before the call, so a popup opens within the user's click.
    signInWithPopup: (options) =>
      callSignInWindow(client, functions.current, 'signInWithPopup', options),
    signInSilently: (options) =>
      callSignInWindow(client, functions.current, 'signInSilently', options),
    checkSession: (options) => callSignInWindow(client, functions.current, 'checkSession', options),
    reauthenticate: (options) =>
      callSignInWindow(client, functions.current, 'reauthenticate', options),
    signIn: async (options) => client.signIn(options),
    isSignInRedirected: async (url) => client.isSignInRedirected(url),
    handleSignInCallback: async (url) => client.handleSignInCallback(url),
    signOut: async (postLogoutRedirectUri) => client.signOut(postLogoutRedirectUri),
    getIdToken: async () => client.getIdToken(),
    getIdTokenClaims: async () => client.getIdTokenClaims(),
    fetchUserInfo: async () => client.fetchUserInfo(),
    getAccessToken: async (resource, organizationId) =>
      client.getAccessToken(resource, organizationId),
    getAccessTokenClaims: async (resource, organizationId) =>
      client.getAccessTokenClaims(resource, organizationId),
    getOrganizationToken: async (organizationId) => client.getOrganizationToken(organizationId),
    getOrganizationTokenClaims: async (organizationId) =>
      client.getOrganizationTokenClaims(organizationId),
    getRefreshToken: async () => client.getRefreshToken(),
    clearAccessToken: async () => client.clearAccessToken(),
    clearAllTokens: async () => client.clearAllTokens(),
    on: (event, listener) => client.on(event, listener),
  };
}

/**
 * The auth state of the nearest `<LogtoProvider>` and the client's methods. The component
 * re-renders when the state changes. Methods reject with a `LogtoError` on failure; errors are
 * never swallowed into state. The methods keep their identity across renders.
 *
 * `signInWithPopup`, `signInSilently`, `checkSession` and `reauthenticate` run the functions of
 * the same name the app passed to `<LogtoProvider signInWindows={...}>` (opt-in, so an app that
 * only redirects does not ship them); without one, calling the method rejects with a
 * `LogtoConfigError` that says what to pass. Call `signInWithPopup` and `reauthenticate` straight
 * from a click handler: they open the popup before anything is awaited, as browsers require.
 *
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function SignInButton() {
 *   const { isAuthenticated, isLoading, signIn, signOut } = useLogto();
 *   if (isLoading) return null;
 *   return isAuthenticated ? (
 *     <button onClick={() => void signOut(`${window.location.origin}/`)}>Sign out</button>
 *   ) : (
 *     <button onClick={() => void signIn(`${window.location.origin}/callback`)}>Sign in</button>
 *   );
 * }
 *
 * // Under <LogtoProvider config={config} signInWindows={{ signInWithPopup }}>, with
 * // signInWithPopup imported from 'logto-spa'.
 * function PopupSignInButton() {
 *   const { signInWithPopup } = useLogto();
 *   const [error, setError] = useState<LogtoError>();
 *   return (
 *     <button onClick={() => signInWithPopup().catch((e: LogtoError) => e.code === 'popup_closed' || setError(e))}>
 *       Sign in {error ? `(${error.message})` : ''}
 *     </button>
 *   );
 * }
 * ```
 */
export function useLogto(): UseLogtoResult {
  const { client, snapshot } = useAuthSnapshot('useLogto');
  const functions = useLatest(useContext(SignInWindowsContext));
  const methods = useMemo(() => bindMethods(client, functions), [client, functions]);
  const { isLoading, isAuthenticated, isSigningOut, error } = snapshot;
  return useMemo(
    () => ({ ...methods, isLoading, isAuthenticated, isSigningOut, error, client }),
    [methods, isLoading, isAuthenticated, isSigningOut, error, client],
  );
}
