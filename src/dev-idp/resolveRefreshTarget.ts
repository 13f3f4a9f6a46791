import type { Grant, RefreshToken, ResourceServerInfo } from 'oidc-provider';

import type { SeedUser } from './DevIdpSeed.js';
import type { OidcErrors } from './loadOidcProvider.js';
import { LogtoScope, ReservedResource, organizationUrn } from './logtoConstants.js';
import { apiServerInfo, organizationServerInfo, type ResourceTtls } from './resourceServerInfo.js';
import type { UserDirectory } from './UserDirectory.js';

/** What access token a refresh request asks for, once it has been checked. */
export type RefreshTarget =
  /** The opaque token for userinfo (no `resource`, no `organization_id`). */
  | { kind: 'userinfo' }
  /** A JWT for an API resource or an organization. */
  | {
      kind: 'jwt';
      /** The resource server's identifier (the indicator, or the organization URN). */
      indicator: string;
      server: ResourceServerInfo;
      /** Set for organization-scoped API tokens; becomes the `organization_id` claim. */
      organizationId?: string;
    };

/** Inputs of `resolveRefreshTarget`. */
export interface RefreshTargetRequest {
  directory: UserDirectory;
  errors: OidcErrors;
  ttls: ResourceTtls;
  user: SeedUser;
  refreshToken: RefreshToken;
  grant: Grant;
  /** Scopes of this request: the `scope` parameter, or all scopes of the refresh token. */
  requestedScopes: ReadonlySet<string>;
  resource: string | undefined;
  organizationId: string | undefined;
}

function forbidden<T extends Error & { status: number; statusCode: number }>(error: T): T {
  error.status = 403;
  error.statusCode = 403;
  return error;
}

/**
 * Decides which token a refresh request gets, the way Logto does, and throws the OAuth error
 * for a request it must refuse. It runs before the refresh token is rotated, so a refused
 * request (unknown resource, non-member organization...) never consumes the refresh token.
 *
 * - no resource, no organization → opaque userinfo token
 * - `resource` → JWT with `aud` = indicator, scope = user's role scopes ∩ granted ∩ requested
 * - `organization_id` → JWT with `aud = urn:logto:organization:<id>`, scope = the member's
 *   organization-role scopes ∩ scopes granted through `urn:logto:resource:organizations`
 * - both → API JWT with an `organization_id` claim and the organization roles' resource scopes
 *
 * @throws `invalid_target` (400) for an unknown or not-granted resource,
 *   `insufficient_scope` (403) without `urn:logto:scope:organizations` in the grant,
 *   `access_denied` (403) for an organization the user is not a member of
 */
export function resolveRefreshTarget(request: RefreshTargetRequest): RefreshTarget {
  const { directory, errors, ttls, user, refreshToken, grant, requestedScopes } = request;
  const { resource, organizationId } = request;

  const checkResource = (indicator: string) => {
    const seeded = directory.resource(indicator);
    if (!seeded || !refreshToken.resourceIndicators.has(indicator)) {
      throw new errors.InvalidTarget('resource indicator is missing, unknown or not granted');
    }
    return seeded;
  };
  const grantedFor = (indicator: string) =>
    new Set(grant.getResourceScopeFiltered(indicator, [...requestedScopes]).split(' '));
  const intersect = (left: ReadonlySet<string>, right: ReadonlySet<string>) =>
    [...left].filter((scope) => right.has(scope));

  if (organizationId === undefined) {
    if (resource === undefined) return { kind: 'userinfo' };
    if (resource === ReservedResource.Organization) {
      throw new errors.InvalidTarget('use organization_id to get an organization token');
    }
    const seeded = checkResource(resource);
    const scopes = intersect(directory.resourceScopesOf(user, resource), grantedFor(resource));
    return { kind: 'jwt', indicator: resource, server: apiServerInfo(seeded, scopes, ttls) };
  }

  if (!refreshToken.scopes.has(LogtoScope.Organizations)) {
    throw forbidden(
      new errors.InsufficientScope(
        `the grant lacks the ${LogtoScope.Organizations} scope`,
        LogtoScope.Organizations,
      ),
    );
  }
  const membership = directory.membershipIn(user, organizationId);
  if (!membership) {
    throw forbidden(new errors.AccessDenied('user is not a member of the organization'));
  }

  if (resource === undefined) {
    const scopes = intersect(
      directory.organizationScopesOf(membership),
      grantedFor(ReservedResource.Organization),
    );
    return {
      kind: 'jwt',
      indicator: organizationUrn(organizationId),
      server: organizationServerInfo(organizationId, scopes, ttls),
    };
  }

  const seeded = checkResource(resource);
  const scopes = intersect(
    directory.organizationResourceScopesOf(membership, resource),
    grantedFor(resource),
  );
  return {
    kind: 'jwt',
    indicator: resource,
    server: apiServerInfo(seeded, scopes, ttls),
    organizationId,
  };
}
