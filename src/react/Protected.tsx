import { useContext, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { toLogtoError } from '../core/errors/LogtoUnexpectedError.js';
import { type LogtoError } from '../core/errors/LogtoError.js';
import type { AuthSnapshot, SignInOptions } from '../core/index.js';
import { looksLikeCallback } from '../core/signin/looksLikeCallback.js';
import { isCallbackFrom } from './callbackUrl.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import { sanitizeReturnPath } from '../core/signin/sanitizeReturnPath.js';
import { callSignInWindow, SignInWindowsContext } from './SignInWindowFunctions.js';
import { trySignInSilently } from './trySignInSilently.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useLatest } from './useLatest.js';
import { useMounted } from './useMounted.js';
import { ProtectedError } from './ProtectedError.js';

/** Props of {@link Protected}. */
export interface ProtectedProps {
  /** Shown while loading, while redirecting, and when signed out without `redirect`. Default `null`. */
  fallback?: ReactNode;
  /** Start a sign-in when the visitor is signed out. Default `true`. */
  redirect?: boolean;
  /**
   * First try single sign-on (`signInSilently`, a hidden iframe): a visitor who is signed in at
   * Logto (same site) sees the children with no redirect. Tried once per mount; when Logto
   * answers `login_required` or cannot be asked (`silent_sign_in_unavailable`), the redirect
   * goes ahead (or `fallback` stays, with `redirect={false}`). Needs `signInSilently` passed to
   * `<LogtoProvider signInWindows={{ signInSilently }}>`: without it, `onError` gets a
   * `LogtoConfigError` (no redirect). Default `false`.
   */
  silent?: boolean;
  /**
   * Options for the sign-in. Defaults: `redirectUri` = `${origin}/callback`, `postRedirectUri` =
   * the current path, query and hash (sanitised: only a same-origin path).
   */
  signInOptions?: Partial<SignInOptions>;
  /**
   * Rendered instead of redirecting when the auth state has an error or the sign-in call failed.
   * Default: the error's message (with a "Sign in again" button for `session_expired`), and in
   * development builds one `console.error`.
   */
  onError?: (error: LogtoError) => ReactNode;
  children?: ReactNode;
}

/**
 * Renders its children only for a signed-in user. A visitor who arrives signed out is sent to
 * sign-in once, returning to the same page afterwards. It never redirects in a loop: when the
 * auth state has an error (a failed callback, an expired session) or the sign-in call fails, it
 * renders `onError(error)` (by default the message, and "Sign in again" for an ended session)
 * instead of trying again; it never stays on `fallback` after a failure. It never redirects while
 * the session loads, while a callback is being handled or waits in the address bar for its
 * handler, while a sign-out is leaving the page, nor when the session ends while the page is
 * open (then the error, or `fallback` for a sign-out in another tab). With `silent`, it first
 * tries single sign-on in a hidden iframe (once per mount, shared by every `<Protected>` of the
 * page): a visitor signed in at Logto sees the children without leaving the page, and `fallback`
 * shows only while Logto is asked (one round trip, at most 5 s).
 *
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * <Protected
 *   fallback={<p>Redirecting to sign-in…</p>}
 *   onError={(error) => <p role="alert">{error.message}</p>}
 * >
 *   <Dashboard />
 * </Protected>
 * <Protected silent fallback={<Spinner />}>
 *   <Orders />
 * </Protected>
 * ```
 */
export function Protected(props: ProtectedProps): ReactElement {
  const { fallback = null, redirect = true, silent = false, onError, children } = props;
  const { client, snapshot } = useAuthSnapshot('Protected');
  const signInOptions = useLatest(props.signInOptions);
  const functions = useContext(SignInWindowsContext);
  const mounted = useMounted();
  // Set once a sign-in was started, or once the user was seen signed in: either way, no
  // automatic sign-in for the rest of this mount.
  const settled = useRef(false);
  const [signInError, setSignInError] = useState<LogtoError | undefined>(undefined);
  const { isLoading, isHandlingCallback, isAuthenticated, isSigningOut, error } = snapshot;

  useEffect(() => {
    if (isAuthenticated) settled.current = true;
    if (
      settled.current ||
      !(redirect || silent) ||
      isLoading ||
      isHandlingCallback ||
      isSigningOut ||
      isAuthenticated ||
      error
    )
      return;
    // Claimed synchronously: StrictMode's second effect run must not start a second sign-in.
    settled.current = true;
    const { href } = window.location;
    void (async () => {
      try {
        if (await isPendingCallback(client, href)) {
          // The handler has not picked the callback up yet: wait for it rather than start over.
          settled.current = false;
          return;
        }
        // The state may have moved during the check (another tab signed in): signing in now
        // would clear that session.
        if (!isSignedOutWithoutError(client.getSnapshot())) return;
        // The iframe lands on the sign-in's callback route (`undefined`: the default one).
        const options = { redirectUri: signInOptions.current?.redirectUri };
        const attempt = () => callSignInWindow(client, functions, 'signInSilently', options);
        if (silent && (await trySignInSilently(client, attempt))) return;
        // Unmounted meanwhile (the user went elsewhere), or the state moved during the attempt.
        if (!redirect || !mounted.current || !isSignedOutWithoutError(client.getSnapshot())) return;
        await signInHere(client, signInOptions.current);
      } catch (failure) {
        if (mounted.current) setSignInError(toLogtoError(failure));
      }
    })();
  }, [
    client,
    redirect,
    silent,
    isLoading,
    isHandlingCallback,
    isSigningOut,
    isAuthenticated,
    error,
    signInOptions,
    functions,
    mounted,
  ]);

  if (isAuthenticated) return <>{children}</>;
  const shownError = signInError ?? error;
  if (!shownError) return <>{fallback}</>;
  if (onError) return <>{onError(shownError)}</>;
  return (
    <ProtectedError
      error={shownError}
      onSignIn={() => {
        signInHere(client, signInOptions.current).catch((failure: unknown) => {
          if (mounted.current) setSignInError(toLogtoError(failure));
        });
      }}
    />
  );
}

/** Signs in, coming back to this page: `${origin}/callback`, the current path, unless overridden. */
function signInHere(
  client: LogtoClientLike,
  options: Partial<SignInOptions> | undefined,
): Promise<void> {
  const { origin, pathname, search, hash } = window.location;
  return client.signIn({
    ...options,
    redirectUri: options?.redirectUri ?? `${origin}/callback`,
    postRedirectUri: options?.postRedirectUri ?? sanitizeReturnPath(`${pathname}${search}${hash}`),
  });
}

/** Whether `href` is a sign-in callback that a handler is about to (or should) handle. */
async function isPendingCallback(client: LogtoClientLike, href: string): Promise<boolean> {
  if (!looksLikeCallback(href)) return false;
  return isCallbackFrom(href, client.config.issuer) || client.isSignInRedirected(href);
}

/** Signed out for good: not loading, not handling a callback, not leaving to sign out, no error. */
function isSignedOutWithoutError(snapshot: AuthSnapshot): boolean {
  return (
    !snapshot.isLoading &&
    !snapshot.isHandlingCallback &&
    !snapshot.isSigningOut &&
    !snapshot.isAuthenticated &&
    snapshot.error === undefined
  );
}
