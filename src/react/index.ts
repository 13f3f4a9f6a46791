'use client';
export { LogtoProvider, type LogtoProviderProps } from './LogtoProvider.js';
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

// Everything the core exports, so that a React app imports from one place and migrating from
// @logto/react (which re-exports @logto/browser's types and constants) is a change of import.
// The core's own index lists its exports one by one; this line follows it without a second list.
export * from '../core/index.js';
