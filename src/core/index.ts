export { LogtoClient, type ClientOptions } from './LogtoClient.js';
export type { AuthSnapshot, SessionStatus } from './session/AuthSnapshot.js';
export type { LogtoEvents, LogtoEventName } from './session/Emitter.js';
export type { SignOutReason } from './session/TabSync.js';
export type { LogtoConfig, ResolvedConfig } from './config/LogtoConfig.js';
export type { LogtoLogger, LogtoLogTopic, LogtoLogDetails } from './config/logger.js';
export type {
  SignInOptions,
  SignInCallbackResult,
  SignInUrlOptions,
  SignInRequest,
} from './signin/SignInOptions.js';
export type { CallbackRelay } from './signin/callbackRelay.js';
export type { SignInWindowClient, SignInWindowMethods } from './windows/SignInWindowClient.js';
export { signInWithPopup } from './windows/signInWithPopup.js';
export { openSignInPopup } from './windows/openSignInPopup.js';
export { signInSilently } from './windows/signInSilently.js';
export { checkSession } from './windows/checkSession.js';
export {
  checkSessionOnFocus,
  type CheckSessionOnFocusOptions,
} from './windows/checkSessionOnFocus.js';
export { reauthenticate } from './windows/reauthenticate.js';
export type {
  CheckSessionOptions,
  PopupSignInOptions,
  ReauthenticateOptions,
  SilentSignInOptions,
} from './windows/SignInWindowOptions.js';
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
} from './config/constants.js';
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
} from './protocol/claims.js';
export { LogtoError, type LogtoErrorCode } from './errors/LogtoError.js';
export { LogtoConfigError } from './errors/LogtoConfigError.js';
export { LogtoNotAuthenticatedError } from './errors/LogtoNotAuthenticatedError.js';
export { LogtoSessionExpiredError } from './errors/LogtoSessionExpiredError.js';
export { LogtoCallbackError, type LogtoCallbackErrorCode } from './errors/LogtoCallbackError.js';
export { LogtoIdTokenError, type IdTokenFailure } from './errors/LogtoIdTokenError.js';
export { LogtoTokenEndpointError } from './errors/LogtoTokenEndpointError.js';
export { LogtoResponseError } from './errors/LogtoResponseError.js';
export { LogtoDiscoveryError } from './errors/LogtoDiscoveryError.js';
export { LogtoUnexpectedError } from './errors/LogtoUnexpectedError.js';
export { LogtoNetworkError } from './errors/LogtoNetworkError.js';
export { LogtoStorageError } from './errors/LogtoStorageError.js';
export { LogtoLockTimeoutError } from './errors/LogtoLockTimeoutError.js';
export { LogtoWindowError, type LogtoWindowErrorCode } from './errors/LogtoWindowError.js';
export { decodeJwtClaims } from './protocol/jwt.js';
export { sanitizeReturnPath } from './signin/sanitizeReturnPath.js';
export type { LogtoClientLike } from './LogtoClientLike.js';
