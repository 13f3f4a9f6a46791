import type { IdTokenClaims, ResolvedConfig, UserInfoResponse } from '../core/index.js';
import type { MockUser } from './MockLogtoClient.js';

/** The user a mock signs in when none is given. */
export const defaultMockUser = {
  sub: 'mock-user',
  name: 'Mock User',
  username: 'mock-user',
} as const;

/** The ID-token claims of `user`, issued now by the mock's Logto, valid an hour. */
export function mockIdTokenClaims(
  user: MockUser,
  config: ResolvedConfig,
  now: number,
): IdTokenClaims {
  const iat = Math.floor(now);
  return Object.freeze({
    iss: config.issuer,
    aud: config.appId,
    iat,
    exp: iat + 3600,
    ...defaultMockUser,
    ...user,
  });
}

/**
 * What Logto's userinfo endpoint answers for these claims: the profile claims (not the ID
 * token's own `iss`, `exp`, `nonce`...), `organization_data` for the organizations, and `extra`.
 */
export function mockUserInfo(
  claims: IdTokenClaims,
  extra: Partial<UserInfoResponse> | undefined,
): UserInfoResponse {
  const { iss, aud, exp, iat, at_hash, nonce, auth_time, sid, ...profile } = claims;
  const organizationData = profile.organizations?.map((id) => ({
    id,
    name: id,
    description: null,
  }));
  return {
    ...(organizationData ? { organization_data: organizationData } : {}),
    ...extra,
    ...profile,
  };
}
