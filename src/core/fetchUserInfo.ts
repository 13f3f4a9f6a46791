import type { UserInfoResponse } from './claims.js';
import type { ClientContext } from './ClientContext.js';
import { LogtoResponseError } from './errors.js';
import { requestJson } from './http.js';

/**
 * Calls the userinfo endpoint with the opaque userinfo token and checks that it answered for the
 * signed-in user.
 *
 * @throws LogtoTokenEndpointError, LogtoNetworkError, LogtoResponseError
 */
export async function fetchUserInfo(
  context: ClientContext,
  token: string,
): Promise<UserInfoResponse> {
  const { userinfo_endpoint } = await context.metadata.getDiscovery();
  const body = await requestJson(context.http, 'userinfo', userinfo_endpoint, {
    headers: { authorization: `Bearer ${token}` },
  });
  // OIDC Core 5.3.2: the userinfo subject must be the ID token's, or the response is not ours.
  if (body.sub !== context.session.current?.claims.sub) {
    throw new LogtoResponseError('userinfo answered for a different subject');
  }
  return body as UserInfoResponse;
}
