import { IndexedDbStorage } from './IndexedDbStorage.js';
import type { LogtoStorage } from './LogtoStorage.js';
import { MemoryStorage } from './MemoryStorage.js';
import { SessionStorageStorage } from './SessionStorageStorage.js';

/**
 * How long the IndexedDB probe may take. Some browsers leave `indexedDB.open` pending forever
 * instead of failing; a working database opens in milliseconds even on a cold profile, so this
 * only ever delays a broken one.
 */
export const indexedDbProbeTimeoutMs = 3000;

const probeKey = 'logto-spa:probe';
let warned = false;

/**
 * IndexedDB when it works, else this tab's sessionStorage, else memory. The choice is made on the
 * first real operation, by writing and removing a probe value (bounded by a timeout): some private
 * and locked-down modes expose `indexedDB` but fail to open it, hang, or refuse writes.
 * sessionStorage survives the redirect to Logto, so sign-in still completes; only memory cannot.
 *
 * If the chosen IndexedDB fails later (the browser closed the connection, site data was cleared),
 * the failing call is retried once on a freshly opened database, or on the fallback when that
 * fails too. Falling back prints one console warning per page, with the reason and no values.
 */
export function createDefaultStorage(probeTimeoutMs = indexedDbProbeTimeoutMs): LogtoStorage {
  const choose = (): Promise<LogtoStorage> =>
    probeIndexedDb(probeTimeoutMs).catch((reason: unknown) => fallBack(reason));
  let chosen: Promise<LogtoStorage> | undefined;

  const run = async <T>(operation: (storage: LogtoStorage) => Promise<T>): Promise<T> => {
    const current = (chosen ??= choose());
    const storage = await current;
    try {
      return await operation(storage);
    } catch (error) {
      if (!(storage instanceof IndexedDbStorage)) throw error;
      // Calls failing together share one re-probe; a failure on the new choice is reported as is.
      if (chosen === current) chosen = choose();
      return operation(await chosen);
    }
  };

  return {
    get: (key) => run((storage) => storage.get(key)),
    set: (key, value) => run((storage) => storage.set(key, value)),
    remove: (key) => run((storage) => storage.remove(key)),
  };
}

async function probeIndexedDb(timeoutMs: number): Promise<LogtoStorage> {
  if (typeof indexedDB === 'undefined' || (indexedDB as IDBFactory | null) === null) {
    throw new Error('indexedDB is not available');
  }
  const storage = new IndexedDbStorage();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`indexedDB did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    // A write, not only a read: some modes open the database and then refuse every write.
    await Promise.race([storage.set(probeKey, '1').then(() => storage.remove(probeKey)), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return storage;
}

function fallBack(reason: unknown): LogtoStorage {
  let storage: LogtoStorage;
  let where: string;
  try {
    window.sessionStorage.setItem(probeKey, '1');
    window.sessionStorage.removeItem(probeKey);
    storage = new SessionStorageStorage();
    where = "this tab's sessionStorage, not shared with other tabs";
  } catch {
    storage = new MemoryStorage();
    where = 'memory: sign-in by redirect cannot complete';
  }
  if (!warned) {
    warned = true;
    // Only the failure's name and message: the probe writes constants, never a token.
    const detail = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    console.warn(
      `[logto-spa] IndexedDB is unavailable (${detail}); keeping the session in ${where}.`,
    );
  }
  return storage;
}
