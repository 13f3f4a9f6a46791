import type { KoaMiddleware } from 'oidc-provider';

import { CorsPolicy } from './CorsPolicy.js';

/**
 * Provider middleware applying the {@link CorsPolicy} to every oidc-provider answer, errors
 * included. oidc-provider reflects any origin on discovery and JWKS, so whatever CORS headers it
 * set are removed first and only the policy's remain.
 *
 * @param cors - the app's origins
 */
export function createCorsMiddleware(cors: CorsPolicy): KoaMiddleware {
  return async (ctx, next) => {
    const origin = ctx.get('Origin');

    if (CorsPolicy.isPreflight(ctx.method, ctx.get('Access-Control-Request-Method'))) {
      ctx.vary('Origin');
      const headers = cors.preflightHeaders(origin, ctx.get('Access-Control-Request-Headers'));
      for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
      // A refused preflight is still a 204: the missing allow-origin header is the refusal.
      ctx.status = 204;
      return;
    }

    try {
      await next();
    } finally {
      ctx.vary('Origin');
      for (const name of Object.keys(ctx.response.headers)) {
        if (name.toLowerCase().startsWith('access-control-')) ctx.remove(name);
      }
      for (const [name, value] of Object.entries(cors.responseHeaders(origin))) {
        ctx.set(name, value);
      }
    }
  };
}
