import { LogtoCallbackError } from '../errors/LogtoCallbackError.js';
import { LogtoWindowError } from '../errors/LogtoWindowError.js';
import { defaultRedirectUri, type SignInWindowClient } from './SignInWindowClient.js';
import type { SilentRequestOptions } from './SignInWindowOptions.js';
import { waitForCallback } from './waitForCallback.js';

/**
 * Asks Logto with `prompt=none` in a hidden iframe; resolves with the callback URL (which
 * carries a code) and its state. Logto's session cookie is `SameSite=Lax`: the iframe sends it
 * only when the app and Logto are on the same site (a custom domain like `auth.example.com` for
 * `app.example.com`); cross-site, it fails at once rather than report a misleading
 * `login_required`. The pending transaction is dropped on every failure.
 *
 * @throws LogtoWindowError `login_required`, `silent_sign_in_unavailable`; LogtoCallbackError
 *   for any other error Logto answers with
 */
export async function runSilentRequest(
  client: SignInWindowClient,
  options: SilentRequestOptions,
): Promise<{ url: string; state: string }> {
  const { redirectUri = defaultRedirectUri(), timeoutSeconds = 5, ...rest } = options;
  if (siteOf(location.href) !== siteOf(client.config.issuer))
    throw new LogtoWindowError('silent_sign_in_unavailable', 'Logto is on another site');
  const { url, state } = await client.createSignInUrl({
    ...rest,
    redirectUri,
    prompt: 'none',
    relay: 'iframe',
  });
  const frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.append(frame);
  // Listening before navigating: a fast answer cannot slip through.
  const waiting = waitForCallback(
    state,
    frame.contentWindow,
    Math.min(timeoutSeconds, 5) * 1000,
    'silent_sign_in_unavailable',
  );
  frame.src = url;
  let answer: URL;
  try {
    answer = new URL(await waiting);
  } catch (error) {
    await client.discardSignIn(state);
    throw error;
  } finally {
    frame.remove();
  }
  const error = answer.searchParams.get('error');
  if (!error) return { url: answer.href, state };
  // Logto's refusal is an answer, not a failed sign-in: it must not land in the auth state.
  await client.discardSignIn(state);
  throw /_required$/.test(error)
    ? new LogtoWindowError('login_required', `Logto answered ${error}`, error)
    : new LogtoCallbackError('callback_error_response', `Logto answered ${error}`, { error });
}

/**
 * The site of a URL (scheme plus registrable domain), approximated without a public-suffix list
 * as the last two labels of the host; an IP address is its own site. Ports do not matter.
 */
function siteOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return (
    protocol + (/^[\d.]+$|:/.test(hostname) ? hostname : hostname.split('.').slice(-2).join('.'))
  );
}
