import type { LogtoStorage } from './LogtoStorage.js';

/**
 * Keeps everything in memory: lost on reload and not shared between tabs. The last fallback, when
 * neither IndexedDB nor sessionStorage is available; also handy in tests. The redirect to Logto is a page load, so a
 * sign-in started with this storage cannot be finished by the callback page: use it for tests
 * and for flows that do not leave the page.
 */
export class MemoryStorage implements LogtoStorage {
  readonly #values = new Map<string, string>();

  /** @inheritdoc */
  get(key: string): Promise<string | null> {
    return Promise.resolve(this.#values.get(key) ?? null);
  }

  /** @inheritdoc */
  set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
    return Promise.resolve();
  }

  /** @inheritdoc */
  remove(key: string): Promise<void> {
    this.#values.delete(key);
    return Promise.resolve();
  }
}
