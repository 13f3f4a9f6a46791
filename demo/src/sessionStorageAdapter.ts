import type { LogtoStorage } from 'logto-spa';

/**
 * A custom storage, like the seed guide's `SessionStorage(Storage)` class: the session lives in
 * this tab's `sessionStorage`. It survives the redirect to Logto and reloads, but is not shared
 * with other tabs (each tab signs in on its own). Chosen with `VITE_LOGTO_STORAGE=session`.
 */
export const sessionStorageAdapter: LogtoStorage = {
  get: (key) => Promise.resolve(window.sessionStorage.getItem(key)),
  set: (key, value) => {
    window.sessionStorage.setItem(key, value);
    return Promise.resolve();
  },
  remove: (key) => {
    window.sessionStorage.removeItem(key);
    return Promise.resolve();
  },
};
