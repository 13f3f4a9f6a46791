import type { IdTokenClaims } from '../protocol/claims.js';
import { LogtoStorageError } from '../errors/LogtoStorageError.js';
import { decodeJwtClaims } from '../protocol/jwt.js';
import type { AccessTokenRecord } from '../protocol/tokenResponse.js';
import type { LogtoStorage } from '../storage/LogtoStorage.js';

/** Everything a signed-in browser keeps, written to storage as one value so updates are atomic. */
export interface StoredSession {
  issuer: string;
  appId: string;
  idToken: string;
  refreshToken: string | undefined;
  /** Keyed by {@link tokenKey}. */
  accessTokens: Record<string, AccessTokenRecord>;
  /**
   * Server time minus this device's time (seconds), learned from the sign-in's ID token; the
   * next ID tokens' times are judged by it. Kept per session so a reload on a device whose clock
   * is off still verifies refreshed ID tokens. Absent in sessions stored before it was kept:
   * the next fresh refreshed ID token teaches it.
   */
  clockOffset?: number | undefined;
}

/** A session with its decoded ID-token claims. */
export interface LoadedSession extends StoredSession {
  claims: IdTokenClaims;
}

/**
 * The session in storage plus an in-memory copy. Reads on the hot path (`current`) never touch
 * storage; `reload()` re-reads it, which the refresh lock does because another tab may have
 * rotated the refresh token.
 */
export class SessionStore {
  readonly #storage: LogtoStorage;
  readonly #key: string;
  readonly #issuer: string;
  readonly #appId: string;
  #current: LoadedSession | undefined;

  constructor(storage: LogtoStorage, keyPrefix: string, issuer: string, appId: string) {
    this.#storage = storage;
    this.#key = `${keyPrefix}session`;
    this.#issuer = issuer;
    this.#appId = appId;
  }

  /** The in-memory session, or `undefined` when signed out (or not loaded yet). */
  get current(): LoadedSession | undefined {
    return this.#current;
  }

  /** Reads the session from storage into memory and returns it. */
  async reload(): Promise<LoadedSession | undefined> {
    let raw: string | null;
    try {
      raw = await this.#storage.get(this.#key);
    } catch (cause) {
      throw new LogtoStorageError('Cannot read the session from storage', cause);
    }
    this.#current = raw === null ? undefined : this.#parse(raw);
    return this.#current;
  }

  /** Writes the session to storage, then to memory; a new one is stamped with its issuer and app. */
  async save(
    session: Omit<StoredSession, 'issuer' | 'appId'> & Partial<StoredSession>,
  ): Promise<LoadedSession> {
    const loaded = {
      issuer: this.#issuer,
      appId: this.#appId,
      ...session,
      claims: decodeJwtClaims<IdTokenClaims>(session.idToken),
    };
    const { claims: _claims, ...stored } = loaded;
    try {
      await this.#storage.set(this.#key, JSON.stringify(stored));
    } catch (cause) {
      throw new LogtoStorageError('Cannot write the session to storage', cause);
    }
    this.#current = loaded;
    return loaded;
  }

  /** Removes the session from storage and memory. */
  async clear(): Promise<void> {
    this.#current = undefined;
    try {
      await this.#storage.remove(this.#key);
    } catch (cause) {
      throw new LogtoStorageError('Cannot remove the session from storage', cause);
    }
  }

  #parse(raw: string): LoadedSession | undefined {
    try {
      const stored = JSON.parse(raw) as StoredSession;
      // A session written for another tenant or app (config changed) is not ours to use.
      if (stored.issuer !== this.#issuer || stored.appId !== this.#appId) return undefined;
      return { ...stored, claims: decodeJwtClaims<IdTokenClaims>(stored.idToken) };
    } catch {
      return undefined;
    }
  }
}
