import type { KoaContext, ResourceServerInfo } from 'oidc-provider';

import type { SeedResource } from './DevIdpSeed.js';
import { ReservedResource, organizationUrn } from './logtoConstants.js';
import type { OidcErrors } from './loadOidcProvider.js';
import type { UserDirectory } from './UserDirectory.js';

/** Lifetimes (seconds) the resource servers need. */
export interface ResourceTtls {
  accessToken: number;
  organizationToken: number;
}

// Logto signs every JWT access token with the tenant's signing key, like ID tokens.
const jwtFormat = { accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES384' } } } as const;

/** Resource-server settings for an API resource token with the given scopes. */
export function apiServerInfo(
  resource: SeedResource,
  scopes: Iterable<string>,
  ttls: ResourceTtls,
): ResourceServerInfo {
  return {
    ...jwtFormat,
    scope: [...scopes].join(' '),
    audience: resource.indicator,
    accessTokenTTL: resource.accessTokenTtl ?? ttls.accessToken,
  };
}

/** Resource-server settings for an organization token (`aud = urn:logto:organization:<id>`). */
export function organizationServerInfo(
  organizationId: string,
  scopes: Iterable<string>,
  ttls: ResourceTtls,
): ResourceServerInfo {
  return {
    ...jwtFormat,
    scope: [...scopes].join(' '),
    audience: organizationUrn(organizationId),
    accessTokenTTL: ttls.organizationToken,
  };
}

/**
 * oidc-provider's `features.resourceIndicators.getResourceServerInfo`.
 *
 * During authorization there is no account yet, so a resource offers all its scopes and the
 * grant records whatever was requested; at the token endpoint the signed-in user is known and
 * the scopes shrink to what the user's roles grant — Logto's "role scopes ∩ requested".
 * The reserved organizations resource only carries organization scopes into the grant;
 * organization tokens themselves come from the refresh grant with `organization_id`.
 */
export function createGetResourceServerInfo(
  directory: UserDirectory,
  ttls: ResourceTtls,
  errors: OidcErrors,
) {
  return (ctx: KoaContext, indicator: string): ResourceServerInfo => {
    if (indicator === ReservedResource.Organization) {
      if (ctx.oidc?.route === 'token') {
        throw new errors.InvalidTarget('use organization_id to get an organization token');
      }
      return { scope: directory.allOrganizationScopes().join(' ') };
    }
    const resource = directory.resource(indicator);
    if (!resource) throw new errors.InvalidTarget(`unknown resource indicator ${indicator}`);
    const account = ctx.oidc?.entities.Account as { accountId: string } | undefined;
    const user = account ? directory.findById(account.accountId) : undefined;
    const scopes = user ? directory.resourceScopesOf(user, indicator) : resource.scopes;
    return apiServerInfo(resource, scopes, ttls);
  };
}
