import { IndexedDbStorage } from './IndexedDbStorage.js';
import type { LogtoStorage } from './LogtoStorage.js';
import { MemoryStorage } from './MemoryStorage.js';

let warned = false;

/**
 * IndexedDB when it works, otherwise memory. Some private-browsing modes expose `indexedDB` but
 * fail to open it, so the choice is made on the first real operation, not by feature detection.
 * Falling back prints one console warning per page: sessions then end on reload.
 */
export function createDefaultStorage(): LogtoStorage {
  let chosen: Promise<LogtoStorage> | undefined;

  const choose = (): Promise<LogtoStorage> =>
    (chosen ??= probe().then(
      (storage) => storage,
      (error: unknown) => {
        if (!warned) {
          warned = true;
          console.warn(
            '[logto-spa] IndexedDB is unavailable; keeping the session in memory (it ends on reload).',
            error instanceof Error ? error.message : error,
          );
        }
        return new MemoryStorage();
      },
    ));

  return {
    get: async (key) => (await choose()).get(key),
    set: async (key, value) => (await choose()).set(key, value),
    remove: async (key) => (await choose()).remove(key),
  };
}

async function probe(): Promise<LogtoStorage> {
  if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
  const storage = new IndexedDbStorage();
  await storage.get('logto:probe');
  return storage;
}
