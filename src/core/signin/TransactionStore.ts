import type { LogtoStorage } from '../storage/LogtoStorage.js';

/** Completed sign-ins are remembered this long so that a replayed callback is recognised. */
const completedMemorySeconds = 86_400;

/**
 * Pending sign-in transactions (PKCE verifier, state, nonce), each under a key of its own,
 * `logto:<appId>:transaction:<state>`, in the client's storage; consumed once. It also remembers
 * which states completed, to tell a replay from a forgery, and sweeps abandoned transactions.
 *
 * Tabs share the storage and may start sign-ins at the same moment (a browser restoring its
 * tabs, each on a protected page), and storage has no read-and-write in one step. So a
 * transaction and a completion are each a single write of a key no other sign-in uses: no tab can
 * overwrite another's. Only the sweep needs a list of them, and storage cannot list its keys, so
 * an index of keys and times keeps one; its read-change-writes (and those of the redirect URIs)
 * run one at a time across tabs under a Web Lock, so no entry is lost. The sweep removes only
 * what the index dates past its lifetime: never another tab's live transaction, even where the
 * browser has no Web Locks (there two tabs' index updates can still collide, which can only
 * leave an abandoned transaction unswept).
 *
 * Transactions stored by earlier versions (all in one value) are not read, and the sweep removes
 * them: a sign-in started before an upgrade fails at its callback and is started again.
 */
export class TransactionStore {
  readonly #storage: LogtoStorage;
  readonly #prefix: string;
  /** Where each transaction is kept: this, then its state. */
  readonly #pendingPrefix: string;
  readonly #indexKey: string;
  readonly #redirectUrisKey: string;
  readonly #lockName: string;
  readonly #now: () => number;

  /**
   * @param keyPrefix - `logto:<appId>:`, the prefix of every key the store writes
   * @param now - the client's clock, epoch seconds
   */
  constructor(storage: LogtoStorage, keyPrefix: string, now: () => number) {
    this.#storage = storage;
    this.#prefix = keyPrefix;
    this.#pendingPrefix = `${keyPrefix}transaction:`;
    this.#indexKey = `${keyPrefix}transaction-index`;
    this.#redirectUrisKey = `${keyPrefix}redirect-uris`;
    this.#lockName = `${keyPrefix}transactions`;
    this.#now = now;
  }

  /** Stores the transaction of a sign-in that starts now. */
  set(state: string, value: string): Promise<void> {
    return this.#write(this.#pendingPrefix + state, value);
  }

  /** The pending transaction with this state, or `null`. */
  get(state: string): Promise<string | null> {
    return this.#storage.get(this.#pendingPrefix + state);
  }

  /** Takes the pending transaction with this state out of storage; `null` when there is none. */
  async remove(state: string): Promise<string | null> {
    const key = this.#pendingPrefix + state;
    const value = await this.#storage.get(key);
    if (value !== null) {
      await this.#storage.remove(key);
      await this.#updateIndex((index) => index.delete(key));
    }
    return value;
  }

  /** The states of the pending transactions. */
  async getAllKeys(): Promise<string[]> {
    const pending = this.#pendingPrefix;
    return [...(await this.#readIndex()).keys()]
      .filter((key) => key.startsWith(pending))
      .map((key) => key.slice(pending.length));
  }

  /** Records that the sign-in with this state finished. */
  markCompleted(state: string): Promise<void> {
    return this.#write(this.#completedKey(state), String(this.#now()));
  }

  /** Whether a sign-in with this state finished (within the last day). */
  async wasCompleted(state: string): Promise<boolean> {
    const at = await this.#storage.get(this.#completedKey(state));
    return at !== null && this.#now() - Number(at) < completedMemorySeconds;
  }

  /**
   * Removes the transactions stored more than `maxAgeSeconds` ago (abandoned sign-ins), the
   * completions older than a day, and what earlier versions stored. Younger transactions stay,
   * whichever tab started them.
   */
  sweep(maxAgeSeconds: number): Promise<void> {
    return this.#updateIndex(async (index) => {
      const now = this.#now();
      const stale = [...index]
        .filter(([key, at]) => {
          const lifetime = key.startsWith(this.#pendingPrefix)
            ? maxAgeSeconds
            : completedMemorySeconds;
          return now - at > lifetime;
        })
        .map(([key]) => key);
      // Removed before the index is written: if a removal fails, the next sweep tries again.
      await Promise.all(
        [...stale, `${this.#prefix}transactions`, `${this.#prefix}completed-states`].map((key) =>
          this.#storage.remove(key),
        ),
      );
      for (const key of stale) index.delete(key);
    });
  }

  /** Remembers a redirect URI used for sign-in, so a later callback to it is recognised. */
  async rememberRedirectUri(uri: string): Promise<void> {
    if ((await this.knownRedirectUris()).includes(uri)) return;
    await exclusively(this.#lockName, async () => {
      const known = await readRecord(this.#storage, this.#redirectUrisKey);
      await this.#storage.set(this.#redirectUrisKey, JSON.stringify({ ...known, [uri]: true }));
    });
  }

  /** Redirect URIs this browser has used for sign-in. */
  async knownRedirectUris(): Promise<string[]> {
    return Object.keys(await readRecord(this.#storage, this.#redirectUrisKey));
  }

  #completedKey(state: string): string {
    return `${this.#prefix}completed:${state}`;
  }

  /** Writes a key no other sign-in uses, then adds it to the index with the time. */
  async #write(key: string, value: string): Promise<void> {
    // The value first: a transaction can be finished as soon as it is written, indexed or not.
    await this.#storage.set(key, value);
    await this.#updateIndex((index) => index.set(key, this.#now()));
  }

  /** The keys this store wrote and has not removed, each with when it was written. */
  async #readIndex(): Promise<Map<string, number>> {
    const entries = Object.entries(await readRecord(this.#storage, this.#indexKey));
    // An entry without a time is dropped, never swept: its key may be a live transaction.
    return new Map(
      entries.filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    );
  }

  /** Reads, changes and writes the index with no other update in between, in any tab. */
  #updateIndex(change: (index: Map<string, number>) => unknown): Promise<void> {
    return exclusively(this.#lockName, async () => {
      const index = await this.#readIndex();
      await change(index);
      await this.#storage.set(this.#indexKey, JSON.stringify(Object.fromEntries(index)));
    });
  }
}

/** Per lock name, the tail of this realm's queue, where the browser has no Web Locks. */
const queues = new Map<string, Promise<void>>();

/**
 * Runs `task` while no other task holding the lock `name` runs: in any tab of the origin with
 * Web Locks, else in this realm only (Safari < 15.4, Firefox < 96).
 */
function exclusively(name: string, task: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks?.request) return locks.request(name, task);
  const run = (queues.get(name) ?? Promise.resolve()).then(task);
  queues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

async function readRecord(storage: LogtoStorage, key: string): Promise<Record<string, unknown>> {
  const raw = await storage.get(key);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
