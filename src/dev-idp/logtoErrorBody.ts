import type { KoaMiddleware } from 'oidc-provider';

/** Human-readable messages for Logto's `oidc.<error>` codes. */
const messages: Record<string, string> = {
  access_denied: 'Access denied.',
  insufficient_scope: 'Insufficient scope for this request.',
  invalid_client: 'Client authentication failed.',
  invalid_grant: 'Grant request is invalid.',
  invalid_redirect_uri:
    "The redirect_uri did not match any of the client's registered redirect_uris.",
  invalid_request: 'Request is invalid.',
  invalid_scope: 'Invalid scope requested.',
  invalid_target: 'Invalid resource indicator.',
  invalid_token: 'Invalid token provided.',
  login_required: 'Login is required.',
  server_error: 'An unknown OIDC error occurred. Please try again later.',
  unauthorized_client: 'The client is not authorized for this request.',
  unsupported_grant_type: 'Unsupported grant_type requested.',
  unsupported_response_type: 'Unsupported response_type requested.',
};

/**
 * Builds a Logto-shaped error body: `{ code: 'oidc.<error>', message, error, error_description }`.
 * `error` and `error_description` stay so that plain OAuth clients still understand it.
 */
export function logtoErrorBody(body: Record<string, unknown> & { error: string }) {
  return {
    code: `oidc.${body.error}`,
    message: messages[body.error] ?? `An OIDC error occurred: ${body.error}.`,
    ...body,
  };
}

/**
 * Provider middleware that rewrites oidc-provider's JSON error bodies (token, userinfo,
 * revocation, end session...) into Logto's shape. HTML error pages and redirects to the app
 * (authorization errors in the query) are left alone, as Logto does.
 */
export const reshapeErrorBodies: KoaMiddleware = async (ctx, next) => {
  await next();
  const { body } = ctx;
  if (
    ctx.status >= 400 &&
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    !('code' in body) &&
    'error' in body &&
    typeof body.error === 'string'
  ) {
    ctx.body = logtoErrorBody({ ...(body as Record<string, unknown>), error: body.error });
  }
};
