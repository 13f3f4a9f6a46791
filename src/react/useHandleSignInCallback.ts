import { useEffect, useRef, useState } from 'react';
import { toLogtoError } from '../core/errors/LogtoUnexpectedError.js';
import { type LogtoError } from '../core/errors/LogtoError.js';
import type { SignInCallbackResult } from '../core/index.js';
import { looksLikeCallback } from '../core/signin/looksLikeCallback.js';
import { isCallbackFrom, withoutCallbackParams } from './callbackUrl.js';
import { useAuthSnapshot } from './useAuthSnapshot.js';
import { useLatest } from './useLatest.js';
import { useMounted } from './useMounted.js';

/** What {@link useHandleSignInCallback} returns. */
export interface UseHandleSignInCallbackResult {
  /** True while the session loads or the callback is being checked and handled. */
  isLoading: boolean;
  /** Why handling the callback failed (a `LogtoError`, e.g. `callback_error_response`), or the auth state's error. */
  error: LogtoError | undefined;
  isAuthenticated: boolean;
}

/**
 * Handles the redirect back from Logto when the current URL is a sign-in callback: exchanges the
 * code once (also under StrictMode), removes `code`, `state` and the other response parameters
 * from the address bar with `history.replaceState` (so a reload does not replay it), then calls
 * `onSuccess` once. Use it on the page your `redirectUri` points to.
 *
 * @param onSuccess called once with the result; the latest function passed is used
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * function Callback() {
 *   const navigate = useNavigate();
 *   const { isLoading, error } = useHandleSignInCallback(({ postRedirectUri }) =>
 *     navigate(sanitizeReturnPath(postRedirectUri), { replace: true }),
 *   );
 *   if (error) return <p role="alert">{error.message}</p>; // it says what failed
 *   // Not loading and no error: the URL was no sign-in this browser started (forged, replayed).
 *   return isLoading ? <p>Signing you in…</p> : <Link to="/">Home</Link>;
 * }
 * ```
 */
export function useHandleSignInCallback(
  onSuccess?: (result: SignInCallbackResult) => void,
): UseHandleSignInCallbackResult {
  const { client, snapshot } = useAuthSnapshot('useHandleSignInCallback');
  const onSuccessRef = useLatest(onSuccess);
  const mounted = useMounted();
  // StrictMode runs the effect twice: the core de-duplicates the code exchange, but onSuccess must
  // run once.
  const startedFor = useRef<string | undefined>(undefined);
  // Until the async check settles, a URL with callback parameters counts as being handled, so the
  // callback page does not flash a signed-out state between reading storage and the exchange.
  const [checking, setChecking] = useState(
    () => typeof window !== 'undefined' && looksLikeCallback(window.location.href),
  );
  const [failure, setFailure] = useState<LogtoError | undefined>(undefined);

  useEffect(() => {
    const url = window.location.href;
    if (startedFor.current === url || !looksLikeCallback(url)) return;
    startedFor.current = url;
    const cleanAddressBar = (): void => {
      if (window.location.href === url)
        window.history.replaceState(window.history.state, '', withoutCallbackParams(url));
    };
    void (async () => {
      try {
        const ours =
          (await client.isSignInRedirected(url)) || isCallbackFrom(url, client.config.issuer);
        if (!ours) return;
        const result = await client.handleSignInCallback(url);
        cleanAddressBar();
        if (mounted.current) onSuccessRef.current?.(result);
      } catch (error) {
        cleanAddressBar();
        if (mounted.current) setFailure(toLogtoError(error));
      } finally {
        if (mounted.current) setChecking(false);
      }
    })();
  }, [client, mounted, onSuccessRef]);

  return {
    isLoading: snapshot.isLoading || snapshot.isHandlingCallback || checking,
    error: failure ?? snapshot.error,
    isAuthenticated: snapshot.isAuthenticated,
  };
}
