import { LogtoLockTimeoutError } from '../errors/LogtoLockTimeoutError.js';
import { LeaseLock } from './LeaseLock.js';
import type { LogtoLogger } from '../config/logger.js';
import { timeoutSignal } from '../protocol/timeoutSignal.js';

/**
 * Serialises token refreshes: within this tab by a promise queue, and across tabs of the same
 * origin with the Web Locks API, or with a {@link LeaseLock} in IndexedDB where the browser has no
 * Web Locks. Logto rotates refresh tokens and revokes the whole grant when a used one comes back,
 * so two refreshes must never overlap anywhere.
 */
export class RefreshLock {
  readonly #name: string;
  readonly #timeoutSeconds: number;
  readonly #log: LogtoLogger | undefined;
  #tail: Promise<unknown> = Promise.resolve();
  #lease: LeaseLock | undefined;

  constructor(name: string, timeoutSeconds: number, log?: LogtoLogger) {
    this.#name = name;
    this.#timeoutSeconds = timeoutSeconds;
    this.#log = log;
  }

  /** Runs `task` once no other holder (in any tab) has the lock. */
  run<T>(task: () => Promise<T>): Promise<T> {
    // The wait counts from here: the queue in this tab, then the Web Lock shared with others.
    const asked = this.#log && Date.now();
    const next = this.#tail.then(
      () => this.#acquire(task, asked),
      () => this.#acquire(task, asked),
    );
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #acquire<T>(task: () => Promise<T>, asked: number | undefined): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    const log = this.#log;
    // Logged only with a logger: without one, the task runs as is, with no wrapper.
    const held = log
      ? async () => {
          const granted = Date.now();
          log('lock', 'acquired', { waitedMs: granted - (asked ?? granted) });
          try {
            return await task();
          } finally {
            log('lock', 'released', { heldMs: Date.now() - granted });
          }
        }
      : task;
    try {
      return await (locks?.request
        ? locks.request(this.#name, { signal: timeoutSignal(this.#timeoutSeconds * 1000) }, held)
        : (this.#lease ??= new LeaseLock(this.#name)).run(held, this.#timeoutSeconds));
    } catch (error) {
      // The signal only matters while waiting: once granted, abort has no effect on the task.
      // Browsers older than abort reasons (Chrome < 98) reject with an AbortError instead.
      const aborted =
        error instanceof DOMException &&
        (error.name === 'TimeoutError' || error.name === 'AbortError');
      if (aborted || error instanceof LogtoLockTimeoutError) {
        log?.('lock', 'timed out');
        throw aborted ? new LogtoLockTimeoutError(this.#name, this.#timeoutSeconds) : error;
      }
      throw error;
    }
  }
}
