import { LogtoWindowError } from '../errors/LogtoWindowError.js';
import type { SignInWindowClient } from './SignInWindowClient.js';
import { runSilentRequest } from './runSilentRequest.js';
import type { CheckSessionOptions } from './SignInWindowOptions.js';

/**
 * Asks Logto, in a hidden iframe (`prompt=none`), whether the user is still signed in there.
 * Signing out at Logto (another app, Logto's own pages) does not end this app's session by
 * itself: refresh tokens outlive Logto's session. When Logto answers that the user of this tab's
 * session is no longer signed in, the session ends here and in every tab, with the `signedOut`
 * event's reason `'signedOutElsewhere'`. It cannot tell whether Logto's session is still the same
 * user's (that would take the ID token in the URL, as `id_token_hint`, which this SDK never does).
 *
 * @param client the `LogtoClient`
 * @returns `true` when the browser has a Logto session, else `false`
 * @throws LogtoWindowError `silent_sign_in_unavailable` when Logto cannot be asked (cross-site,
 *   blocked, no answer within 5 s): nothing is changed then
 * @example
 * ```ts
 * client.on('signedOut', ({ reason }) => reason === 'signedOutElsewhere' && showSignedOutNotice());
 * await checkSession(client);
 * ```
 */
export async function checkSession(
  client: SignInWindowClient,
  options: CheckSessionOptions = {},
): Promise<boolean> {
  const idToken = (await client.isAuthenticated()) ? await client.getIdToken() : undefined;
  try {
    // The code in Logto's answer is never exchanged: it would replace the session's tokens.
    await client.discardSignIn((await runSilentRequest(client, options)).state);
    return true;
  } catch (error) {
    if (!(error instanceof LogtoWindowError && error.code === 'login_required')) throw error;
    // Only the session that was checked ends: not one signed in meanwhile, here or in another tab.
    if (
      idToken !== undefined &&
      (await client.isAuthenticated()) &&
      (await client.getIdToken()) === idToken
    )
      await client.signOutForReason('signedOutElsewhere');
    return false;
  }
}
