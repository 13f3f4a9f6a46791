import type { ProtocolContext } from './ProtocolContext.js';
import { requestNoContent } from './http.js';

/** How long sign-out waits for the revocation before it navigates (the request goes on anyway). */
export const revocationWaitMs = 2000;

/**
 * The network half of sign-out: revokes the refresh token (best effort — a local sign-out must
 * not depend on Logto being reachable) and returns the end-session URL to navigate to.
 *
 * @throws LogtoNetworkError, LogtoDiscoveryError when the discovery document is neither cached
 *   nor reachable (the end-session URL is then unknown)
 */
export async function endSession(
  context: Pick<ProtocolContext, 'config' | 'http' | 'metadata'>,
  refreshToken: string | undefined,
  postLogoutRedirectUri: string | undefined,
): Promise<string> {
  const discovery = await context.metadata.getDiscovery();
  const clientId = context.config.appId;
  if (refreshToken) {
    // Waiting for the answer (read to the end) means the navigation cancels nothing; `keepalive`
    // lets a slower one outlive the page. (sendBeacon would need no wait, but it is no-cors and
    // cannot tell whether Logto accepted the revocation.)
    const revoked = requestNoContent(context.http, 'revocation', discovery.revocation_endpoint, {
      method: 'POST',
      body: new URLSearchParams({ client_id: clientId, token: refreshToken }),
      keepalive: true,
    }).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, revocationWaitMs);
      void revoked.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const url = new URL(discovery.end_session_endpoint);
  url.searchParams.set('client_id', clientId);
  if (postLogoutRedirectUri)
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
  return url.href;
}
