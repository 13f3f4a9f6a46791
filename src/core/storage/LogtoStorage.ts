/**
 * Where the client keeps its session, sign-in transactions and cached metadata. Values are
 * strings (JSON) so any key-value store fits: IndexedDB (the default), memory, or your own.
 *
 * Tokens should live in IndexedDB, not localStorage: Chromium hands localStorage writes to other
 * tabs asynchronously, so a tab could read a refresh token another tab has already used.
 *
 * @example
 * ```ts
 * const storage: LogtoStorage = {
 *   get: async (key) => sessionStorage.getItem(key),
 *   set: async (key, value) => sessionStorage.setItem(key, value),
 *   remove: async (key) => sessionStorage.removeItem(key),
 * };
 * new LogtoClient(config, { storage });
 * ```
 */
export interface LogtoStorage {
  /** Resolves the stored value, or `null` when there is none. */
  get(key: string): Promise<string | null>;
  /** Resolves once the value is durably written. */
  set(key: string, value: string): Promise<void>;
  /** Resolves once the value is gone. */
  remove(key: string): Promise<void>;
}
