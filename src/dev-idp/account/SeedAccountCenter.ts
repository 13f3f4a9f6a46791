/**
 * The seed's account center and sign-in experience settings, as Logto's Console sets them: they
 * decide what the Account API (`/api/my-account`, `/api/verifications`) allows.
 */

/** How the account center exposes one field (Logto's `AccountCenterControlValue`). */
export type AccountCenterControl = 'Off' | 'ReadOnly' | 'Edit';

/** The fields of Logto's account center, in Logto's order. */
export const accountCenterFields = [
  'name',
  'avatar',
  'profile',
  'email',
  'phone',
  'password',
  'username',
  'social',
  'customData',
  'mfa',
  'session',
] as const;

/** One field of the account center. */
export type AccountCenterField = (typeof accountCenterFields)[number];

/** Logto's account center switch and per-field controls. */
export interface SeedAccountCenter {
  /** Off: every Account API call answers 400 `account_center.not_enabled`. */
  enabled: boolean;
  /** Every field; a field the seed leaves out is `Off`, as in Logto. */
  fields: Record<AccountCenterField, AccountCenterControl>;
  /**
   * Answer as a Logto server started with dev features on: adds the sessions routes, which a
   * production Logto 1.37 does not have (404).
   */
  devFeatures: boolean;
}

/** MFA factors of Logto's sign-in experience. */
export const mfaFactors = [
  'Totp',
  'WebAuthn',
  'BackupCode',
  'EmailVerificationCode',
  'PhoneVerificationCode',
] as const;

/** One MFA factor (Logto's `MfaFactor`). */
export type MfaFactor = (typeof mfaFactors)[number];

/** The parts of Logto's sign-in experience the Account API looks at. */
export interface SeedSignInExperience {
  mfa: {
    /** Factors users may add. Default TOTP and backup codes. */
    factors: MfaFactor[];
  };
}

/** What a seed file may contain for the account center (all optional). */
export interface SeedAccountCenterInput {
  enabled?: boolean;
  fields?: Partial<Record<AccountCenterField, AccountCenterControl>>;
  devFeatures?: boolean;
}

/** What a seed file may contain for the sign-in experience (all optional). */
export interface SeedSignInExperienceInput {
  mfa?: { factors?: MfaFactor[] };
}
