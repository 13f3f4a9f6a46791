import { LogtoLockTimeoutError } from './errors.js';

/**
 * Serialises token refreshes: within this tab by a promise queue, and across tabs of the same
 * origin with the Web Locks API when the browser has it. Logto rotates refresh tokens and revokes
 * the whole grant when a used one comes back, so two refreshes must never overlap anywhere.
 */
export class RefreshLock {
  readonly #name: string;
  readonly #timeoutSeconds: number;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(name: string, timeoutSeconds: number) {
    this.#name = name;
    this.#timeoutSeconds = timeoutSeconds;
  }

  /** The Web Locks name, `logto:<appId>:refresh`. */
  get name(): string {
    return this.#name;
  }

  /** Runs `task` once no other holder (in any tab) has the lock. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(
      () => this.#acquire(task),
      () => this.#acquire(task),
    );
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #acquire<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks?.request) return task();
    try {
      return await locks.request(
        this.#name,
        { signal: AbortSignal.timeout(this.#timeoutSeconds * 1000) },
        task,
      );
    } catch (error) {
      // The signal only matters while waiting: once granted, abort has no effect on the task.
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new LogtoLockTimeoutError(this.#name, this.#timeoutSeconds);
      }
      throw error;
    }
  }
}
