'use client';
export { LogtoProvider, type LogtoProviderProps } from './LogtoProvider.js';
export type { LogtoClientLike } from './LogtoClientLike.js';
export { useLogto, type UseLogtoResult, type LogtoMethods } from './useLogto.js';
export {
  useHandleSignInCallback,
  type UseHandleSignInCallbackResult,
} from './useHandleSignInCallback.js';
export { useIdTokenClaims } from './useIdTokenClaims.js';
export { useUserInfo, type UseUserInfoResult } from './useUserInfo.js';
export {
  useAccessToken,
  type UseAccessTokenOptions,
  type UseAccessTokenResult,
} from './useAccessToken.js';
export { useOrganizationToken } from './useOrganizationToken.js';
export { Protected, type ProtectedProps } from './Protected.js';
export { sanitizeReturnPath } from './sanitizeReturnPath.js';
