import { LogtoConfigError } from '../errors/LogtoConfigError.js';
import { LogtoNotAuthenticatedError } from '../errors/LogtoNotAuthenticatedError.js';
import type { SignInCallbackResult } from '../signin/SignInOptions.js';
import { signInWithPopup } from './signInWithPopup.js';
import type { ReauthenticateOptions } from './SignInWindowOptions.js';
import type { SignInWindowClient } from './SignInWindowClient.js';

/**
 * Step-up: asks the signed-in user to sign in again, in a popup, before a sensitive action. Logto
 * is sent `max_age` (and `prompt=login` when `maxAge` is 0). The new ID token must be for the
 * same user and its `auth_time` within `maxAge`, on Logto's clock (`iat - auth_time`, with 30 s
 * for the code exchange); otherwise it rejects and nothing of the answer is stored: the session
 * stays exactly as it was. Read `auth_time` from the claims to see when the user last
 * proved who they are. Call it from a click handler.
 *
 * @param client the `LogtoClient`
 * @param options `maxAge`, and the options of {@link signInWithPopup}
 * @param opened a window already opened with `openSignInPopup()` in the click handler, as for
 *   {@link signInWithPopup}; closed at once when the call is refused
 * @returns the claims of the renewed session (with the new `auth_time`)
 * @throws LogtoNotAuthenticatedError when nobody is signed in; LogtoConfigError for a bad
 *   `maxAge`; LogtoWindowError `auth_time_stale`; LogtoIdTokenError (`subject`) for another
 *   user; the errors of {@link signInWithPopup}
 * @example
 * ```ts
 * deleteButton.onclick = async () => {
 *   await reauthenticate(client);
 *   await deleteAccount();
 * };
 * ```
 */
export function reauthenticate(
  client: SignInWindowClient,
  options: ReauthenticateOptions = {},
  opened?: Window | null,
): Promise<SignInCallbackResult> {
  // A refused call must not leave the window the caller opened behind.
  const refuse = (error: Error): Promise<never> => {
    opened?.close();
    return Promise.reject(error);
  };
  const { maxAge = 0, ...rest } = options;
  const claims = client.getSnapshot().idTokenClaims;
  if (!claims) return refuse(new LogtoNotAuthenticatedError());
  if (!(Number.isInteger(maxAge) && maxAge >= 0))
    return refuse(new LogtoConfigError('maxAge', 'must be whole seconds, 0 or more'));
  // `consent` keeps the refresh token: Logto grants offline_access only with it. The callback
  // refuses another user or a stale `auth_time` before anything is stored.
  return signInWithPopup(
    client,
    { prompt: maxAge ? 'consent' : ['login', 'consent'], ...rest, maxAge, subject: claims.sub },
    opened,
  );
}
