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
 * the page (`signInWithPopup`, `signInSilently`, `checkSession`, `reauthenticate`), each of which
 * is there only when the app passed that function to `<LogtoProvider signInWindows={...}>`.
 */
export interface UseLogtoResult extends LogtoMethods {
  /**
   * `signInWithPopup(options?)` for this client, when the provider was given `signInWithPopup`
   * in `signInWindows`; else `undefined`. Call it straight from a click handler.
   */
  signInWithPopup: SignInWindowMethods['signInWithPopup'] | undefined;
  /**
   * `signInSilently(options?)` for this client, when the provider was given `signInSilently` in
   * `signInWindows`; else `undefined`.
   */
  signInSilently: SignInWindowMethods['signInSilently'] | undefined;
  /**
   * `checkSession(options?)` for this client, when the provider was given `checkSession` in
   * `signInWindows`; else `undefined`.
   */
  checkSession: SignInWindowMethods['checkSession'] | undefined;
  /**
   * `reauthenticate(options?)` for this client, when the provider was given `reauthenticate` in
   * `signInWindows`; else `undefined`. Call it straight from a click handler.
   */
  reauthenticate: SignInWindowMethods['reauthenticate'] | undefined;
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
 * The window functions bound once per client. Each runs the provider's function as of its last
 * render, so an inline `signInWindows={{ ... }}` keeps these identities. No await before the
 * call, so a popup opens within the user's click.
 */
function bindWindows(
  client: LogtoClientLike,
  functions: RefObject<SignInWindowFunctions | undefined>,
): SignInWindowMethods {
  return {
    signInWithPopup: (options) =>
      callSignInWindow(client, functions.current, 'signInWithPopup', options),
    signInSilently: (options) =>
      callSignInWindow(client, functions.current, 'signInSilently', options),
    checkSession: (options) => callSignInWindow(client, functions.current, 'checkSession', options),
    reauthenticate: (options) =>
      callSignInWindow(client, functions.current, 'reauthenticate', options),
  };
}

/**
 * The client methods that {@link bindMethods} wraps so that they always return a promise. A
 * record, so that the compiler notices a method added to {@link LogtoMethods} but not here.
 */
const promiseMethods: Record<Exclude<keyof LogtoMethods, 'on'>, true> = {
  signIn: true,
  isSignInRedirected: true,
  handleSignInCallback: true,
  signOut: true,
  getIdToken: true,
  getIdTokenClaims: true,
  fetchUserInfo: true,
  getAccessToken: true,
  getAccessTokenClaims: true,
  getOrganizationToken: true,
  getOrganizationTokenClaims: true,
  getRefreshToken: true,
  clearAccessToken: true,
  clearAllTokens: true,
};

/**
 * Bound once per client, so the methods keep their identity across renders and are safe in effect
 * dependencies. Each returns a promise that rejects on failure, even for a synchronous throw such
 * as an unparsable callback URL.
 */
function bindMethods(client: LogtoClientLike): LogtoMethods {
  const bound: Partial<Record<keyof LogtoMethods, unknown>> = {
    on: (event: never, listener: never) => client.on(event, listener),
  };
  for (const name of Object.keys(promiseMethods) as (keyof typeof promiseMethods)[]) {
    // Looked up at each call, on the client (`this`); `async` turns a synchronous throw into a
    // rejection.
    bound[name] = async (...args: unknown[]) =>
      (client[name] as (...args: unknown[]) => Promise<unknown>)(...args);
  }
  return bound as LogtoMethods;
}

/**
 * The auth state of the nearest `<LogtoProvider>` and the client's methods. The component
 * re-renders when the state changes. Methods reject with a `LogtoError` on failure; errors are
 * never swallowed into state. The methods keep their identity across renders.
 *
 * `signInWithPopup`, `signInSilently`, `checkSession` and `reauthenticate` run the functions of
 * the same name the app passed to `<LogtoProvider signInWindows={...}>` (opt-in, so an app that
 * only redirects does not ship them). Each is `undefined` when its function was not passed, and
 * typed so: check it (`signInWithPopup && <button ...>`, or `signInWithPopup?.()`). Call
 * `signInWithPopup` and `reauthenticate` straight from a click handler: they open the popup
 * before anything is awaited, as browsers require.
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
 *   if (!signInWithPopup) return null; // not passed to the provider
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
  const given = useContext(SignInWindowsContext);
  const functions = useLatest(given);
  const methods = useMemo(() => bindMethods(client), [client]);
  const windows = useMemo(() => bindWindows(client, functions), [client, functions]);
  // Which ones the provider has now: the result changes only when one comes or goes.
  const popup = given?.signInWithPopup !== undefined;
  const silent = given?.signInSilently !== undefined;
  const check = given?.checkSession !== undefined;
  const stepUp = given?.reauthenticate !== undefined;
  const { isLoading, isAuthenticated, isSigningOut, error } = snapshot;
  return useMemo(
    () => ({
      ...methods,
      signInWithPopup: popup ? windows.signInWithPopup : undefined,
      signInSilently: silent ? windows.signInSilently : undefined,
      checkSession: check ? windows.checkSession : undefined,
      reauthenticate: stepUp ? windows.reauthenticate : undefined,
      isLoading,
      isAuthenticated,
      isSigningOut,
      error,
      client,
    }),
    [
      methods,
      windows,
      popup,
      silent,
      check,
      stepUp,
      isLoading,
      isAuthenticated,
      isSigningOut,
      error,
      client,
    ],
  );
}
