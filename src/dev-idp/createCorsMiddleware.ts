import type { KoaMiddleware } from 'oidc-provider';

/**
 * Provider middleware answering CORS for the app's origins only. oidc-provider reflects any
 * origin on discovery and JWKS; Logto does not, and an SDK tested against a permissive IdP
 * would hide a misconfigured origin until production. So every response (errors included)
 * gets `Access-Control-Allow-Origin` exactly when the origin is allowed, and never otherwise.
 *
 * @param allowedOrigins - e.g. `http://127.0.0.1:5173`
 */
export function createCorsMiddleware(allowedOrigins: ReadonlySet<string>): KoaMiddleware {
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    const allowed = origin !== '' && allowedOrigins.has(origin);

    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method') !== '') {
      ctx.vary('Origin');
      if (allowed) {
        ctx.set('Access-Control-Allow-Origin', origin);
        ctx.set('Access-Control-Allow-Methods', 'GET,POST');
        const requestedHeaders = ctx.get('Access-Control-Request-Headers');
        if (requestedHeaders !== '') ctx.set('Access-Control-Allow-Headers', requestedHeaders);
        ctx.set('Access-Control-Max-Age', '3600');
      }
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
      if (allowed) {
        ctx.set('Access-Control-Allow-Origin', origin);
        ctx.set('Access-Control-Expose-Headers', 'WWW-Authenticate');
      }
    }
  };
}
