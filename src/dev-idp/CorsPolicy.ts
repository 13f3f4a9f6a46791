import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SeedApp } from './DevIdpSeed.js';

/** Response headers, by name. */
export type CorsHeaders = Record<string, string>;

/**
 * CORS the way Logto answers it: only the app's registered origins are allowed, on every answer
 * (errors and 404s included), and never `*`. An SDK tested against a permissive IdP would hide a
 * misconfigured origin until production; one tested against an IdP that forgets the header on a
 * 404 would see a CORS failure where the browser should show the 404 of a wrong endpoint.
 */
export class CorsPolicy {
  readonly #origins: ReadonlySet<string>;

  /** @param origins - e.g. `http://127.0.0.1:5173` */
  constructor(origins: Iterable<string>) {
    this.#origins = new Set(origins);
  }

  /**
   * The origins of the app's redirect and post-sign-out URIs, plus its `corsOrigins`.
   *
   * @example
   * const cors = CorsPolicy.forApp(seed.app);
   */
  static forApp(app: SeedApp): CorsPolicy {
    const { redirectUris, postSignOutRedirectUris, corsOrigins } = app;
    return new CorsPolicy([
      ...[...redirectUris, ...postSignOutRedirectUris].map((uri) => new URL(uri).origin),
      ...corsOrigins,
    ]);
  }

  /** True when a browser page of `origin` may read the IdP's answers. */
  allows(origin: string | undefined): origin is string {
    return origin !== undefined && origin !== '' && this.#origins.has(origin);
  }

  /** True for a CORS preflight (not any OPTIONS request). */
  static isPreflight(method: string | undefined, requestMethod: string | undefined): boolean {
    return method === 'OPTIONS' && requestMethod !== undefined && requestMethod !== '';
  }

  /** Headers for an ordinary answer to `origin`: none for an origin that is not allowed. */
  responseHeaders(origin: string | undefined): CorsHeaders {
    if (!this.allows(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      // Bearer errors of userinfo explain themselves in this header.
      'Access-Control-Expose-Headers': 'WWW-Authenticate',
    };
  }

  /**
   * Headers for a preflight from `origin`: none for an origin that is not allowed (the missing
   * allow-origin header is the refusal).
   *
   * @param requestHeaders - the preflight's `Access-Control-Request-Headers`, echoed back
   */
  preflightHeaders(origin: string | undefined, requestHeaders: string | undefined): CorsHeaders {
    if (!this.allows(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET,POST',
      ...(requestHeaders === undefined || requestHeaders === ''
        ? {}
        : { 'Access-Control-Allow-Headers': requestHeaders }),
      'Access-Control-Max-Age': '3600',
    };
  }

  /**
   * Applies the policy to a request served outside oidc-provider (pages, avatars, 404s): sets
   * the headers, and answers a preflight itself with 204.
   *
   * @returns true when the request was a preflight and has been answered
   */
  handleNodeRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (CorsPolicy.isPreflight(req.method, req.headers['access-control-request-method'])) {
      const requestHeaders = req.headers['access-control-request-headers'];
      for (const [name, value] of Object.entries(this.preflightHeaders(origin, requestHeaders))) {
        res.setHeader(name, value);
      }
      res.statusCode = 204;
      res.end();
      return true;
    }
    for (const [name, value] of Object.entries(this.responseHeaders(origin))) {
      res.setHeader(name, value);
    }
    return false;
  }
}
