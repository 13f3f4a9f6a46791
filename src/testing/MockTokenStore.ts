import { validateTokenTarget, type ResolvedConfig } from '../core/config/LogtoConfig.js';
import {
  LogtoTokenEndpointError,
  ReservedScope,
  UserScope,
  buildOrganizationUrn,
  type IdTokenClaims,
} from '../core/index.js';
import { tokenKey } from '../core/session/tokenKey.js';
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
  readonly #restrictResources: boolean;
  readonly #organizations: readonly string[] | undefined;
  #serial = 0;

  constructor(deps: {
    config: ResolvedConfig;
    configured: MockAccessTokens | undefined;
    now: () => number;
    lifetimeSeconds: number;
    /** Refuse resources missing from `config.resources`, like the client. */
    restrictResources: boolean;
    /** The user's organizations when the claims do not list them; `undefined`: any. */
    organizations: readonly string[] | undefined;
  }) {
    this.#config = deps.config;
    this.#configured = deps.configured;
    this.#now = deps.now;
    this.#lifetimeSeconds = deps.lifetimeSeconds;
    this.#restrictResources = deps.restrictResources;
    this.#organizations = deps.organizations;
  }

  /** Like the client: an unconfigured resource is a config error, thrown before anything else. */
  validate(resource: string | undefined, organizationId: string | undefined): void {
    validateTokenTarget(
      this.#restrictResources ? this.#config.resources : undefined,
      resource,
      organizationId,
    );
  }

  /** The token for the signed-in user; an organization they are not in is refused like Logto. */
  issue(
    resource: string | undefined,
    organizationId: string | undefined,
    claims: IdTokenClaims,
  ): string {
    const memberOf = claims.organizations ?? this.#organizations;
    if (organizationId !== undefined && memberOf && !memberOf.includes(organizationId))
      throw new LogtoTokenEndpointError({
        status: 403,
        error: 'access_denied',
        errorDescription: 'user is not a member of the organization',
        logtoCode: 'oidc.access_denied',
        endpoint: 'token',
      });
    return this.get(resource, organizationId, claims.sub);
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

  /** Whether a token for (resource, organization) is held. */
  has(resource: string | undefined, organizationId: string | undefined): boolean {
    return this.#tokens.has(tokenKey(resource, organizationId));
  }

  /** Replaces one token; `undefined`: with the configured one, or a newly built one. */
  replace(
    resource: string | undefined,
    organizationId: string | undefined,
    token: MockAccessToken | undefined,
    subject: string,
  ): void {
    const key = tokenKey(resource, organizationId);
    this.#tokens.delete(key);
    if (token === undefined) this.get(resource, organizationId, subject);
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
