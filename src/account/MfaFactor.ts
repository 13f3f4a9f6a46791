/** An MFA factor type Logto knows. */
export type MfaFactorType = 'Totp' | 'WebAuthn' | 'BackupCode' | (string & {});

/**
 * One MFA factor of the account, as `GET /api/my-account/mfa-verifications` lists it (never its
 * secret or codes).
 *
 * @example
 * ```ts
 * const factors: MfaFactor[] = await accountClient.listMfaFactors();
 * const hasTotp = factors.some((factor) => factor.type === 'Totp');
 * ```
 */
export interface MfaFactor {
  id: string;
  type: MfaFactorType;
  /** ISO date. */
  createdAt: string;
  /** Backup codes: how many are still unused. */
  remainCodes?: number;
  /** Passkeys: the name the user gave it, and the browser that registered it. */
  name?: string;
  agent?: string;
}

/** A new TOTP secret, with the URI an authenticator app reads (shown as a QR code or as text). */
export interface TotpSecret {
  /** Base32, as authenticator apps expect it. Show it once; it is the factor. */
  secret: string;
  /** `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` */
  uri: string;
}

/** The account's MFA settings. */
export interface MfaSettings {
  /** Whether the user chose not to be asked for MFA on sign-in. */
  skipMfaOnSignIn: boolean;
}
