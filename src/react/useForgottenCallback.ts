import { useEffect } from 'react';
import type { LogtoClientLike } from '../core/LogtoClientLike.js';
import { looksLikeCallback } from '../core/signin/looksLikeCallback.js';
import { sanitizeReturnPath } from '../core/signin/sanitizeReturnPath.js';
import { forgottenCallbackMs } from '../core/signin/watchForgottenCallback.js';
import { withoutCallbackParams } from './callbackUrl.js';

/**
 * `<LogtoProvider>`'s safety net for a forgotten callback route: when the page is a sign-in
 * callback for a redirect URI this browser signed in with, and half a second after the core's
 * warning (1.5 s after mount) nothing has handled it (no `useHandleSignInCallback` mounted, the
 * URL unchanged, no callback in progress), the provider handles it, then replaces the URL with the sign-in's `postRedirectUri` (sanitised; else the callback URL
 * without its parameters) and fires `popstate` so that routers follow. Handling twice is
 * impossible: the core joins every handling of the same callback (a `useHandleSignInCallback`
 * that mounts late gets the same result, with no second token request).
 */
export function useForgottenCallback(client: LogtoClientLike | undefined): void {
  useEffect(() => {
    const url = window.location.href;
    if (!client || !looksLikeCallback(url)) return;
    const untouched = () =>
      window.location.href === url && !client.getSnapshot().isHandlingCallback;
    const timer = setTimeout(() => {
      void (async () => {
        if (!untouched() || !(await client.isSignInRedirected(url)) || !untouched()) return;
        // A failure shows as the snapshot's error (useLogto().error, <Protected>).
        const result = await client.handleSignInCallback(url).catch(() => undefined);
        if (window.location.href !== url) return;
        const target = result?.postRedirectUri;
        const state: unknown = window.history.state;
        window.history.replaceState(
          state,
          '',
          target ? sanitizeReturnPath(target) : withoutCallbackParams(url),
        );
        window.dispatchEvent(new PopStateEvent('popstate', { state }));
      })().catch(() => undefined);
    }, forgottenCallbackMs + 500);
    return () => clearTimeout(timer);
  }, [client]);
}
