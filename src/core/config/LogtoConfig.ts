import { LogtoConfigError } from '../errors/LogtoConfigError.js';
import { ReservedResource, ReservedScope, UserScope, type Prompt } from './constants.js';
import type { LogtoLogger } from './logger.js';
import type { LogtoStorage } from '../storage/LogtoStorage.js';

/** What an app passes to `new LogtoClient()`. Only `endpoint` and `appId` are required. */
export interface LogtoConfig {
  /** Your Logto tenant URL, e.g. `https://your-tenant.logto.app`. */
  endpoint: string;
  /** The SPA application's ID from Logto Console. */
  appId: string;
  /** Extra scopes; `openid`, `profile` and `offline_access` are always added. */
  scopes?: readonly string[];
  /** API resource indicators (RFC 8707) to request tokens for. */
  resources?: readonly string[];
  /** Default `consent`: Logto issues refresh tokens only with consent. */
  prompt?: Prompt | readonly Prompt[];
  /** Set `false` to send exactly `scopes` (no reserved scopes added). Default `true`. */
  includeReservedScopes?: boolean;
  /** Only for providers whose issuer is not `${endpoint}/oidc`. */
  issuer?: string;
}

/**
 * Injection points and tunables, every one optional: `ClientOptions` without the one that takes
 * the client itself (declared with `LogtoClient`).
 */
export interface ClientSettings {
  /** Where tokens live. Default: IndexedDB, or memory when IndexedDB is unavailable. */
  storage?: LogtoStorage;
  /** Used for every request to the identity provider. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Called to leave the page for sign-in and sign-out. Default: `location.assign`. */
  navigate?: (url: string) => void;
  /** The clock, in epoch **seconds**. Default: `Date.now() / 1000`. */
  now?: () => number;
  /** Allowed clock skew when checking `iat`/`exp` of ID tokens. Default 300 s, like Logto. */
  clockToleranceSeconds?: number;
  /** An access token this close to expiry counts as expired. Default 60 s. */
  refreshLeewaySeconds?: number;
  /**
   * How long the discovery document stays cached. Default 86 400 s (1 day). The JWKS is kept at
   * most 600 s, so that a key the provider withdrew is soon no longer trusted.
   */
  metadataTtlSeconds?: number;
  /** Give up waiting for another tab's refresh after this long. Default 30 s. */
  lockTimeoutSeconds?: number;
  /** Refresh watched tokens before they expire and when the tab becomes visible. Default `true`. */
  proactiveRefresh?: boolean;
  /**
   * Receives the debug log: discovery, locks, refreshes and their reasons, tab messages, callback
   * steps, errors. Never a token, code, verifier or refresh token. Default: none (no cost).
   */
  logger?: LogtoLogger;
  /** Shorthand for a `logger` that writes to `console.debug`. Default `false`. */
  debug?: boolean;
}

/** The configuration after defaults and validation. Immutable. */
export interface ResolvedConfig {
  readonly endpoint: string;
  readonly appId: string;
  readonly issuer: string;
  readonly scopes: readonly string[];
  readonly resources: readonly string[];
  readonly prompt: string;
  readonly clockToleranceSeconds: number;
  readonly refreshLeewaySeconds: number;
  readonly metadataTtlSeconds: number;
  readonly lockTimeoutSeconds: number;
  readonly proactiveRefresh: boolean;
}

export const defaultClockToleranceSeconds = 300;
export const defaultRefreshLeewaySeconds = 60;
export const defaultMetadataTtlSeconds = 86_400;
export const defaultLockTimeoutSeconds = 30;

/**
 * Applies defaults and validates. Throws {@link LogtoConfigError} naming the field.
 *
 * @throws LogtoConfigError
 */
export function resolveConfig(config: LogtoConfig, options: ClientSettings = {}): ResolvedConfig {
  const endpoint = baseUrl('endpoint', config.endpoint);
  if (typeof config.appId !== 'string' || config.appId.trim() === '') {
    throw new LogtoConfigError('appId', 'must be a non-empty string');
  }
  // The usual copy-paste slip: the issuer (or discovery URL) from Logto Console as the endpoint.
  const { origin, pathname } = new URL(endpoint);
  const oidcAt = pathname.search(/\/oidc(\/|$)/);
  if (config.issuer === undefined && oidcAt >= 0) {
    throw new LogtoConfigError(
      'endpoint',
      `is the issuer, not the tenant URL: use the tenant URL without /oidc (${origin}${pathname.slice(0, oidcAt)})`,
    );
  }
  const issuer =
    config.issuer === undefined ? `${endpoint}/oidc` : baseUrl('issuer', config.issuer);

  const resources = (config.resources ?? []).map((resource, index) =>
    validateResource(`resources[${index}]`, resource),
  );
  const extraScopes = config.scopes ?? [];
  extraScopes.forEach((scope, index) => {
    if (typeof scope !== 'string' || scope === '' || /\s/.test(scope)) {
      throw new LogtoConfigError(`scopes[${index}]`, 'must be a non-empty string without spaces');
    }
  });
  const includeReserved = config.includeReservedScopes ?? true;
  const scopes = includeReserved
    ? [ReservedScope.OpenId, ReservedScope.OfflineAccess, UserScope.Profile, ...extraScopes]
    : [...extraScopes];
  // Logto grants organization scopes only through its reserved organizations resource.
  if (scopes.includes(UserScope.Organizations)) resources.push(ReservedResource.Organization);

  const prompt = Array.isArray(config.prompt)
    ? config.prompt.join(' ')
    : ((config.prompt as string | undefined) ?? 'consent');

  const tunables = {
    clockToleranceSeconds: defaultClockToleranceSeconds,
    refreshLeewaySeconds: defaultRefreshLeewaySeconds,
    metadataTtlSeconds: defaultMetadataTtlSeconds,
    lockTimeoutSeconds: defaultLockTimeoutSeconds,
  };
  for (const name of Object.keys(tunables) as (keyof typeof tunables)[]) {
    tunables[name] = nonNegative(name, options[name] ?? tunables[name]);
  }
  return Object.freeze({
    endpoint,
    appId: config.appId,
    issuer,
    scopes: Object.freeze([...new Set(scopes)]),
    resources: Object.freeze([...new Set(resources)]),
    prompt,
    ...tunables,
    proactiveRefresh: options.proactiveRefresh ?? true,
  });
}

/**
 * A resource indicator must be an absolute URI without a fragment (RFC 8707 §2).
 *
 * @throws LogtoConfigError
 */
export function validateResource(field: string, resource: unknown): string {
  if (typeof resource !== 'string' || !URL.canParse(resource)) {
    throw new LogtoConfigError(field, `must be an absolute URI, got ${JSON.stringify(resource)}`);
  }
  if (resource.includes('#')) {
    throw new LogtoConfigError(field, 'must not contain a fragment (#)');
  }
  return resource;
}

/**
 * Checks the arguments of a token call before any I/O. Logto refreshes only for resources asked
 * for at sign-in, so an unconfigured resource fails here, with the fix, rather than with an
 * `invalid_target` from the server.
 *
 * @param resources the configured resources; `undefined` accepts any (the test kit's default)
 * @throws LogtoConfigError naming `resource`, `resources` or `organizationId`
 */
export function validateTokenTarget(
  resources: readonly string[] | undefined,
  resource: string | undefined,
  organizationId: string | undefined,
): void {
  if (
    resource !== undefined &&
    !(resources ?? [resource]).includes(validateResource('resource', resource))
  )
    throw new LogtoConfigError(
      'resources',
      `does not include ${resource}: add it (users then sign in again)`,
    );
  if (organizationId !== undefined && (typeof organizationId !== 'string' || organizationId === ''))
    throw new LogtoConfigError('organizationId', 'must be a non-empty string');
}

/** An absolute http(s) URL that others are built on (endpoint, issuer), without trailing slashes. */
function baseUrl(field: string, value: unknown): string {
  parseHttpUrl(field, value);
  return (value as string).replace(/\/+$/, '');
}

/**
 * Parses an absolute http(s) URL (an endpoint, a redirect URI, a callback URL).
 *
 * @throws LogtoConfigError naming `field`
 */
export function parseHttpUrl(field: string, value: unknown): URL {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new LogtoConfigError(
      field,
      `must be an absolute http(s) URL, got ${JSON.stringify(value)}`,
    );
  }
  return url;
}

function nonNegative(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new LogtoConfigError(field, 'must be a finite number >= 0');
  }
  return value;
}
