/**
 * The SDK, as the demo uses it. The demo builds against the source in this repository; in your
 * app these come from the package:
 *
 * ```ts
 * import { LogtoProvider, useLogto } from 'logto-spa/react';
 * import { UserScope, LogtoError } from 'logto-spa';
 * ```
 */
export {
  LogtoProvider,
  Protected,
  sanitizeReturnPath,
  useAccessToken,
  useHandleSignInCallback,
  useIdTokenClaims,
  useLogto,
  useOrganizationToken,
  useUserInfo,
} from '../../src/react/index.js';
export {
  LogtoError,
  LogtoTokenEndpointError,
  LogtoCallbackError,
  UserScope,
  buildOrganizationUrn,
  type AccessTokenClaims,
  type IdTokenClaims,
  type LogtoConfig,
  type LogtoStorage,
  type UserInfoResponse,
} from '../../src/core/index.js';
