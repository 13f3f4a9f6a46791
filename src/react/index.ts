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
// A package test checks that this list keeps up with the core's runtime exports.
export {
  LogtoClient,
  MemoryStorage,
  IndexedDbStorage,
  UserScope,
  ReservedScope,
  ReservedResource,
  Prompt,
  FirstScreen,
  buildOrganizationUrn,
  getOrganizationIdFromUrn,
  organizationUrnPrefix,
  LogtoError,
  LogtoConfigError,
  LogtoNotAuthenticatedError,
  LogtoSessionExpiredError,
  LogtoCallbackError,
  LogtoIdTokenError,
  LogtoTokenEndpointError,
  LogtoResponseError,
  LogtoNetworkError,
  LogtoStorageError,
  LogtoLockTimeoutError,
  decodeJwtClaims,
  sanitizeReturnPath,
  type AuthSnapshot,
  type LogtoEvents,
  type LogtoEventName,
  type LogtoConfig,
  type ClientOptions,
  type ResolvedConfig,
  type SignInOptions,
  type SignInCallbackResult,
  type LogtoStorage,
  type InteractionMode,
  type SignInIdentifier,
  type JwtClaims,
  type IdTokenClaims,
  type UserClaims,
  type AddressClaim,
  type UserInfoResponse,
  type OrganizationData,
  type UserIdentity,
  type SsoIdentity,
  type AccessTokenClaims,
  type LogtoErrorCode,
  type LogtoCallbackErrorCode,
  type IdTokenFailure,
  type LogtoClientLike,
} from '../core/index.js';
