import { checkSession } from './checkSession.js';
import type { CheckSessionOptions } from './SignInWindowOptions.js';
import type { SignInWindowClient } from './SignInWindowClient.js';

/** Options of {@link checkSessionOnFocus}. */
export interface CheckSessionOnFocusOptions extends CheckSessionOptions {
  /** At most one check per this many seconds. Default 60. */
  minIntervalSeconds?: number;
  /** Told when a check fails (e.g. `silent_sign_in_unavailable`); the session is kept then. */
  onError?: (error: unknown) => void;
}

/**
 * Runs {@link checkSession} whenever the tab comes back into view or gets focus, while signed in,
 * at most once a minute: a user who signed out at Logto (in another app) is signed out here, in
 * every tab, as soon as they come back.
 *
 * @param client the `LogtoClient`
 * @returns a function that stops the checks
 * @example
 * ```ts
 * const stop = checkSessionOnFocus(client, { onError: console.warn });
 * // React: useEffect(() => checkSessionOnFocus(client), [client]);
 * ```
 */
export function checkSessionOnFocus(
  client: SignInWindowClient,
  options: CheckSessionOnFocusOptions = {},
): () => void {
  const { minIntervalSeconds = 60, onError = () => undefined, ...checkOptions } = options;
  let last = 0;
  const onActive = (): void => {
    if (document.hidden || !client.getSnapshot().isAuthenticated) return;
    if (Date.now() - last < minIntervalSeconds * 1000) return;
    last = Date.now();
    checkSession(client, checkOptions).catch(onError);
  };
  addEventListener('focus', onActive);
  document.addEventListener('visibilitychange', onActive);
  return () => {
    removeEventListener('focus', onActive);
    document.removeEventListener('visibilitychange', onActive);
  };
}
