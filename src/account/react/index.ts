'use client';
// `logto-spa/account/react`: the React hooks of account self-service. Not in `logto-spa/react`,
// so an app without an account page does not ship the account client; not in
// `logto-spa/account`, so that entry stays free of React for Vue, Svelte and plain apps.
export { useAccount, type UseAccountResult } from './useAccount.js';
export { useAccountAction, type UseAccountActionResult } from './useAccountAction.js';
export { useAccountClient } from './AccountContext.js';
export { AccountProvider, type AccountProviderProps } from './AccountProvider.js';
export {
  createAccountClient,
  AccountScope,
  LogtoAccountError,
  type AccountClient,
  type Account,
  type AccountChanges,
  type AccountProfile,
  type LogtoAccountErrorCode,
  type IdentityVerificationMethod,
  type MfaFactor,
  type MfaSettings,
  type TotpSecret,
  type SentCode,
  type VerifiedCode,
  type AccountSession,
} from '../index.js';
