import type { ResolvedConfig } from '../core/LogtoConfig.js';
import { ReservedScope, UserScope, buildOrganizationUrn } from '../core/index.js';
import { tokenKey } from '../core/tokenKey.js';
import { createUnsignedJwt } from './createUnsignedJwt.js';
import type { MockAccessToken, MockAccessTokens } from './MockLogtoClient.js';

/** Scopes that name user claims rather than API permissions: never in an access token's `scope`. */
const userScopes = new Set<string>([...Object.values(UserScope), ...Object.values(ReservedScope)]);

/**
 * The mock client's access tokens per (resource, organization), like the real token cache: a
 * token stays the same string until it is replaced or cleared, so components that depend on it
 * do not re-render in a loop.
 */
export class MockTokenStore {
  readonly #tokens = new Map<string, string>();
  readonly #config: ResolvedConfig;
  readonly #configured: MockAccessTokens | undefined;
  readonly #now: () => number;
  readonly #lifetimeSeconds: number;
  #serial = 0;

  constructor(deps: {
    config: ResolvedConfig;
    configured: MockAccessTokens | undefined;
    now: () => number;
    lifetimeSeconds: number;
  }) {
    this.#config = deps.config;
    this.#configured = deps.configured;
    this.#now = deps.now;
    this.#lifetimeSeconds = deps.lifetimeSeconds;
  }

  /** The token for (resource, organization): the cached one, the configured one, or a new one. */
  get(resource: string | undefined, organizationId: string | undefined, subject: string): string {
    const key = tokenKey(resource, organizationId);
    let token = this.#tokens.get(key);
    if (token === undefined) {
      token = this.#build(
        this.#lookUp(resource, organizationId),
        resource,
        organizationId,
        subject,
      );
      this.#tokens.set(key, token);
    }
    return token;
  }

  /** Replaces one token; `undefined` builds a new one on the next read. */
  replace(
    resource: string | undefined,
    organizationId: string | undefined,
    token: MockAccessToken | undefined,
    subject: string,
  ): void {
    const key = tokenKey(resource, organizationId);
    if (token === undefined) this.#tokens.delete(key);
    else this.#tokens.set(key, this.#build(token, resource, organizationId, subject));
  }

  /** Forgets every token (sign-out, `clearAccessToken`). */
  clear(): void {
    this.#tokens.clear();
  }

  #lookUp(
    resource: string | undefined,
    organizationId: string | undefined,
  ): MockAccessToken | undefined {
    const configured = this.#configured;
    if (typeof configured === 'function') return configured(resource, organizationId);
    if (!configured) return undefined;
    if (organizationId === undefined)
      return resource === undefined ? undefined : configured[resource];
    return resource === undefined ? configured[buildOrganizationUrn(organizationId)] : undefined;
  }

  #build(
    token: MockAccessToken | undefined,
    resource: string | undefined,
    organizationId: string | undefined,
    subject: string,
  ): string {
    if (typeof token === 'string') return token;
    const serial = ++this.#serial;
    // Without a resource or an organization, Logto issues the opaque token for userinfo.
    if (token === undefined && resource === undefined && organizationId === undefined)
      return `mock-opaque-access-token-${serial}`;
    const iat = Math.floor(this.#now());
    return createUnsignedJwt(
      {
        iss: this.#config.issuer,
        sub: subject,
        aud: resource ?? buildOrganizationUrn(organizationId ?? ''),
        client_id: this.#config.appId,
        scope: this.#config.scopes.filter((scope) => !userScopes.has(scope)).join(' '),
        iat,
        exp: iat + this.#lifetimeSeconds,
        jti: `mock-${serial}`,
        ...(resource !== undefined && organizationId !== undefined
          ? { organization_id: organizationId }
          : {}),
        ...token,
      },
      { typ: 'at+jwt' },
    );
  }
}
