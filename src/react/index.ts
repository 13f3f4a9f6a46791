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
export type { SignInWindowFunctions } from './SignInWindowFunctions.js';

// What @logto/react re-exports from @logto/browser, where logto-spa has an equivalent, so that
// migrating is a change of import (a package test compiles a typical app both ways), plus the
// core helpers a React app needs. The rest of the core (LogtoClient, storages, every type) stays
// in `logto-spa`: re-exporting it all would make this entry's measured size grow for nothing.
export {
  UserScope,
  ReservedScope,
  ReservedResource,
  Prompt,
  buildOrganizationUrn,
  getOrganizationIdFromUrn,
  organizationUrnPrefix,
  LogtoError,
  LogtoConfigError,
  LogtoSessionExpiredError,
  LogtoCallbackError,
  LogtoTokenEndpointError,
  LogtoNetworkError,
  sanitizeReturnPath,
  type LogtoConfig,
  type ClientOptions,
  type SignInOptions,
  type SignInCallbackResult,
  type AuthSnapshot,
  type IdTokenClaims,
  type UserClaims,
  type UserInfoResponse,
  type AccessTokenClaims,
  type LogtoErrorCode,
  type LogtoCallbackErrorCode,
  type InteractionMode,
  type LogtoClientLike,
  type LogtoWindowErrorCode,
  type SignInWindowMethods,
  type PopupSignInOptions,
  type SilentSignInOptions,
  type CheckSessionOptions,
  type ReauthenticateOptions,
} from '../core/index.js';
