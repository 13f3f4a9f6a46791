import type { AccountApi } from './AccountApi.js';
import type { MfaFactor, MfaSettings, TotpSecret } from './MfaFactor.js';
import { readAnswer, readList } from './readAnswer.js';
import { totpUri } from './totpUri.js';

/** How a TOTP secret is labelled in the user's authenticator app. */
export interface TotpLabel {
  /** Default: the Logto endpoint's host. */
  issuer?: string;
  /** Default: the account's email, else its username, else its id. */
  accountName?: string;
}

/**
 * Multi-factor authentication: the account client's fourth part. Every call needs
 * `UserScope.Identities`; changes need the identity verification and the factor switched on in
 * Logto Console › Sign-in experience › Multi-factor auth.
 */
export interface MfaOperations {
  /** The account's factors (never their secrets). @throws LogtoAccountError `missing_scope` */
  listMfaFactors(): Promise<MfaFactor[]>;
  /**
   * A new TOTP secret and its `otpauth://` URI, for the user's authenticator app. Nothing is
   * saved until {@link addTotp} with a code the app shows.
   */
  generateTotpSecret(label?: TotpLabel): Promise<TotpSecret>;
  /**
   * Adds the TOTP factor, checking `code` against `secret`.
   *
   * @throws LogtoAccountError `code_invalid`, `verification_required`, `account_request_failed`
   *   (`user.totp_already_in_use`, `session.mfa.mfa_factor_not_enabled`)
   */
  addTotp(secret: string, code: string): Promise<void>;
  /** Ten new backup codes, to show the user once; saved by {@link addBackupCodes}. */
  generateBackupCodes(): Promise<string[]>;
  /**
   * Saves backup codes from {@link generateBackupCodes}. Logto needs another factor first and
   * refuses while unused codes remain.
   */
  addBackupCodes(codes: readonly string[]): Promise<void>;
  /** Removes a factor by its id (from {@link listMfaFactors}). Needs the identity verification. */
  removeMfaFactor(id: string): Promise<void>;
  /** The account's MFA settings. */
  getMfaSettings(): Promise<MfaSettings>;
  /** Changes the MFA settings; needs the identity verification. */
  updateMfaSettings(settings: MfaSettings): Promise<MfaSettings>;
}

const identities = 'identities';

/** The MFA operations over `api`. */
export function mfaOperations(api: AccountApi): MfaOperations {
  const path = '/my-account/mfa-verifications';
  const add = async (body: object) => {
    await api.send({
      method: 'POST',
      path,
      body,
      scope: identities,
      verified: true,
      changes: true,
    });
  };
  return {
    listMfaFactors: async () => {
      const { json } = await api.send({ method: 'GET', path, scope: identities });
      return readList<MfaFactor>(json, 'the MFA factors');
    },
    generateTotpSecret: async (label = {}) => {
      const { json } = await api.send({ method: 'POST', path: `${path}/totp-secret/generate` });
      const { secret } = readAnswer<{ secret: string }>(json, 'the TOTP secret', ['secret']);
      const known = api.known;
      const issuer = label.issuer ?? new URL(api.endpoint).host;
      const accountName =
        label.accountName ?? known?.primaryEmail ?? known?.username ?? known?.id ?? 'account';
      return { secret, uri: totpUri(secret, { issuer, accountName }) };
    },
    addTotp: (secret, code) => add({ type: 'Totp', secret, code }),
    generateBackupCodes: async () => {
      const { json } = await api.send({ method: 'POST', path: `${path}/backup-codes/generate` });
      const { codes } = readAnswer<{ codes: unknown }>(json, 'the backup codes');
      return readList<string>(codes, 'the backup codes');
    },
    addBackupCodes: (codes) => add({ type: 'BackupCode', codes }),
    removeMfaFactor: async (id) => {
      await api.send({
        method: 'DELETE',
        path: `${path}/${encodeURIComponent(id)}`,
        scope: identities,
        verified: true,
        changes: true,
      });
    },
    getMfaSettings: async () => {
      const { json } = await api.send({
        method: 'GET',
        path: '/my-account/mfa-settings',
        scope: identities,
      });
      return readAnswer<MfaSettings>(json, 'the MFA settings');
    },
    updateMfaSettings: async (settings) => {
      const { json } = await api.send({
        method: 'PATCH',
        path: '/my-account/mfa-settings',
        body: { skipMfaOnSignIn: settings.skipMfaOnSignIn },
        scope: identities,
        verified: true,
        changes: true,
      });
      return readAnswer<MfaSettings>(json, 'the MFA settings');
    },
  };
}
