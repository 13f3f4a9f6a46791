import type { IncomingMessage, ServerResponse } from 'node:http';

import type { JWTPayload } from 'jose';

import { buildOrganizationUrn } from '../../src/core/config/constants.js';
import { demoApiRoutes, organizationApiScope } from '../shared/demoApiRoutes.js';
import { organizationMismatch, type RouteOrganization } from './organizationMismatch.js';
import {
  createAccessTokenVerifier,
  InvalidAccessTokenError,
  JwksUnavailableError,
} from './verifyWithJose.js';

/** The demo API's paths for the two API resources of the demo seed. */
export const demoApiPaths = {
  shopping: '/api/shopping/products',
  store: '/api/store/orders',
} as const;

/** Audiences of the demo seed's resources, by path. */
export const defaultAudienceByPath: Readonly<Record<string, string>> = Object.fromEntries(
  demoApiRoutes.map((route) => [route.path, route.defaultAudience]),
);

/** Options of {@link createDemoApiHandler}. */
export interface DemoApiOptions {
  /** The IdP's issuer, e.g. `http://127.0.0.1:3001/oidc`; its JWKS is `${issuer}/jwks`. */
  issuer: string;
  /** Which API resource each path belongs to. Default {@link defaultAudienceByPath}. */
  audienceByPath?: Readonly<Record<string, string>>;
  /** For the JWKS request. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** The clock in epoch seconds. Default: `Date.now() / 1000`. */
  now?: () => number;
  /** Allowed clock skew for `exp`/`nbf`/`iat`. Default 5 s. */
  clockToleranceSeconds?: number;
  /** A token naming an unknown key refetches the key set at most this often. Default 30 s. */
  jwksCooldownSeconds?: number;
  /**
   * Stands for the revocation check a real API may make (introspection, a deny-list of `jti`s):
   * a token for which it answers `true` is refused with 401 `invalid_token`. Default: none.
   */
  isRevoked?: (claims: JWTPayload) => boolean;
  /** Told about unexpected failures (never about refused tokens). Default: `console.error`. */
  onError?: (error: unknown) => void;
}

/** Handles the request when it is for the demo API and returns `true`; otherwise `false`. */
export type DemoApiHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

interface Route {
  name: string;
  audience: string;
  scope: string;
  /** Absent for a global route, which refuses any token carrying `organization_id`. */
  organization?: RouteOrganization;
  data: () => Record<string, unknown>;
}

const realm = 'logto-spa-demo';

const products = [
  { id: 'p-100', name: 'Espresso beans, 1 kg', price: 24.5 },
  { id: 'p-101', name: 'Pour-over kettle', price: 59 },
  { id: 'p-102', name: 'Ceramic mug', price: 12 },
];

const orders = [
  { id: 'o-2001', status: 'shipped', total: 36.5 },
  { id: 'o-2002', status: 'processing', total: 59 },
];

/**
 * The demo's protected API, as a resource server would be: every request needs a bearer token
 * whose signature verifies against the IdP's JWKS, issued by the IdP, for this API's audience,
 * not expired, and carrying the route's scope.
 *
 * - `GET /api/shopping/products` — audience shopping, scope `read:products`
 * - `GET /api/store/orders` — audience store, scope `read:orders`
 * - `GET /api/organizations/<id>/members` — organization token of `<id>`, scope `read:members`
 * - `GET /api/organizations/<id>/orders` — audience store with `organization_id` `<id>`, scope
 *   `read:orders` (a store token obtained for organization `<id>`)
 *
 * A token with an `organization_id` claim opens only that organization's routes: its scopes
 * come from organization roles and hold inside that organization only.
 *
 * Answers 401 (`WWW-Authenticate: Bearer error="invalid_token"`) for a missing or bad token, 403
 * (`organization_mismatch`) for a good token of another organization, or of one at all on a
 * global route, 403 (`insufficient_scope`) for a good token without the scope, JSON each time. Works as Vite
 * middleware and in a plain `node:http` server.
 *
 * @example
 * ```ts
 * const api = createDemoApiHandler({ issuer: 'http://127.0.0.1:3001/oidc' });
 * createServer((req, res) => { if (!api(req, res)) serveStatic(req, res); }).listen(5173);
 * ```
 */
export function createDemoApiHandler(options: DemoApiOptions): DemoApiHandler {
  const issuer = options.issuer.replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now() / 1000);
  const verify = createAccessTokenVerifier({
    issuer,
    now,
    clockToleranceSeconds: options.clockToleranceSeconds ?? 5,
    jwksCooldownSeconds: options.jwksCooldownSeconds ?? 30,
    fetch: options.fetch,
  });
  const audienceByPath = options.audienceByPath ?? defaultAudienceByPath;
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('[demo-api]', error instanceof Error ? error.message : error);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const route = findRoute(pathname, audienceByPath);
    if (!route) {
      sendJson(res, 404, { error: 'not_found', error_description: `No API at ${pathname}.` });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed', error_description: 'Use GET.' });
      return;
    }
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) {
      // RFC 6750 §3.1: a request without credentials gets no error code, only the challenge.
      res.setHeader('WWW-Authenticate', `Bearer realm="${realm}"`);
      sendJson(res, 401, {
        error: 'missing_token',
        error_description: 'Send the access token as "Authorization: Bearer <token>".',
      });
      return;
    }
    let claims: JWTPayload;
    try {
      claims = await verify(token, route.audience);
      if (options.isRevoked?.(claims)) throw new InvalidAccessTokenError('The token was revoked.');
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) {
        res.setHeader(
          'WWW-Authenticate',
          `Bearer realm="${realm}", error="invalid_token", error_description="${error.message}"`,
        );
        sendJson(res, 401, { error: 'invalid_token', error_description: error.message });
        return;
      }
      if (error instanceof JwksUnavailableError) {
        onError(error);
        sendJson(res, 503, { error: 'temporarily_unavailable', error_description: error.message });
        return;
      }
      throw error;
    }
    const mismatch = organizationMismatch(pathname, route.organization, claims);
    if (mismatch !== undefined) {
      sendJson(res, 403, { error: 'organization_mismatch', error_description: mismatch });
      return;
    }
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    if (!scopes.includes(route.scope)) {
      const description = `This API needs the scope ${route.scope}.`;
      res.setHeader(
        'WWW-Authenticate',
        `Bearer realm="${realm}", error="insufficient_scope", scope="${route.scope}", error_description="${description}"`,
      );
      sendJson(res, 403, {
        error: 'insufficient_scope',
        error_description: description,
        scope: route.scope,
        granted: scopes,
      });
      return;
    }
    sendJson(res, 200, {
      api: route.name,
      audience: route.audience,
      sub: claims.sub,
      scopes,
      ...route.data(),
    });
  };

  return (req, res) => {
    const pathname = URL.parse(req.url ?? '/', 'http://demo.invalid')?.pathname ?? '/';
    // Only /api/...: the bare /api is the demo's API page, which a reload must still reach.
    if (!pathname.startsWith('/api/')) return false;
    handle(req, res, pathname).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) {
        sendJson(res, 500, { error: 'server_error', error_description: 'Unexpected failure.' });
      } else {
        res.end();
      }
    });
    return true;
  };
}

function findRoute(
  pathname: string,
  audienceByPath: Readonly<Record<string, string>>,
): Route | undefined {
  const route = demoApiRoutes.find((candidate) => candidate.path === pathname);
  const audience = audienceByPath[pathname];
  if (route && audience !== undefined) {
    return {
      name: route.name,
      audience,
      scope: route.scope,
      data: () => (route.key === 'shopping' ? { products } : { orders }),
    };
  }
  const [, organizationId, resource] =
    /^\/api\/organizations\/([A-Za-z0-9_-]+)\/(members|orders)$/.exec(pathname) ?? [];
  if (organizationId === undefined) return undefined;
  if (resource === 'members') {
    return {
      name: 'Organization API',
      audience: buildOrganizationUrn(organizationId),
      scope: organizationApiScope,
      organization: { id: organizationId, boundBy: 'audience' },
      data: () => ({
        organizationId,
        message: `Your organization token lets you read the members of ${organizationId}.`,
      }),
    };
  }
  // The store API again, inside one organization: what an organization role's resource scopes
  // are for. The token's audience is the store; the organization is in its claim.
  const store = demoApiRoutes.find((candidate) => candidate.path === demoApiPaths.store);
  const storeAudience = audienceByPath[demoApiPaths.store];
  if (!store || storeAudience === undefined) return undefined;
  return {
    name: `${store.name} (organization)`,
    audience: storeAudience,
    scope: store.scope,
    organization: { id: organizationId, boundBy: 'claim' },
    data: () => ({ organizationId, orders }),
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header ?? '');
  return match?.[1];
}

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}
