import type { Grant, KoaContext, Provider, ResourceServerInfo } from 'oidc-provider';

/** The parts of oidc-provider's authorization context this hook reads (see lib/helpers/oidc_context.js). */
interface AuthorizationContext {
  provider: Provider;
  client: { clientId: string };
  session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
  result?: { consent?: { grantId?: string } };
  requestParamOIDCScopes: Set<string>;
  requestParamClaims: Set<string>;
  resourceServers: Record<string, ResourceServerInfo>;
}

/**
 * oidc-provider's `loadExistingGrant`, the way Logto answers for a first-party app: a signed-in
 * user never sees a consent screen, so whatever the app asks for (scopes, claims, resources) is
 * granted on the spot. Without this, `prompt=none` from a fresh grant (another app, new scopes)
 * would answer `consent_required` where Logto answers with a code. `offline_access` is left out:
 * like Logto, a refresh token needs an explicit `prompt=consent`, which goes through the
 * interaction's automatic consent instead.
 */
export function createLoadExistingGrant(
  appId: string,
): (ctx: KoaContext) => Promise<Grant | undefined> {
  return async (ctx) => {
    const oidc = ctx.oidc as unknown as AuthorizationContext;
    const { clientId } = oidc.client;
    const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
    const existing = grantId === undefined ? undefined : await oidc.provider.Grant.find(grantId);
    const { accountId } = oidc.session;
    if (clientId !== appId || accountId === undefined) return existing;
    const grant = existing ?? new oidc.provider.Grant({ accountId, clientId });
    const scopes = [...oidc.requestParamOIDCScopes].filter((scope) => scope !== 'offline_access');
    grant.addOIDCScope(scopes.join(' '));
    grant.addOIDCClaims([...oidc.requestParamClaims]);
    for (const [indicator, server] of Object.entries(oidc.resourceServers)) {
      grant.addResourceScope(indicator, server.scope);
    }
    await grant.save();
    return grant;
  };
}
