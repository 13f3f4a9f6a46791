import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { LogtoLockTimeoutError } from '../errors/LogtoLockTimeoutError.js';
import { indexedDbNames } from '../storage/IndexedDbStorage.js';

/** How long a lease lasts unless renewed; a tab that dies holding it blocks others this long at most. */
export const defaultLeaseMs = 5000;

/**
 * An IndexedDB that has not answered in this long counts as broken (some Safari versions leave
 * `open()` pending forever), as the default storage's probe does: the refresh then runs unguarded.
 */
const answerMs = 3000;

interface Lease {
  owner: string;
  /** Epoch ms (wall clock, which every tab of the browser shares). */
  expires: number;
}

/**
 * A cross-tab lock for browsers without Web Locks (Safari < 15.4, Firefox < 96): a lease record in
 * IndexedDB, taken by a check-and-set inside one readwrite transaction. IndexedDB runs readwrite
 * transactions on the same store one after the other, across tabs, so two tabs can never both see
 * the lease free. The holder renews it while its task runs, deletes it at the end and wakes the
 * waiters over a BroadcastChannel; waiters also poll, and take over a lease whose holder stopped
 * renewing (a closed or crashed tab) once it expires.
 *
 * Without IndexedDB there is no storage shared by tabs either (the session then lives in memory or
 * sessionStorage, per tab), so the in-tab queue of {@link RefreshLock} is all the safety needed
 * and the task runs at once.
 */
export class LeaseLock {
  readonly #key: string;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #owner = Math.random().toString(36).slice(2);
  readonly #channel: BroadcastChannel | undefined;
  #store: UseStore | undefined;
  #wake: (() => void) | undefined;

  /**
   * @param name - the lock's name, e.g. `logto:<appId>:refresh`
   * @param leaseMs - how long the lease lasts unless renewed (renewed every third of it)
   * @param pollMs - longest wait between two attempts while another tab holds the lease
   */
  constructor(name: string, leaseMs = defaultLeaseMs, pollMs = 1000) {
    this.#key = `${name}:lease`;
    this.#leaseMs = leaseMs;
    this.#pollMs = pollMs;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(this.#key);
      this.#channel.onmessage = () => this.#wake?.();
      (this.#channel as { unref?: () => void }).unref?.();
    } else {
      // No wake-up message can come: poll often enough that a release is noticed quickly.
      this.#pollMs = Math.min(pollMs, 100);
    }
  }

  /**
   * Runs `task` once this lock holds the lease. Call it from one queue per instance (RefreshLock
   * does): an instance is one owner, so overlapping calls on it would share the lease.
   *
   * @throws LogtoLockTimeoutError when the lease stays taken for `timeoutSeconds`
   */
  async run<T>(task: () => Promise<T>, timeoutSeconds: number): Promise<T> {
    if (typeof indexedDB === 'undefined') return task();
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      const holderExpires = await Promise.race([
        this.#take(),
        new Promise<number>((resolve) => setTimeout(resolve, answerMs, 0)),
      ]).catch(() => 0);
      if (holderExpires === 0) break;
      if (Date.now() >= deadline) throw new LogtoLockTimeoutError(this.#key, timeoutSeconds);
      const waitMs = Math.min(Math.max(holderExpires - Date.now(), 10), this.#pollMs);
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        setTimeout(resolve, waitMs);
      });
    }
    const renewal = setInterval(() => void this.#take().catch(() => undefined), this.#leaseMs / 3);
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      // Not awaited, so a stuck IndexedDB cannot hold the result back. This tab's next take is
      // queued after this release by IndexedDB itself (transactions run in creation order).
      void this.#update((lease) => (lease?.owner === this.#owner ? undefined : lease)).then(
        () => this.#channel?.postMessage(0),
        () => undefined,
      );
    }
  }

  /**
   * Takes (or renews) the lease when it is free, expired or already ours. Resolves 0 when taken,
   * otherwise the current holder's expiry. Rejects when IndexedDB does not work: the caller then
   * runs its task unguarded, as where IndexedDB is missing (the session then lives in this tab's
   * sessionStorage, not shared with other tabs).
   */
  async #take(): Promise<number> {
    let holderExpires = 0;
    await this.#update((lease) => {
      const now = Date.now();
      if (lease && lease.owner !== this.#owner && lease.expires > now) {
        holderExpires = lease.expires;
        return lease;
      }
      return { owner: this.#owner, expires: now + this.#leaseMs };
    });
    return holderExpires;
  }

  /**
   * Read, decide and write in one readwrite transaction: the check-and-set is atomic. What
   * idb-keyval's `update` does, written here because `update` brings idb-keyval's default store
   * (its database name and opener) into every bundle, though a store is always passed.
   */
  #update(decide: (lease: Lease | undefined) => Lease | undefined): Promise<void> {
    this.#store ??= createStore(indexedDbNames.database, indexedDbNames.store);
    return this.#store('readwrite', (store) => {
      const request = store.get(this.#key);
      // Written from the read's own callback, as idb-keyval's `update` does: the transaction is
      // active there in every browser, whatever they do with promises.
      request.onsuccess = () => store.put(decide(request.result as Lease | undefined), this.#key);
      // A failed read or write aborts the transaction, which rejects this.
      return promisifyRequest(store.transaction);
    });
  }
}
