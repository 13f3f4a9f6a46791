import { looksLikeCallback } from '../core/signin/looksLikeCallback.js';

/** The parameters an authorization response adds to the redirect URI (RFC 6749, RFC 9207). */
const callbackParams = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss'];

/**
 * Whether `url` is an authorization response from `issuer` (Logto, like oidc-provider, sends
 * `iss`). Such a URL is ours even when its sign-in transaction is gone (a replay, a forgery, a
 * callback opened in another browser), and deserves a visible error rather than silence.
 */
export function isCallbackFrom(url: string, issuer: string): boolean {
  return looksLikeCallback(url) && new URL(url).searchParams.get('iss') === issuer;
}

/** `url` without the authorization-response parameters; the rest of the query and the hash stay. */
export function withoutCallbackParams(url: string): string {
  const parsed = new URL(url);
  for (const name of callbackParams) parsed.searchParams.delete(name);
  return parsed.href;
}
