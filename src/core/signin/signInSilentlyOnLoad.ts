import { looksLikeCallback } from './looksLikeCallback.js';

/**
 * Starts `ClientOptions.signInSilently` for a page that loaded without a session, unless it is
 * the sign-in callback (the silent iframe itself lands there) or inside a frame. Failures leave
 * the visitor signed out, as documented. Returns whether it started; `settled` runs after it.
 */
export function signInSilentlyOnLoad<Client>(
  client: Client,
  attempt: ((client: Client) => Promise<unknown>) | undefined,
  settled: () => void,
): boolean {
  if (!attempt || window !== window.top || looksLikeCallback(location.href)) return false;
  void attempt(client)
    .catch(() => undefined)
    .finally(settled);
  return true;
}
