import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { LogtoStorage } from './LogtoStorage.js';

/** Database and object-store names used by {@link IndexedDbStorage}. */
export const indexedDbNames = { database: 'logto-spa', store: 'kv' } as const;

/**
 * Stores values in IndexedDB through idb-keyval. Writes resolve when the transaction commits, so
 * a value written by one tab is visible to every other tab that reads after that.
 */
export class IndexedDbStorage implements LogtoStorage {
  #store: UseStore | undefined;

  // Opening the database is deferred to the first use, so constructing a client in a server
  // render or a test without IndexedDB does not touch `indexedDB`.
  #getStore(): UseStore {
    this.#store ??= createStore(indexedDbNames.database, indexedDbNames.store);
    return this.#store;
  }

  /** @inheritdoc */
  async get(key: string): Promise<string | null> {
    const value = await this.#getStore()('readonly', (store) =>
      promisifyRequest<unknown>(store.get(key)),
    );
    return typeof value === 'string' ? value : null;
  }

  /** @inheritdoc */
  set(key: string, value: string): Promise<void> {
    return this.#write((store) => store.put(value, key));
  }

  /** @inheritdoc */
  remove(key: string): Promise<void> {
    return this.#write((store) => store.delete(key));
  }

  // Resolves when the transaction commits, not when the request succeeds: only then do other
  // tabs see the change.
  #write(change: (store: IDBObjectStore) => unknown): Promise<void> {
    return this.#getStore()('readwrite', (store) => {
      change(store);
      return promisifyRequest(store.transaction);
    });
  }
}
