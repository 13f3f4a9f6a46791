import { randomBytes } from 'node:crypto';

import type * as OidcProviderModule from 'oidc-provider';
import type { KoaContext, Provider, RefreshToken } from 'oidc-provider';

import { claimsByScope, createFindAccount } from './accountClaims.js';
import { createCorsMiddleware } from './createCorsMiddleware.js';
import { createLogoutSource } from './createLogoutSource.js';
import type { CorsPolicy } from './CorsPolicy.js';
import type { MemoryAdapter } from './createMemoryAdapter.js';
import { createRefreshTokenGrant, refreshTokenGrantParameters } from './createRefreshTokenGrant.js';
import { createSigningKey } from './createSigningKey.js';
import { createErrorPage } from './errorPage.js';
import type { DevIdpSeed } from './DevIdpSeed.js';
import { LogtoScope } from './logtoConstants.js';
import { reshapeErrorBodies } from './logtoErrorBody.js';
import { messagePage } from './pages.js';
import type { RequestLog } from './RequestLog.js';
import type { ResolvedTtl } from './resolveTtl.js';
import { createGetResourceServerInfo } from './resourceServerInfo.js';
import type { UserDirectory } from './UserDirectory.js';

/** Everything `createProvider` assembles the provider from. */
export interface ProviderSetup {
  oidc: typeof OidcProviderModule;
  issuer: string;
  /** Where grants, tokens and sessions live; the IdP keeps it to expire tokens on request. */
  storage: MemoryAdapter;
  /** The app's origins, which alone may read the IdP's answers from a browser. */
  cors: CorsPolicy;
  seed: DevIdpSeed;
  directory: UserDirectory;
  ttl: ResolvedTtl;
  reuseGraceSeconds: number;
  requestLog: RequestLog;
  logError: (message: string) => void;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Configures oidc-provider the way Logto does for one public SPA client: PKCE-only
 * authorization code flow, ES384 keys, resource indicators, scope claims in ID tokens,
 * Logto's refresh grant with `organization_id`, Logto-shaped error bodies and app-only CORS.
 * Every configuration hook whose default would print a notice is set explicitly.
 */
export function createProvider(setup: ProviderSetup): Provider {
  const { oidc, seed, directory, ttl, requestLog } = setup;
  const { errors } = oidc;
  const findAccount = createFindAccount(directory);
  const extraClaims = new WeakMap<object, Record<string, unknown>>();
  const resourceTtls = { accessToken: ttl.accessToken, organizationToken: ttl.organizationToken };

  const provider = new oidc.Provider(setup.issuer, {
    adapter: setup.storage.adapter,
    clients: [
      {
        client_id: seed.app.appId,
        client_name: seed.app.name,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: seed.app.redirectUris,
        post_logout_redirect_uris: seed.app.postSignOutRedirectUris,
        id_token_signed_response_alg: 'ES384',
      },
    ],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      id_token_signed_response_alg: 'ES384',
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    },
    allowOmittingSingleRegisteredRedirectUri: false,
    clientBasedCORS: (_ctx: unknown, origin: string) => setup.cors.allows(origin),
    claims: claimsByScope,
    scopes: [LogtoScope.OpenId, LogtoScope.OfflineAccess, ...Object.keys(claimsByScope)],
    conformIdTokenClaims: false,
    cookies: {
      // Fresh keys per start: sessions do not survive a restart, just as the in-memory grants.
      keys: [randomBytes(32).toString('base64url')],
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    enabledJWA: { idTokenSigningAlgValues: ['ES384'] },
    extraParams: ['first_screen', 'interaction_mode', 'direct_sign_in', 'identifier'],
    extraTokenClaims: (_ctx: unknown, token: object) => extraClaims.get(token),
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) =>
          token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: createLogoutSource(seed.app),
        postLogoutSuccessSource: (ctx: KoaContext) => {
          ctx.type = 'html';
          ctx.body = messagePage('Signed out', 'You have been signed out.');
        },
      },
      resourceIndicators: {
        enabled: true,
        // No resource → the opaque userinfo token, as Logto answers a plain code exchange.
        defaultResource: (_ctx: unknown, _client: unknown, oneOf?: string[]) => oneOf,
        useGrantedResource: () => false,
        getResourceServerInfo: createGetResourceServerInfo(directory, resourceTtls, errors),
      },
    },
    findAccount,
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    jwks: { keys: [createSigningKey()] },
    // loadExistingGrant stays oidc-provider's, as in Logto: prompt=none answers with a code only
    // for what the session's grant already holds, and consent_required for anything new or
    // after the grant was revoked. Interactive requests get their consent on the consent step.
    pkce: { required: () => true },
    renderError: createErrorPage(seed.app),
    responseTypes: ['code'],
    ttl: {
      AccessToken: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) =>
        token.resourceServer?.accessTokenTTL ?? ttl.accessToken,
      AuthorizationCode: 60,
      IdToken: ttl.idToken,
      // Fixed at sign-in, as in Logto (and oidc-provider's default for public SPA clients): a
      // rotated refresh token keeps what was left of the one it replaces, so refreshing never
      // stretches a session beyond its first lifetime.
      RefreshToken: (ctx: KoaContext | undefined) => {
        const rotated = ctx?.oidc?.entities.RotatedRefreshToken as RefreshToken | undefined;
        // At least a second: the clock may tick past `exp` between the expiry check and here.
        return rotated === undefined ? ttl.refreshToken : Math.max(1, rotated.remainingTTL);
      },
      Interaction: 3600,
      Session: ttl.session,
      Grant: ttl.grant,
    },
  });

  provider.on('server_error', (_ctx: unknown, error: Error) => {
    setup.logError(`server error: ${error.message}`);
  });

  provider.use(createCorsMiddleware(setup.cors));
  provider.use(reshapeErrorBodies);
  provider.use(async (ctx, next) => {
    try {
      await next();
    } finally {
      // Only the names of what was asked are kept; token values never reach the log.
      const body = ctx.oidc?.route === 'token' ? ctx.oidc.body : undefined;
      if (body) {
        const grantType = single(body.grant_type);
        const resource = single(body.resource);
        const organizationId = single(body.organization_id);
        requestLog.annotate(ctx.req, {
          ...(grantType === undefined ? {} : { grantType }),
          ...(resource === undefined ? {} : { resource }),
          ...(organizationId === undefined ? {} : { organizationId }),
        });
      }
    }
  });

  provider.registerGrantType(
    'refresh_token',
    createRefreshTokenGrant({
      provider,
      errors,
      directory,
      findAccount,
      ttls: resourceTtls,
      reuseGraceSeconds: setup.reuseGraceSeconds,
      extraClaims,
    }),
    refreshTokenGrantParameters,
  );

  return provider;
}
