import { LogtoDiscoveryError } from '../errors/LogtoDiscoveryError.js';
import { LogtoNetworkError } from '../errors/LogtoNetworkError.js';
import { LogtoResponseError } from '../errors/LogtoResponseError.js';
import { isRecord, requestJson, type HttpContext } from './http.js';
import type { LogtoLogger } from '../config/logger.js';
import type { LogtoStorage } from '../storage/LogtoStorage.js';
import type { PublicJwk } from './verifyJwsSignature.js';

/** The parts of the OpenID discovery document the client uses. */
export interface DiscoveryDocument {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  revocation_endpoint: string;
}

interface CacheEntry<T> {
  issuer: string;
  fetchedAt: number;
  value: T;
}

const requiredEndpoints = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'end_session_endpoint',
  'revocation_endpoint',
] as const;

/**
 * How long the signing keys stay cached (seconds), unless `ttlSeconds` is shorter: a key the
 * provider withdrew (say, after a leak) stays trusted no longer than this. Keys are only needed to
 * verify the ID token of a sign-in or refresh, so a reload still makes no request.
 */
export const jwksTtlSeconds = 600;

/** What {@link ProviderMetadata} works with. */
interface ProviderMetadataDeps {
  issuer: string;
  storage: LogtoStorage;
  http: HttpContext;
  now: () => number;
  ttlSeconds: number;
  keyPrefix: string;
  log?: LogtoLogger | undefined;
}

/**
 * The identity provider's discovery document (cached in memory and in storage) and signing keys
 * (in storage), each with a TTL, the keys' at most {@link jwksTtlSeconds}, so that a reload with
 * valid tokens makes no request at all.
 */
export class ProviderMetadata {
  readonly #deps: ProviderMetadataDeps;
  #discovery: Promise<DiscoveryDocument> | undefined;

  constructor(deps: ProviderMetadataDeps) {
    this.#deps = deps;
  }

  /** The discovery document: from memory, else storage, else `/.well-known/openid-configuration`. */
  getDiscovery(): Promise<DiscoveryDocument> {
    this.#discovery ??= this.#load('discovery', this.#deps.ttlSeconds, () =>
      this.#fetchDiscovery(),
    ).then((entry) => entry.value);
    // A failed fetch must not be remembered: the next call tries again.
    this.#discovery.catch(() => (this.#discovery = undefined));
    return this.#discovery;
  }

  /**
   * The signing keys. With `refresh`, fetches them again, at most once per `minAgeSeconds`, for
   * the case of a token signed with a key we have not seen (key rotation).
   */
  async getKeys(refresh?: { minAgeSeconds: number }): Promise<PublicJwk[]> {
    // Read from storage each time, not kept in memory: keys are needed only at sign-in and
    // refresh, the TTL then holds in a tab that stays open for days, and a copy another tab
    // fetched is used.
    const fetcher = () => this.#fetchJwks();
    let entry = await this.#load('jwks', Math.min(this.#deps.ttlSeconds, jwksTtlSeconds), fetcher);
    if (refresh && this.#deps.now() - entry.fetchedAt >= refresh.minAgeSeconds) {
      entry = await this.#fetchAndStore('jwks', fetcher);
    }
    return entry.value;
  }

  async #load<T>(name: string, ttl: number, fetcher: () => Promise<T>): Promise<CacheEntry<T>> {
    // The cache is an optimisation: a storage failure means fetching, never failing.
    const raw = await this.#deps.storage.get(this.#deps.keyPrefix + name).catch(() => null);
    if (raw) {
      try {
        const entry = JSON.parse(raw) as CacheEntry<T>;
        const age = this.#deps.now() - entry.fetchedAt;
        if (entry.issuer === this.#deps.issuer && age >= 0 && age < ttl) {
          this.#deps.log?.('discovery', `${name} cached`);
          return entry;
        }
      } catch {
        // A corrupt cache entry is simply fetched again.
      }
    }
    return this.#fetchAndStore(name, fetcher);
  }

  async #fetchAndStore<T>(name: string, fetcher: () => Promise<T>): Promise<CacheEntry<T>> {
    const entry: CacheEntry<T> = {
      issuer: this.#deps.issuer,
      fetchedAt: this.#deps.now(),
      value: await fetcher(),
    };
    this.#deps.log?.('discovery', `${name} fetched`);
    await this.#deps.storage
      .set(this.#deps.keyPrefix + name, JSON.stringify(entry))
      .catch(() => undefined);
    return entry;
  }

  async #fetchDiscovery(): Promise<DiscoveryDocument> {
    const url = `${this.#deps.issuer}/.well-known/openid-configuration`;
    let body: Record<string, unknown>;
    try {
      body = await requestJson(this.#deps.http, 'discovery', url);
    } catch (error) {
      // Unreachable stays a network error (retry later); anything else is a wrong endpoint.
      if (error instanceof LogtoNetworkError) throw error;
      const { status } = error as { status?: number };
      throw new LogtoDiscoveryError(
        url,
        status,
        error instanceof LogtoResponseError ? 'not a JSON discovery document' : 'an error',
        error,
      );
    }
    if (body.issuer !== this.#deps.issuer) {
      throw new LogtoDiscoveryError(
        url,
        200,
        `its issuer is ${JSON.stringify(body.issuer)}, not the expected ${this.#deps.issuer} (endpoint + /oidc)`,
      );
    }
    for (const name of requiredEndpoints) {
      if (typeof body[name] !== 'string') {
        throw new LogtoDiscoveryError(url, 200, `the document lacks ${name}`);
      }
    }
    return body as unknown as DiscoveryDocument;
  }

  async #fetchJwks(): Promise<PublicJwk[]> {
    const { jwks_uri } = await this.getDiscovery();
    const body = await requestJson(this.#deps.http, 'jwks', jwks_uri);
    if (!Array.isArray(body.keys) || !body.keys.every(isRecord)) {
      throw new LogtoResponseError('JWKS response has no keys array');
    }
    return body.keys as unknown as PublicJwk[];
  }
}
