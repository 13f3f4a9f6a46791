import { isKeyUsableFor, type PublicJwk } from '../../src/core/verifyJwsSignature.js';

/** Options of {@link JwksCache}. */
export interface JwksCacheOptions {
  /** Used to fetch the key set. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** The clock, in epoch seconds. Default: `Date.now() / 1000`. */
  now?: () => number;
  /**
   * An unknown `kid` triggers a refetch only when the cached set is at least this old, so a
   * stream of tokens with made-up key ids cannot turn the API into a JWKS request amplifier.
   * Default 10 s.
   */
  minRefetchIntervalSeconds?: number;
}

/** The key set could not be fetched or is not a JWKS. */
export class JwksUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JwksUnavailableError';
  }
}

/**
 * The identity provider's signing keys, fetched once and cached. When a token names a key the
 * cache does not hold (the IdP rotated or restarted), the set is fetched again — once.
 */
export class JwksCache {
  readonly #jwksUri: string;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #minRefetchIntervalSeconds: number;
  #keys: PublicJwk[] | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<PublicJwk[]> | undefined;

  constructor(jwksUri: string, options: JwksCacheOptions = {}) {
    this.#jwksUri = jwksUri;
    this.#fetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
    this.#now = options.now ?? (() => Date.now() / 1000);
    this.#minRefetchIntervalSeconds = options.minRefetchIntervalSeconds ?? 10;
  }

  /**
   * The key that can verify a signature by `kid` with `alg`, or `undefined` when the IdP has none.
   *
   * @throws JwksUnavailableError when the key set cannot be fetched
   */
  async find(kid: string | undefined, alg: string): Promise<PublicJwk | undefined> {
    const match = (keys: PublicJwk[]) =>
      keys.find((key) => (kid === undefined || key.kid === kid) && isKeyUsableFor(key, alg));
    if (this.#keys) {
      const cached = match(this.#keys);
      if (cached) return cached;
      if (this.#now() - this.#fetchedAt < this.#minRefetchIntervalSeconds) return undefined;
    }
    return match(await this.#load());
  }

  #load(): Promise<PublicJwk[]> {
    // Concurrent requests with a new kid share one fetch.
    this.#pending ??= this.#fetchKeys().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #fetchKeys(): Promise<PublicJwk[]> {
    let body: unknown;
    try {
      const response = await this.#fetch(this.#jwksUri, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (cause) {
      throw new JwksUnavailableError(`cannot fetch the signing keys from ${this.#jwksUri}`, {
        cause,
      });
    }
    const keys = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) {
      throw new JwksUnavailableError(`${this.#jwksUri} did not answer with a key set`);
    }
    this.#keys = keys.filter(
      (key): key is PublicJwk =>
        typeof key === 'object' && key !== null && typeof (key as PublicJwk).kty === 'string',
    );
    this.#fetchedAt = this.#now();
    return this.#keys;
  }
}
