// Account self-service is an entry of its own (`logto-spa/account`): an app that does not import
// it ships none of it, and the core entry's size budget holds.
export { createAccountClient } from './createAccountClient.js';
export type { AccountClient } from './AccountClient.js';
export type { AccountClientOptions, AccountTokenSource } from './AccountApi.js';
export type { ProfileOperations } from './profileOperations.js';
export type { VerificationOperations } from './verificationOperations.js';
export type { IdentifierOperations } from './identifierOperations.js';
export type { MfaOperations, TotpLabel } from './mfaOperations.js';
export type { SessionOperations } from './sessionOperations.js';
export type {
  Account,
  AccountAddress,
  AccountChanges,
  AccountIdentity,
  AccountProfile,
} from './Account.js';
export type { MfaFactor, MfaFactorType, MfaSettings, TotpSecret } from './MfaFactor.js';
export type { AccountSession } from './AccountSession.js';
export type { CodeTarget, CodeIdentifier, SentCode, VerifiedCode } from './CodeVerification.js';
export { AccountScope } from './AccountScope.js';
export { totpUri } from './totpUri.js';
export {
  LogtoAccountError,
  type LogtoAccountErrorCode,
  type LogtoAccountErrorDetails,
  type IdentityVerificationMethod,
} from './LogtoAccountError.js';
