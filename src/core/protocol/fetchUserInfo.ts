import type { UserInfoResponse } from './claims.js';
import type { ProtocolContext } from './ProtocolContext.js';
import { LogtoResponseError } from '../errors/LogtoResponseError.js';
import { LogtoTokenEndpointError } from '../errors/LogtoTokenEndpointError.js';
import { requestJson } from './http.js';

/**
 * Calls the userinfo endpoint with the opaque userinfo token and checks that it answered for the
 * signed-in user. A token the endpoint refuses (401 `invalid_token`: revoked, or the server forgot
 * it) although it looked fresh here is replaced once, through the refresh lock, and the call
 * retried once.
 *
 * @param subject the signed-in user's `sub`, which the answer must carry
 * @param replaceToken refreshes the userinfo token in place of the refused one
 * @throws LogtoTokenEndpointError, LogtoNetworkError, LogtoResponseError
 */
export async function fetchUserInfo(
  context: Pick<ProtocolContext, 'http' | 'metadata'>,
  subject: string | undefined,
  token: string,
  replaceToken: (rejected: string) => Promise<string>,
): Promise<UserInfoResponse> {
  const { userinfo_endpoint } = await context.metadata.getDiscovery();
  const ask = (bearer: string) =>
    requestJson(context.http, 'userinfo', userinfo_endpoint, {
      headers: { authorization: `Bearer ${bearer}` },
    });
  const body = await ask(token).catch(async (error: unknown) => {
    if (
      !(error instanceof LogtoTokenEndpointError) ||
      error.status !== 401 ||
      error.error !== 'invalid_token'
    )
      throw error;
    return ask(await replaceToken(token));
  });
  // OIDC Core 5.3.2: the userinfo subject must be the ID token's, or the response is not ours.
  if (body.sub !== subject) {
    throw new LogtoResponseError('userinfo answered for a different subject');
  }
  return body as UserInfoResponse;
}
