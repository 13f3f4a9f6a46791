import type { LogtoStorage } from './LogtoStorage.js';

/**
 * Keeps values in this tab's `sessionStorage`: they survive reloads and the redirect to Logto and
 * back, but other tabs do not see them (each tab signs in on its own). The default storage falls
 * back to it when IndexedDB is unavailable.
 *
 * A tab duplicated by the browser starts with a copy of the original tab's values, refresh token
 * included; whichever of the two refreshes second presents a token Logto has already rotated, and
 * Logto then ends the grant for both (they sign in again).
 *
 * @example
 * ```ts
 * new LogtoClient(config, { storage: new SessionStorageStorage() });
 * ```
 */
export class SessionStorageStorage implements LogtoStorage {
  // Read at each call, not at construction: a client may be built during server rendering, and
  // `window.sessionStorage` throws (SecurityError) when the browser blocks site data.
  /** @inheritdoc */
  get(key: string): Promise<string | null> {
    return attempt(() => window.sessionStorage.getItem(key));
  }

  /** @inheritdoc */
  set(key: string, value: string): Promise<void> {
    return attempt(() => window.sessionStorage.setItem(key, value));
  }

  /** @inheritdoc */
  remove(key: string): Promise<void> {
    return attempt(() => window.sessionStorage.removeItem(key));
  }
}

// Web Storage throws synchronously (quota, blocked site data); a throw inside the executor
// becomes the rejection every storage call promises.
function attempt<T>(operation: () => T): Promise<T> {
  return new Promise((resolve) => resolve(operation()));
}
