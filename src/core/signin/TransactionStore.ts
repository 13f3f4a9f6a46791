import type { StateStore } from 'oidc-client-ts';
import type { LogtoStorage } from '../storage/LogtoStorage.js';

/** Completed sign-ins are remembered this long so that a replayed callback is recognised. */
const completedMemorySeconds = 86_400;
const completedMemoryLimit = 50;

/**
 * Pending sign-in transactions (PKCE verifier, state, nonce), keyed by `state`, in the client's
 * storage. Implements oidc-client-ts's `StateStore`, which consumes a transaction once and sweeps
 * stale ones. It also remembers which states completed, to tell a replay from a forgery.
 */
export class TransactionStore implements StateStore {
  readonly #storage: LogtoStorage;
  readonly #pendingKey: string;
  readonly #completedKey: string;
  readonly #redirectUrisKey: string;
  readonly #now: () => number;

  constructor(storage: LogtoStorage, keyPrefix: string, now: () => number) {
    this.#storage = storage;
    this.#pendingKey = `${keyPrefix}transactions`;
    this.#completedKey = `${keyPrefix}completed-states`;
    this.#redirectUrisKey = `${keyPrefix}redirect-uris`;
    this.#now = now;
  }

  async set(key: string, value: string): Promise<void> {
    const pending = await this.#read(this.#pendingKey);
    pending[key] = value;
    await this.#storage.set(this.#pendingKey, JSON.stringify(pending));
  }

  async get(key: string): Promise<string | null> {
    const value = (await this.#read(this.#pendingKey))[key];
    return typeof value === 'string' ? value : null;
  }

  async remove(key: string): Promise<string | null> {
    const { [key]: value, ...rest } = await this.#read(this.#pendingKey);
    if (value === undefined) return null;
    await this.#storage.set(this.#pendingKey, JSON.stringify(rest));
    return typeof value === 'string' ? value : null;
  }

  async getAllKeys(): Promise<string[]> {
    return Object.keys(await this.#read(this.#pendingKey));
  }

  /** Records that the sign-in with this state finished. */
  async markCompleted(state: string): Promise<void> {
    const now = this.#now();
    const completed = await this.#read(this.#completedKey);
    completed[state] = now;
    const kept = Object.entries(completed)
      .filter(([, at]) => typeof at === 'number' && now - at < completedMemorySeconds)
      .slice(-completedMemoryLimit);
    await this.#storage.set(this.#completedKey, JSON.stringify(Object.fromEntries(kept)));
  }

  /** Whether a sign-in with this state already finished. */
  async wasCompleted(state: string): Promise<boolean> {
    return state in (await this.#read(this.#completedKey));
  }

  /** Remembers a redirect URI used for sign-in, so a later callback to it is recognised. */
  async rememberRedirectUri(uri: string): Promise<void> {
    const known = await this.#read(this.#redirectUrisKey);
    if (uri in known) return;
    await this.#storage.set(this.#redirectUrisKey, JSON.stringify({ ...known, [uri]: true }));
  }

  /** Redirect URIs this browser has used for sign-in. */
  async knownRedirectUris(): Promise<string[]> {
    return Object.keys(await this.#read(this.#redirectUrisKey));
  }

  async #read(key: string): Promise<Record<string, unknown>> {
    const raw = await this.#storage.get(key);
    if (!raw) return {};
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }
}
