/**
 * `logto-spa/dev-idp` (Node only): a local, Logto-compatible OpenID provider for development,
 * demos and tests, built on oidc-provider. Start it with `startDevIdp` or the
 * `logto-spa-dev-idp` CLI; sign in from Node tests with `completeSignIn`.
 */
export { startDevIdp } from './startDevIdp.js';
export type { DevIdp, DevIdpOptions } from './startDevIdp.js';
export type { DevIdpTtl } from './resolveTtl.js';
export type { DevIdpRequest } from './RequestLog.js';
export { loadSeed } from './loadSeed.js';
export { validateSeed } from './validateSeed.js';
export { SeedValidationError } from './SeedValidationError.js';
export type {
  DevIdpSeed,
  DevIdpSeedInput,
  SeedApp,
  SeedOrganization,
  SeedOrganizationMember,
  SeedOrganizationRole,
  SeedResource,
  SeedResourceScope,
  SeedRole,
  SeedUser,
  SeedUserAddress,
  SeedUserProfile,
} from './DevIdpSeed.js';
export type {
  AccountCenterControl,
  AccountCenterField,
  MfaFactor,
  SeedAccountCenter,
  SeedAccountCenterInput,
  SeedSignInExperience,
  SeedSignInExperienceInput,
} from './account/SeedAccountCenter.js';
export type { SentCode } from './account/VerificationRecords.js';
export { completeSignIn } from './completeSignIn.js';
export type { SignInCredentials, SignUpCredentials } from './completeSignIn.js';
