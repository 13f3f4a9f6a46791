import { LogtoWindowError } from '../errors/LogtoWindowError.js';
import { openSignInPopup } from './openSignInPopup.js';
import type { SignInCallbackResult } from '../signin/SignInOptions.js';
import type { PopupSignInOptions } from './SignInWindowOptions.js';
import { defaultRedirectUri, type SignInWindowClient } from './SignInWindowClient.js';
import { waitForCallback } from './waitForCallback.js';

/**
 * Signs in through Logto in a popup window, without leaving the page: the app keeps its state.
 * Call it straight from a click handler: the popup opens before anything else happens, or the
 * browser blocks it. The popup lands on the app's usual callback route, whose
 * `handleSignInCallback` hands the URL back here; this window exchanges the code (once), verifies
 * the ID token, stores the session (every tab follows) and closes the popup.
 *
 * @param client the `LogtoClient`
 * @param options sign-in options; `redirectUri` defaults to `${location.origin}/callback`
 * @param opened a window the caller already opened with `openSignInPopup()` in the click handler
 *   (`null`: the browser refused it), for a caller that loads this function lazily; by default
 *   this function opens it
 * @returns the verified claims of the new session
 * @throws LogtoWindowError `popup_blocked`, `popup_closed` (noticed within a second),
 *   `popup_timeout`; LogtoCallbackError `callback_error_response` for Logto's answer (e.g.
 *   `error: 'access_denied'`); the errors of `handleSignInCallback`
 * @example
 * ```ts
 * button.onclick = () =>
 *   signInWithPopup(client).catch((error) => {
 *     if (error instanceof LogtoError && error.code === 'popup_closed') return; // changed their mind
 *     showError(error);
 *   });
 * ```
 */
export function signInWithPopup(
  client: SignInWindowClient,
  options: PopupSignInOptions = {},
  opened?: Window | null,
): Promise<SignInCallbackResult> {
  const { redirectUri = defaultRedirectUri(), timeoutSeconds = 300, ...rest } = options;
  // No await before this line: browsers let a page open a window only while handling a click.
  const popup = opened === undefined ? openSignInPopup() : opened;
  if (!popup) return Promise.reject(new LogtoWindowError('popup_blocked', 'Popup blocked'));
  let pending: string | undefined;
  return (async () => {
    const { url, state } = await client.createSignInUrl({ ...rest, redirectUri, relay: 'popup' });
    pending = state;
    // Listening before navigating: a fast answer cannot slip through.
    const answer = waitForCallback(
      state,
      popup,
      timeoutSeconds * 1000,
      'popup_timeout',
      () => popup.closed,
    );
    popup.location.href = url;
    const callbackUrl = await answer;
    pending = undefined;
    return client.handleSignInCallback(callbackUrl);
  })()
    .catch(async (error: unknown) => {
      if (pending) await client.discardSignIn(pending);
      throw error;
    })
    .finally(() => popup.close());
}
