export { LogtoClient } from './LogtoClient.js';
export type { AuthSnapshot } from './AuthSnapshot.js';
export type { LogtoEvents, LogtoEventName } from './Emitter.js';
export type { SignOutReason } from './TabSync.js';
export type { LogtoConfig, ClientOptions, ResolvedConfig } from './LogtoConfig.js';
export type { LogtoLogger, LogtoLogTopic, LogtoLogDetails } from './logger.js';
export type {
  SignInOptions,
  SignInCallbackResult,
  SignInUrlOptions,
  SignInRequest,
} from './SignInFlow.js';
export type { CallbackRelay } from './callbackRelay.js';
export type { SignInWindowClient, SignInWindowMethods } from './SignInWindowClient.js';
export { signInWithPopup, type PopupSignInOptions } from './signInWithPopup.js';
export { openSignInPopup } from './openSignInPopup.js';
export { signInSilently, type SilentSignInOptions } from './signInSilently.js';
export { checkSession, type CheckSessionOptions } from './checkSession.js';
export { checkSessionOnFocus, type CheckSessionOnFocusOptions } from './checkSessionOnFocus.js';
export { reauthenticate, type ReauthenticateOptions } from './reauthenticate.js';
export type { LogtoStorage } from './storage/LogtoStorage.js';
export { MemoryStorage } from './storage/MemoryStorage.js';
export { IndexedDbStorage } from './storage/IndexedDbStorage.js';
export { SessionStorageStorage } from './storage/SessionStorageStorage.js';
export {
  UserScope,
  ReservedScope,
  ReservedResource,
  Prompt,
  FirstScreen,
  buildOrganizationUrn,
  getOrganizationIdFromUrn,
  organizationUrnPrefix,
  type InteractionMode,
  type SignInIdentifier,
} from './constants.js';
export type {
  JwtClaims,
  IdTokenClaims,
  UserClaims,
  AddressClaim,
  UserInfoResponse,
  OrganizationData,
  UserIdentity,
  SsoIdentity,
  AccessTokenClaims,
} from './claims.js';
export {
  LogtoError,
  LogtoConfigError,
  LogtoNotAuthenticatedError,
  LogtoSessionExpiredError,
  LogtoCallbackError,
  LogtoIdTokenError,
  LogtoTokenEndpointError,
  LogtoResponseError,
  LogtoDiscoveryError,
  LogtoUnexpectedError,
  LogtoNetworkError,
  LogtoStorageError,
  LogtoLockTimeoutError,
  LogtoWindowError,
  type LogtoErrorCode,
  type LogtoCallbackErrorCode,
  type LogtoWindowErrorCode,
  type IdTokenFailure,
} from './errors.js';
export { decodeJwtClaims } from './jwt.js';
export { sanitizeReturnPath } from './sanitizeReturnPath.js';
export type { LogtoClientLike } from './LogtoClientLike.js';
