import type { IncomingMessage, ServerResponse } from 'node:http';

/** Methods Logto's `/api` CORS answers allow (the @koa/cors defaults). */
const allowedMethods = 'GET,HEAD,PUT,POST,DELETE,PATCH';

/**
 * CORS for `/api/my-account` and `/api/verifications`, as Logto 1.37 answers them: any origin
 * (echoed back, `*` when the request has none), every response header exposed, and preflights
 * allowing the headers asked for (Authorization, Content-Type, logto-verification-id...).
 * Unlike the OIDC endpoints these are not limited to the app's origins: the bearer token, not
 * the origin, protects them.
 *
 * @returns true when the request was a preflight and has been answered (204)
 */
export function applyApiCors(req: IncomingMessage, res: ServerResponse): boolean {
  const { origin } = req.headers;
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    res.setHeader('Access-Control-Allow-Methods', allowedMethods);
    const requested = req.headers['access-control-request-headers'];
    if (requested !== undefined) res.setHeader('Access-Control-Allow-Headers', requested);
    res.statusCode = 204;
    res.end();
    return true;
  }
  res.setHeader('Access-Control-Expose-Headers', '*');
  return false;
}
