import type { ClientContext } from './ClientContext.js';
import { requestNoContent } from './http.js';

/**
 * The network half of sign-out: revokes the refresh token (best effort — a local sign-out must
 * not depend on Logto being reachable) and returns the end-session URL to navigate to.
 *
 * @throws LogtoNetworkError when the discovery document is neither cached nor reachable
 */
export async function endSession(
  context: ClientContext,
  refreshToken: string | undefined,
  postLogoutRedirectUri: string | undefined,
): Promise<string> {
  const discovery = await context.metadata.getDiscovery();
  const clientId = context.config.appId;
  if (refreshToken) {
    await requestNoContent(context.http, 'revocation', discovery.revocation_endpoint, {
      method: 'POST',
      body: new URLSearchParams({ client_id: clientId, token: refreshToken }),
    }).catch(() => undefined);
  }
  const url = new URL(discovery.end_session_endpoint);
  url.searchParams.set('client_id', clientId);
  if (postLogoutRedirectUri)
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
  return url.href;
}
