import type {
  Account,
  Grant,
  KoaContext,
  OIDCContext,
  Provider,
  RefreshToken,
} from 'oidc-provider';

import type { OidcErrors } from './loadOidcProvider.js';
import { resolveRefreshTarget, type RefreshTarget } from './resolveRefreshTarget.js';
import type { ResourceTtls } from './resourceServerInfo.js';
import type { UserDirectory } from './UserDirectory.js';

/** Parameters the refresh grant accepts; `organization_id` is Logto's addition. */
export const refreshTokenGrantParameters = [
  'refresh_token',
  'scope',
  'resource',
  'organization_id',
] as const;

/** What the refresh grant needs from the rest of the IdP. */
export interface RefreshTokenGrantDeps {
  provider: Provider;
  errors: OidcErrors;
  directory: UserDirectory;
  findAccount: (ctx: unknown, sub: string) => Account | undefined;
  ttls: ResourceTtls;
  /** A just-used refresh token is accepted again for this long (each reuse restarts it). */
  reuseGraceSeconds: number;
  /** Extra access-token claims, read by the `extraTokenClaims` configuration hook. */
  extraClaims: WeakMap<object, Record<string, unknown>>;
}

type TokenContext = KoaContext & { oidc: OIDCContext };

/**
 * Creates the `refresh_token` grant handler that replaces oidc-provider's own (registered with
 * `provider.registerGrantType`). It behaves like Logto's:
 *
 * - the refresh token rotates on every use;
 * - presenting a used one after the grace window revokes the whole grant, so the newest refresh
 *   token dies too; within the window the reuse is accepted and restarts the window;
 * - `resource` and `organization_id` select an API, organization or userinfo token, and a
 *   refused request is refused before rotation, leaving the refresh token usable;
 * - every response carries a new ID token when `openid` was granted.
 *
 * Requests presenting the same refresh token are handled one after the other, so two
 * concurrent uses are seen as a reuse instead of both winning a race.
 */
export function createRefreshTokenGrant(deps: RefreshTokenGrantDeps) {
  const { provider, errors, directory, reuseGraceSeconds } = deps;
  const graceMs = reuseGraceSeconds * 1000;
  /** jti → when the token was last accepted after its first use (epoch ms). */
  const usedAt = new Map<string, number>();
  const tails = new Map<string, Promise<unknown>>();

  const serialized = async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };

  const forgetOldUses = (now: number) => {
    for (const [jti, time] of usedAt) if (now - time > graceMs) usedAt.delete(jti);
  };

  const revokeGrant = async (grant: Grant) => {
    await Promise.all([
      provider.AccessToken.revokeByGrantId(grant.jti),
      provider.RefreshToken.revokeByGrantId(grant.jti),
      provider.AuthorizationCode.revokeByGrantId(grant.jti),
      grant.destroy(),
    ]);
  };

  const load = async (ctx: TokenContext, value: string) => {
    const { client } = ctx.oidc;
    const refreshToken = await provider.RefreshToken.find(value, { ignoreExpiration: true });
    if (!refreshToken) throw new errors.InvalidGrant('refresh token not found');
    if (refreshToken.clientId !== client?.clientId)
      throw new errors.InvalidGrant('client mismatch');
    if (refreshToken.isExpired) throw new errors.InvalidGrant('refresh token is expired');
    const grant = await provider.Grant.find(refreshToken.grantId, { ignoreExpiration: true });
    if (
      !grant ||
      grant.isExpired ||
      grant.clientId !== refreshToken.clientId ||
      grant.accountId !== refreshToken.accountId
    ) {
      throw new errors.InvalidGrant('grant not found or expired');
    }
    const user = directory.findById(refreshToken.accountId);
    const account = deps.findAccount(ctx, refreshToken.accountId);
    if (!user || !account) throw new errors.InvalidGrant('account not found');
    return { refreshToken, grant, user, account };
  };

  const requestedScopes = (ctx: TokenContext, refreshToken: RefreshToken): Set<string> => {
    const scope = single(ctx.oidc.params.scope);
    if (scope === undefined) return refreshToken.scopes;
    const requested = new Set(scope.split(' ').filter(Boolean));
    const missing = [...requested].filter((s) => !refreshToken.scopes.has(s));
    if (missing.length > 0) {
      throw new errors.InvalidScope('refresh token missing requested scope', missing.join(' '));
    }
    return requested;
  };

  const handle = async (ctx: TokenContext, value: string) => {
    const { refreshToken, grant, user, account } = await load(ctx, value);
    const scopes = requestedScopes(ctx, refreshToken);
    ctx.oidc.entity('RefreshToken', refreshToken);
    ctx.oidc.entity('Grant', grant);
    ctx.oidc.entity('Account', account);

    const now = Date.now();
    forgetOldUses(now);
    let acceptedReuse = false;
    if (refreshToken.consumed) {
      const lastUse = usedAt.get(refreshToken.jti);
      if (lastUse === undefined || now - lastUse > graceMs) {
        await revokeGrant(grant);
        throw new errors.InvalidGrant('refresh token already used');
      }
      acceptedReuse = true;
    }

    const target = resolveRefreshTarget({
      directory,
      errors,
      ttls: deps.ttls,
      user,
      refreshToken,
      grant,
      requestedScopes: scopes,
      resource: single(ctx.oidc.params.resource),
      organizationId: single(ctx.oidc.params.organization_id),
    });

    if (!acceptedReuse) await refreshToken.consume();
    if (graceMs > 0) usedAt.set(refreshToken.jti, now);
    ctx.oidc.entity('RotatedRefreshToken', refreshToken);
    const rotated = rotate(ctx, refreshToken);
    ctx.oidc.entity('RefreshToken', rotated);
    const refreshTokenValue = await rotated.save();

    const accessToken = issueAccessToken(ctx, rotated, grant, scopes, target);
    ctx.oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();
    const idToken = scopes.has('openid')
      ? await issueIdToken(ctx, rotated, grant, account, scopes)
      : undefined;

    ctx.body = {
      access_token: accessTokenValue,
      expires_in: accessToken.expiration,
      ...(idToken === undefined ? {} : { id_token: idToken }),
      refresh_token: refreshTokenValue,
      scope: accessToken.scope ?? '',
      token_type: accessToken.tokenType,
    };
  };

  const rotate = (ctx: TokenContext, used: RefreshToken): RefreshToken => {
    const { client } = ctx.oidc;
    if (!client) throw new errors.InvalidRequest('client is required');
    return new provider.RefreshToken({
      accountId: used.accountId,
      acr: used.acr,
      amr: used.amr,
      authTime: used.authTime,
      claims: used.claims,
      client,
      expiresWithSession: used.expiresWithSession,
      iiat: used.iiat,
      grantId: used.grantId,
      gty: used.gty?.endsWith('refresh_token')
        ? used.gty
        : `${used.gty ?? ''} refresh_token`.trim(),
      nonce: used.nonce,
      resource: used.resource,
      rotations: (used.rotations ?? 0) + 1,
      scope: used.scope,
      sessionUid: used.sessionUid,
      sid: used.sid,
    });
  };

  const issueAccessToken = (
    ctx: TokenContext,
    refreshToken: RefreshToken,
    grant: Grant,
    scopes: ReadonlySet<string>,
    target: RefreshTarget,
  ) => {
    const { client } = ctx.oidc;
    if (!client) throw new errors.InvalidRequest('client is required');
    const token = new provider.AccessToken({
      accountId: refreshToken.accountId,
      client,
      expiresWithSession: refreshToken.expiresWithSession,
      grantId: refreshToken.grantId,
      gty: refreshToken.gty,
      sessionUid: refreshToken.sessionUid,
      sid: refreshToken.sid,
    });
    if (target.kind === 'userinfo') {
      token.claims = refreshToken.claims;
      token.scope = grant.getOIDCScopeFiltered([...scopes]);
      return token;
    }
    token.resourceServer = new provider.ResourceServer(target.indicator, target.server);
    token.scope = target.server.scope;
    if (target.organizationId !== undefined) {
      deps.extraClaims.set(token, { organization_id: target.organizationId });
    }
    return token;
  };

  const issueIdToken = async (
    ctx: TokenContext,
    refreshToken: RefreshToken,
    grant: Grant,
    account: Account,
    scopes: ReadonlySet<string>,
  ) => {
    const scope = grant.getOIDCScopeFiltered([...scopes]);
    const claims = await account.claims('id_token', scope, {}, []);
    const token = new provider.IdToken(
      {
        ...claims,
        sub: account.accountId,
        acr: refreshToken.acr,
        amr: refreshToken.amr,
        auth_time: refreshToken.authTime,
      },
      { ctx },
    );
    // Logto puts every granted scope's claims in the ID token (conformIdTokenClaims: false).
    token.scope = scope;
    token.mask = {};
    token.rejected = [];
    token.set('nonce', refreshToken.nonce);
    token.set('sid', refreshToken.sid);
    return token.issue({ use: 'idtoken' });
  };

  return async function refreshTokenGrant(ctx: TokenContext): Promise<void> {
    const value = single(ctx.oidc.params.refresh_token);
    if (value === undefined || value === '') {
      throw new errors.InvalidRequest("missing required parameter 'refresh_token'");
    }
    await serialized(value, () => handle(ctx, value));
  };
}

/** oidc-provider gives a parameter as a string, or an array when repeated. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
