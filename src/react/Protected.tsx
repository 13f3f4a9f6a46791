import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { AuthSnapshot, SignInOptions } from '../core/index.js';
import { looksLikeCallback } from '../core/looksLikeCallback.js';
import { isCallbackFrom } from './callbackUrl.js';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import { sanitizeReturnPath } from '../core/sanitizeReturnPath.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useLatest } from './useLatest.js';
import { useMounted } from './useMounted.js';

/** Props of {@link Protected}. */
export interface ProtectedProps {
  /** Shown while loading, while redirecting, and when signed out without `redirect`. Default `null`. */
  fallback?: ReactNode;
  /** Start a sign-in when the visitor is signed out. Default `true`. */
  redirect?: boolean;
  /**
   * Options for the sign-in. Defaults: `redirectUri` = `${origin}/callback`, `postRedirectUri` =
   * the current path, query and hash (sanitised: only a same-origin path).
   */
  signInOptions?: Partial<SignInOptions>;
  /** Rendered instead of redirecting when the auth state has an error or the sign-in call failed. */
  onError?: (error: Error) => ReactNode;
  children?: ReactNode;
}

/**
 * Renders its children only for a signed-in user. A visitor who arrives signed out is sent to
 * sign-in once, returning to the same page afterwards. It never redirects in a loop: when the
 * auth state has an error (a failed callback, an expired session) or the sign-in call fails, it
 * renders `onError(error)` (or `fallback`) instead of trying again. It never redirects while the
 * session loads, while a callback is being handled or waits in the address bar for its handler,
 * nor when the session ends while the page is open (a sign-out here is already navigating to
 * Logto; a redirect would race it) — then `fallback` shows.
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
 * ```
 */
export function Protected(props: ProtectedProps): ReactElement {
  const { fallback = null, redirect = true, onError, children } = props;
  const { client, snapshot } = useAuthSnapshot('Protected');
  const signInOptions = useLatest(props.signInOptions);
  const mounted = useMounted();
  // Set once a sign-in was started, or once the user was seen signed in: either way, no
  // automatic sign-in for the rest of this mount.
  const settled = useRef(false);
  const [signInError, setSignInError] = useState<Error | undefined>(undefined);
  const { isLoading, isHandlingCallback, isAuthenticated, isSigningOut, error } = snapshot;

  useEffect(() => {
    if (isAuthenticated) settled.current = true;
    if (
      settled.current ||
      !redirect ||
      isLoading ||
      isHandlingCallback ||
      isSigningOut ||
      isAuthenticated ||
      error
    )
      return;
    // Claimed synchronously: StrictMode's second effect run must not start a second sign-in.
    settled.current = true;
    const { href, origin, pathname, search, hash } = window.location;
    const options = signInOptions.current;
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
        await client.signIn({
          ...options,
          redirectUri: options?.redirectUri ?? `${origin}/callback`,
          postRedirectUri:
            options?.postRedirectUri ?? sanitizeReturnPath(`${pathname}${search}${hash}`),
        });
      } catch (failure) {
        if (mounted.current)
          setSignInError(failure instanceof Error ? failure : new Error(String(failure)));
      }
    })();
  }, [
    client,
    redirect,
    isLoading,
    isHandlingCallback,
    isSigningOut,
    isAuthenticated,
    error,
    signInOptions,
    mounted,
  ]);

  if (isAuthenticated) return <>{children}</>;
  const shownError = signInError ?? error;
  return <>{shownError && onError ? onError(shownError) : fallback}</>;
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
