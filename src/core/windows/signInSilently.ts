import type { SignInCallbackResult } from '../signin/SignInOptions.js';
import type { SignInWindowClient } from './SignInWindowClient.js';
import { runSilentRequest } from './runSilentRequest.js';
import type { SilentSignInOptions } from './SignInWindowOptions.js';

/**
 * Single sign-on without a click: when the user is already signed in to Logto (in another app, or
 * earlier), signs this app in through a hidden iframe (`prompt=none`) with no visible navigation.
 * Works when the app and Logto are on the same site (e.g. Logto on a custom domain
 * `auth.example.com` for `app.example.com`). When this tab already has a session, it resolves
 * with it without asking Logto.
 *
 * Logto gives a refresh token only with `prompt=consent`, which cannot be silent: the session
 * made here has the ID token and the userinfo access token, but no refresh token. Call
 * `signInWithPopup` or `signIn` when the app needs API or organization tokens or a session
 * longer than the tokens' hour (see the README).
 *
 * @param client the `LogtoClient`
 * @returns the verified claims of the session
 * @throws LogtoWindowError `login_required` (no Logto session in this browser) or
 *   `silent_sign_in_unavailable` (cross-site, blocked, or no answer within 5 s), and the errors
 *   of `handleSignInCallback`
 * @example
 * ```ts
 * try { await signInSilently(client); }
 * catch (error) { if (!(error instanceof LogtoError && error.code === 'login_required')) throw error; }
 * ```
 */
export async function signInSilently(
  client: SignInWindowClient,
  options: SilentSignInOptions = {},
): Promise<SignInCallbackResult> {
  if (await client.isAuthenticated()) {
    return { postRedirectUri: options.postRedirectUri, claims: await client.getIdTokenClaims() };
  }
  const { url } = await runSilentRequest(client, options);
  return client.handleSignInCallback(url);
}
